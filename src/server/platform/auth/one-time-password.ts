import { randomInt } from 'node:crypto';
import { checkPassword } from './password-policy.js';

// No 0/o, 1/l/i: the administrator reads it out or writes it down for the user.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A password for an administrator's reset, shown once and replaced by the user
 * at the next sign-in: 20 random characters (about 99 bits) in groups of five,
 * so that it is easy to pass on and still passes the password policy.
 */
export function generateOneTimePassword(): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'a').join(''),
    );
    const candidate = groups.join('-');
    // A random draw can, very rarely, look like a keyboard walk or a word; draw again.
    if (checkPassword(candidate, {}).ok) {
      return candidate;
    }
  }
}

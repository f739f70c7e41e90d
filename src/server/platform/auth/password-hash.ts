import { randomBytes } from 'node:crypto';
import { argon2id, hash, needsRehash as argon2NeedsRehash, verify } from 'argon2';

// OWASP Password Storage Cheat Sheet's first argon2id setting: 19 MiB keeps a
// burst of sign-ins affordable on a small regional server while still costing
// a GPU attacker far more per guess than bcrypt would.
const HASH_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// argon2.needsRehash compares cost parameters only, so an argon2i or argon2d
// hash with the same costs would otherwise never be upgraded.
const ARGON2ID_PREFIX = '$argon2id$';

/** Hashes a password (after the same NFKC normalization the policy counts in). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), HASH_OPTIONS);
}

/** False for a wrong password and for anything that is not a readable argon2 hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await verify(hash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/** True when the hash should be replaced at the next successful sign-in. */
export function needsRehash(hash: string): boolean {
  if (!hash.startsWith(ARGON2ID_PREFIX)) {
    return true;
  }
  try {
    return argon2NeedsRehash(hash, HASH_OPTIONS);
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification, so a sign-in for an unknown email
 * is not measurably faster than one for a known email. The hash is made once
 * per process with the current parameters, so it cannot drift from real hashes.
 */
export async function dummyVerify(): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummyHash, 'not the password');
}

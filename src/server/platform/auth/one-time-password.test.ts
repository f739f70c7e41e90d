import { describe, expect, it } from 'vitest';
import { generateOneTimePassword } from './one-time-password.js';
import { checkPassword } from './password-policy.js';

describe("an administrator's one-time password", () => {
  it('passes the password policy, reads in groups without look-alike characters, and differs every time', () => {
    const drawn = Array.from({ length: 50 }, () => generateOneTimePassword());
    for (const password of drawn) {
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/);
      expect(checkPassword(password, {}).ok).toBe(true);
    }
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});

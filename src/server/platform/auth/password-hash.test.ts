import { describe, expect, it } from 'vitest';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password-hash.js';

// argon2's own default costs (m=64 MiB, t=3, p=4), as an older Senim might have stored.
const LEGACY_HASH_OF_X = '$argon2id$v=19$m=65536,p=4,t=3$UCFydGDcxHWzZSqkT1pfxw$gZwo/04uYvEPs77z5QobCR5uwP4Fcwja3HYFQAvtU0A';

describe('password hashing', () => {
  it('stores an argon2id hash with the OWASP costs that only the right password opens', async () => {
    const hash = await hashPassword('river quilt amber nomad');

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(hash, 'river quilt amber nomad')).toBe(true);
    expect(await verifyPassword(hash, 'river quilt amber nomads')).toBe(false);
  });

  it('treats a fullwidth password as its NFKC equivalent', async () => {
    const hash = await hashPassword('ｒｉｖｅｒ quilt amber nomad');

    expect(await verifyPassword(hash, 'river quilt amber nomad')).toBe(true);
  });

  it('still opens a hash made with older costs and asks for a rehash', async () => {
    expect(await verifyPassword(LEGACY_HASH_OF_X, 'x')).toBe(true);
    expect(needsRehash(LEGACY_HASH_OF_X)).toBe(true);
  });

  it('answers false, without throwing, for a malformed hash', async () => {
    for (const hash of ['', 'not a hash', '$argon2id$v=19$m=19456', '$2b$10$abcdefghijklmnopqrstuv']) {
      expect(await verifyPassword(hash, 'river quilt amber nomad'), hash).toBe(false);
      expect(needsRehash(hash), hash).toBe(true);
    }
  });

  it('spends a verification for an unknown email', async () => {
    await expect(dummyVerify()).resolves.toBeUndefined();
  });
});

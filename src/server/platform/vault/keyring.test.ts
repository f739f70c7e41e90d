import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { staffEmailDigest } from './blind-index.js';
import { openText, sealText, VaultDecryptError } from './cipher.js';
import { deriveVaultKeys, readingKeys, withRetiringKeys } from './data-key.js';
import { openStaffEmail, sealedEmailColumns, staffEmailDigests } from './staff-email.js';

const oldKeys = deriveVaultKeys(randomBytes(32));
const newKeys = deriveVaultKeys(randomBytes(32));

describe('a keyring during a key rotation', () => {
  it('opens what the retiring key sealed and seals with the new key only', () => {
    const sealedBefore = sealText(oldKeys, 'Айгерим', 'user:1:display_name');
    const ring = withRetiringKeys(newKeys, [oldKeys]);
    expect(openText(ring, sealedBefore, 'user:1:display_name')).toBe('Айгерим');
    const sealedNow = sealText(ring, 'Айгерим', 'user:1:display_name');
    expect(sealedNow.split('.')[1]).toBe(newKeys.keyId);
    expect(openText(newKeys, sealedNow, 'user:1:display_name')).toBe('Айгерим');
    // Without the retiring key, the old value names the key it needs.
    expect(() => openText(newKeys, sealedBefore, 'user:1:display_name')).toThrow(VaultDecryptError);
  });

  it('looks emails up under both keys, the new one first, and shows no secret when logged', () => {
    const ring = withRetiringKeys(newKeys, [oldKeys]);
    expect(readingKeys(ring).map((keys) => keys.keyId)).toEqual([newKeys.keyId, oldKeys.keyId]);
    expect(staffEmailDigests(ring, 'A@b.kz')).toEqual([staffEmailDigest(newKeys, 'a@b.kz'), staffEmailDigest(oldKeys, 'a@b.kz')]);
    expect(JSON.stringify(ring)).toBe(JSON.stringify({ keyId: newKeys.keyId }));
    expect(withRetiringKeys(newKeys, [newKeys])).toBe(newKeys);
  });
});

describe('a sealed staff email', () => {
  it('keeps no clear copy, opens only on its own user, and is found whatever its case and spaces', () => {
    const columns = sealedEmailColumns(newKeys, 'user-1', ' Aigerim.S@Korgau.kz ');
    expect(columns.email).toBeNull();
    expect(columns.email_sealed).not.toMatch(/aigerim/i);
    expect(openStaffEmail(newKeys, 'user-1', columns)).toBe('Aigerim.S@Korgau.kz');
    expect(() => openStaffEmail(newKeys, 'user-2', columns)).toThrow(VaultDecryptError);
    expect(columns.email_digest).toBe(staffEmailDigest(newKeys, 'aigerim.s@korgau.kz'));
    expect(staffEmailDigest(newKeys, 'aigerim.s@korgau.kz')).not.toBe(staffEmailDigest(oldKeys, 'aigerim.s@korgau.kz'));
  });
});

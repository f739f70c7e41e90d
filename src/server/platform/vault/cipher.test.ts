import { describe, expect, it } from 'vitest';
import { VaultDecryptError, openJson, openText, sealJson, sealText } from './cipher.js';
import { deriveVaultKeys, generateDataKeyHex, type VaultKeys } from './data-key.js';

function freshKeys(): VaultKeys {
  return deriveVaultKeys(Buffer.from(generateDataKeyHex(), 'hex'));
}

function failure(action: () => unknown): VaultDecryptError {
  try {
    action();
  } catch (error) {
    if (error instanceof VaultDecryptError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the value not to open');
}

function flipByte(sealed: string, field: number, index: number): string {
  const fields = sealed.split('.');
  const bytes = Buffer.from(fields[field] ?? '', 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  fields[field] = bytes.toString('base64url');
  return fields.join('.');
}

const identity = {
  givenName: 'Айгүл',
  familyName: 'Серикова',
  aliases: ['Aigul', 'Гуля'],
  birthDate: '1999-04-12',
  passport: 'N12345678',
  phone: '+7 701 234 56 78',
};
const aad = 'person:7f0c9d1e:identity';

describe('sealing identifying data', () => {
  it('an NGO caseworker saves a victim identity and reads it back unchanged', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, aad);
    expect(sealed).toMatch(new RegExp(`^v1\\.${keys.keyId}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]+$`));
    expect(openJson<typeof identity>(keys, sealed, aad)).toEqual(identity);
  });

  it('someone reading the database sees none of the plaintext', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, aad);
    const encodings = (text: string): string[] => [text, Buffer.from(text).toString('base64url'), Buffer.from(text).toString('hex')];
    for (const secret of ['Айгүл', 'Серикова', 'Aigul', '1999-04-12', 'N12345678', '701 234']) {
      for (const form of encodings(secret)) {
        expect(sealed).not.toContain(form);
      }
    }
  });

  it('the same value sealed twice gives two different ciphertexts, so equal names cannot be spotted', () => {
    const keys = freshKeys();
    const first = sealJson(keys, identity, aad);
    const second = sealJson(keys, identity, aad);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('a TOTP secret survives as plain text, including an empty string', () => {
    const keys = freshKeys();
    const secret = 'JBSWY3DPEHPK3PXP';
    expect(openText(keys, sealText(keys, secret, 'user:42:totp'), 'user:42:totp')).toBe(secret);
    expect(openText(keys, sealText(keys, '', 'user:42:totp'), 'user:42:totp')).toBe('');
  });

  it('refuses to seal without saying where the value belongs', () => {
    const keys = freshKeys();
    expect(() => sealJson(keys, identity, '')).toThrow(TypeError);
    expect(() => sealJson(keys, undefined, aad)).toThrow(TypeError);
  });
});

describe('opening refuses anything altered or misplaced', () => {
  it('changing any single byte of the IV, the tag or the ciphertext makes the value unreadable', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, aad);
    const fields = sealed.split('.');
    for (const field of [2, 3, 4]) {
      const length = Buffer.from(fields[field] ?? '', 'base64url').length;
      for (let index = 0; index < length; index += 1) {
        const error = failure(() => openJson(keys, flipByte(sealed, field, index), aad));
        expect(error.reason).toBe('authentication_failed');
      }
    }
  });

  it('a ciphertext with a cut tag, a stray character or extra fields is refused', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, aad);
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    const cutTag = [version, keyId, iv, (tag ?? '').slice(0, 11), ciphertext].join('.');
    expect(failure(() => openJson(keys, cutTag, aad)).reason).toBe('malformed');
    expect(failure(() => openJson(keys, `${sealed.slice(0, -1)}!`, aad)).reason).toBe('malformed');
    expect(failure(() => openJson(keys, `${sealed}.x`, aad)).reason).toBe('malformed');
  });

  it('a victim identity copied onto another person row does not open there', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, 'person:7f0c9d1e:identity');
    const error = failure(() => openJson(keys, sealed, 'person:0b5e2a44:identity'));
    expect(error.reason).toBe('authentication_failed');
    expect(error.message).not.toContain('Айгүл');
  });

  it('a sealed text cannot be opened as JSON, nor the reverse', () => {
    const keys = freshKeys();
    expect(failure(() => openJson(keys, sealText(keys, '{"a":1}', aad), aad)).reason).toBe('authentication_failed');
    expect(failure(() => openText(keys, sealJson(keys, 'text', aad), aad)).reason).toBe('authentication_failed');
  });

  it('after a key change the operator is told which key the data needs', () => {
    const oldKeys = freshKeys();
    const newKeys = freshKeys();
    const sealed = sealJson(oldKeys, identity, aad);
    const error = failure(() => openJson(newKeys, sealed, aad));
    expect(error.reason).toBe('key_mismatch');
    expect(error.message).toContain(oldKeys.keyId);
    expect(error.message).toContain(newKeys.keyId);
    expect(error.message).not.toContain(oldKeys.encryptionKey.toString('hex'));
  });

  it('a header edited to claim the new key still fails, because the key id is authenticated', () => {
    const oldKeys = freshKeys();
    const newKeys = freshKeys();
    const forged = sealJson(oldKeys, identity, aad).replace(oldKeys.keyId, newKeys.keyId);
    expect(failure(() => openJson(newKeys, forged, aad)).reason).toBe('authentication_failed');
  });

  it('a value from a future format version is reported as such', () => {
    const keys = freshKeys();
    const sealed = sealJson(keys, identity, aad).replace(/^v1\./, 'v2.');
    expect(failure(() => openJson(keys, sealed, aad)).reason).toBe('unknown_version');
    expect(failure(() => openJson(keys, 'not sealed at all', aad)).reason).toBe('unknown_version');
  });
});

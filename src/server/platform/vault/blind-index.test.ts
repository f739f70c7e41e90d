import { describe, expect, it } from 'vitest';
import { lookupDigest, nameDigests, nameLookupDigests } from './blind-index.js';
import { deriveVaultKeys, generateDataKeyHex, type VaultKeys } from './data-key.js';
import { normalizeDocumentNumber, normalizePhone } from './name-normalization.js';

function freshKeys(): VaultKeys {
  return deriveVaultKeys(Buffer.from(generateDataKeyHex(), 'hex'));
}

function overlaps(stored: string[], query: string[]): boolean {
  return query.some((digest) => stored.includes(digest));
}

function fullNameDigest(keys: VaultKeys, words: string[]): string {
  return lookupDigest(keys, 'full_name', [...words].sort().join(' '));
}

describe('blind indexes', () => {
  it('the same passport number gives the same digest every time, so a second intake finds the first', () => {
    const keys = freshKeys();
    const first = lookupDigest(keys, 'document', normalizeDocumentNumber('N 1234 5678'));
    const second = lookupDigest(keys, 'document', normalizeDocumentNumber('н12345678'));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it('another installation with another key gets unrelated digests, so leaked indexes cannot be compared', () => {
    const phone = normalizePhone('8 701 234 56 78');
    expect(lookupDigest(freshKeys(), 'phone', phone)).not.toBe(lookupDigest(freshKeys(), 'phone', phone));
  });

  it('the same text under two kinds gives two digests', () => {
    const keys = freshKeys();
    expect(lookupDigest(keys, 'name', '1999')).not.toBe(lookupDigest(keys, 'birth_date', '1999'));
  });

  it('the digest does not contain the value', () => {
    const keys = freshKeys();
    const digest = lookupDigest(keys, 'phone', '77012345678');
    expect(digest).not.toContain('77012345678');
    expect(digest).not.toContain(Buffer.from('77012345678').toString('hex'));
  });

  it('refuses an empty value, which would link every record lacking the field', () => {
    expect(() => lookupDigest(freshKeys(), 'document', '')).toThrow(RangeError);
  });
});

describe('name digests', () => {
  it('a caseworker searches for Айгуль and finds the record entered as Aigul', () => {
    const keys = freshKeys();
    const stored = nameDigests(keys, { given: 'Aigul', family: 'Serikova' });
    expect(overlaps(stored, nameDigests(keys, { given: 'Айгуль' }))).toBe(true);
    expect(stored).toContain(fullNameDigest(keys, ['aigul', 'serikova']));
    expect(nameDigests(keys, { given: 'Айгүл', family: 'Серикова' })).toContain(fullNameDigest(keys, ['aigul', 'serikova']));
  });

  it('a police officer who swapped the fields still finds Anna Ivanova by her full name', () => {
    const keys = freshKeys();
    const stored = nameDigests(keys, { given: 'Anna', family: 'Ivanova' });
    const swapped = nameDigests(keys, { given: 'Ivanova', family: 'Anna' });
    const typedInOneField = nameDigests(keys, { family: 'Ivanova Anna' });
    const fullName = fullNameDigest(keys, ['ana', 'ivanova']);
    for (const digests of [stored, swapped, typedInOneField]) {
      expect(digests).toContain(fullName);
    }
  });

  it('a record with a patronymic is found by given and family name alone', () => {
    const keys = freshKeys();
    const stored = nameDigests(keys, { given: 'Анна', family: 'Иванова', patronymic: 'Сергеевна' });
    expect(stored).toContain(fullNameDigest(keys, ['ana', 'ivanova', 'sergevna']));
    expect(stored).toContain(fullNameDigest(keys, ['ana', 'ivanova']));
  });

  it('Ivanov is not found when searching for his sister Ivanova', () => {
    const keys = freshKeys();
    const brother = nameDigests(keys, { given: 'Sergei', family: 'Ivanov' });
    const sister = nameDigests(keys, { family: 'Ivanova' });
    expect(overlaps(brother, sister)).toBe(false);
  });

  it('Anna-Maria typed with a hyphen is found by Maria and by "Anna Maria"', () => {
    const keys = freshKeys();
    const stored = nameDigests(keys, { given: 'Anna Maria', family: 'Ivanova' });
    expect(overlaps(stored, nameDigests(keys, { given: 'Maria' }))).toBe(true);
    expect(overlaps(stored, nameDigests(keys, { given: 'Anna-Maria' }))).toBe(true);
  });

  it('Maxim and Oxana typed in English find Максим and Оксана, and Xolmatov from an Uzbek passport finds Холматов', () => {
    const keys = freshKeys();
    expect(overlaps(nameDigests(keys, { given: 'Максим' }), nameDigests(keys, { given: 'Maxim' }))).toBe(true);
    expect(overlaps(nameDigests(keys, { given: 'Оксана' }), nameDigests(keys, { given: 'Oxana' }))).toBe(true);
    expect(overlaps(nameDigests(keys, { family: 'Холматов' }), nameDigests(keys, { family: 'Xolmatov' }))).toBe(true);
    expect(overlaps(nameDigests(keys, { given: 'Юлия' }), nameDigests(keys, { given: 'Julia' }))).toBe(true);
  });

  it('tells the database which digest is a single name and which a full name', () => {
    const keys = freshKeys();
    const entries = nameLookupDigests(keys, { given: 'Aigul', family: 'Serikova' });
    expect(entries).toEqual([
      { kind: 'name', digest: lookupDigest(keys, 'name', 'aigul') },
      { kind: 'name', digest: lookupDigest(keys, 'name', 'serikova') },
      { kind: 'full_name', digest: fullNameDigest(keys, ['aigul', 'serikova']) },
    ]);
    expect(nameDigests(keys, { given: 'Aigul', family: 'Serikova' })).toEqual(entries.map((entry) => entry.digest));
  });

  it('gives a unique list, and nothing for an empty name', () => {
    const keys = freshKeys();
    const digests = nameDigests(keys, { given: 'Anna', family: 'Anna' });
    expect(new Set(digests).size).toBe(digests.length);
    expect(nameDigests(keys, { given: ' ', family: '—' })).toEqual([]);
    expect(nameDigests(keys, {})).toEqual([]);
  });
});

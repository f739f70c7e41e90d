import { createHmac } from 'node:crypto';
import type { VaultKeys } from './data-key.js';
import { latinReadings, normalizeName } from './name-normalization.js';

// Blind indexes let the database find "every record with this passport number"
// without holding the number: a keyed HMAC cannot be reversed or brute-forced
// by someone who has the database but not SENIM_DATA_KEY. Equal values still
// give equal digests, so digests are stored only where look-ups need them.

export const LOOKUP_KINDS = ['name', 'full_name', 'document', 'phone', 'birth_date'] as const;

export type LookupKind = (typeof LOOKUP_KINDS)[number];

/** A hex HMAC-SHA256 of an already normalized value; the kind keeps equal strings of different kinds apart. */
export function lookupDigest(keys: VaultKeys, kind: LookupKind, normalizedValue: string): string {
  if (!LOOKUP_KINDS.includes(kind)) {
    throw new TypeError('Unknown blind index kind');
  }
  // An empty value would give every record without that field the same digest.
  if (normalizedValue.length === 0) {
    throw new RangeError(`A ${kind} blind index needs a non-empty normalized value`);
  }
  return createHmac('sha256', keys.lookupKey).update(`${kind}\u0000${normalizedValue}`, 'utf8').digest('hex');
}

export interface NameParts {
  given?: string;
  family?: string;
  patronymic?: string;
}

export interface NameDigest {
  kind: Extract<LookupKind, 'name' | 'full_name'>;
  digest: string;
}

/**
 * Every digest a name should be findable by, with its kind. Store them all for
 * a record; to search, compute them for the query (a free-text query can go in
 * `given`) and look for any overlap.
 * - kind 'name': each word of each part, and a part of several words joined
 *   up, so "Anna Maria" is found by Maria and by Anna-Maria.
 * - kind 'full_name': all words sorted, so the order of the parts and the
 *   field they were typed into do not matter; with a patronymic, also given
 *   and family name alone, since many records lack the patronymic.
 * - each reading of an ambiguous Latin x or j (see latinReadings) adds its own
 *   digests, so Maxim finds Максим and Xolmatov finds Холматов.
 */
export function nameLookupDigests(keys: VaultKeys, name: NameParts): NameDigest[] {
  const given = name.given?.trim() ?? '';
  const family = name.family?.trim() ?? '';
  const patronymic = name.patronymic?.trim() ?? '';
  const found = new Map<string, NameDigest>();
  const add = (kind: NameDigest['kind'], value: string): void => {
    const digest = lookupDigest(keys, kind, value);
    found.set(digest, { kind, digest });
  };
  for (const reading of latinReadings([given, family, patronymic].join(' '))) {
    const words = (part: string): string[] => normalizeName(part, reading).split(' ').filter((word) => word.length > 0);
    const givenWords = words(given);
    const familyWords = words(family);
    const patronymicWords = words(patronymic);
    for (const partWords of [givenWords, familyWords, patronymicWords]) {
      for (const word of partWords) {
        add('name', word);
      }
      if (partWords.length > 1) {
        add('name', partWords.join(''));
      }
    }
    const fullNames = [[...givenWords, ...familyWords, ...patronymicWords]];
    if (patronymicWords.length > 0 && givenWords.length > 0 && familyWords.length > 0) {
      fullNames.push([...givenWords, ...familyWords]);
    }
    // One word is no more a full name than its 'name' digest already says.
    for (const fullName of fullNames.filter((fullNameWords) => fullNameWords.length > 1)) {
      add('full_name', [...fullName].sort().join(' '));
    }
  }
  return [...found.values()];
}

/** The digests of nameLookupDigests without their kinds: a unique list. */
export function nameDigests(keys: VaultKeys, name: NameParts): string[] {
  return nameLookupDigests(keys, name).map((entry) => entry.digest);
}

/** A staff email as people type it in any case and with stray spaces: trimmed and lower-cased. */
export function normalizeStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The keyed digest by which sign-in finds a staff member without a clear
 * email in the database. Its own domain label keeps it apart from the person
 * digests above, which use the same look-up key.
 */
export function staffEmailDigest(keys: VaultKeys, email: string): string {
  const normalized = normalizeStaffEmail(email);
  if (normalized.length === 0) {
    throw new RangeError('A staff email digest needs a non-empty email');
  }
  return createHmac('sha256', keys.lookupKey).update(`staff_email\u0000${normalized}`, 'utf8').digest('hex');
}

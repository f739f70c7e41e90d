import { staffEmailDigest } from './blind-index.js';
import { openText, sealText } from './cipher.js';
import { readingKeys, type VaultKeys } from './data-key.js';

// A staff member's email says who helps victims as plainly as a name does, so
// it is sealed like the display name, bound to the user's id. Sign-in finds
// the user by a keyed digest of the address, never by the address itself.

const aad = (userId: string) => `user:${userId}:email`;

/** The columns that store an email: sealed, its digest, and no clear copy. */
export function sealedEmailColumns(keys: VaultKeys, userId: string, email: string) {
  return { email: null, email_sealed: sealText(keys, email.trim(), aad(userId)), email_digest: staffEmailDigest(keys, email) };
}

export function openStaffEmail(keys: VaultKeys, userId: string, row: { email: string | null; email_sealed: string | null }): string {
  if (row.email_sealed !== null) {
    return openText(keys, row.email_sealed, aad(userId));
  }
  // Only between migration 0019 and the first start that seals (sealClearStaffEmails).
  return row.email ?? '';
}

/**
 * The digests an email may be stored under: one per key of the keyring, since
 * during a key rotation some rows are keyed by the retiring key still.
 */
export function staffEmailDigests(keys: VaultKeys, email: string): string[] {
  return readingKeys(keys).map((candidate) => staffEmailDigest(candidate, email));
}

import { staffEmailDigest } from '../../platform/vault/blind-index.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';

/**
 * The key sign-in attempts are counted under: a keyed digest of the address
 * typed, so that the attempts table, kept for weeks, holds no staff email in
 * clear (a mistyped address is often a colleague's real one). Under a new data
 * key the count starts again, which a key rotation may well afford.
 */
export function signInAttemptKey(keys: VaultKeys, email: string): string {
  const typed = email.trim();
  return typed.length === 0 ? 'no-email' : staffEmailDigest(keys, typed);
}

/** How the audit trail names someone who failed to sign in: by a short digest, never by the address. */
export function anonymousSignInLabel(attemptKey: string): string {
  return `sign-in:${attemptKey.slice(0, 16)}`;
}

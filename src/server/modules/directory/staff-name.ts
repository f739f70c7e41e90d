import type { VaultKeys } from '../../platform/vault/data-key.js';
import { openText, sealText } from '../../platform/vault/cipher.js';

// A staff member's name is identifying data like a victim's: traffickers have
// threatened the people who help. It is sealed, bound to the user's id.

const aad = (userId: string) => `user:${userId}:display_name`;

export function sealDisplayName(keys: VaultKeys, userId: string, displayName: string): string {
  return sealText(keys, displayName, aad(userId));
}

export function openDisplayName(keys: VaultKeys, userId: string, sealed: string): string {
  return openText(keys, sealed, aad(userId));
}

import { randomBytes } from 'node:crypto';
import { deriveVaultKeys, type VaultKeys } from '../platform/vault/data-key.js';

/** A fresh random data key, as an in-memory database gets. */
export function testVaultKeys(): VaultKeys {
  return deriveVaultKeys(randomBytes(32));
}

import { createHash } from 'node:crypto';
import { deriveVaultKeys, type VaultKeys } from '../platform/vault/data-key.js';

// One fixed key for every test database: the shared template is sealed with
// it, so each copy opens with it. Never a production key.
const TEST_MASTER_KEY = createHash('sha256').update('senim test data key, not for production').digest();

export function testVaultKeys(): VaultKeys {
  return deriveVaultKeys(TEST_MASTER_KEY);
}

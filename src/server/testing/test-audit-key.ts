import { createHash } from 'node:crypto';
import { deriveAuditKey, type AuditKey } from '../platform/audit-key.js';

// One fixed audit key for every test database and test server: the shared
// template's events are chained with it, so each copy verifies with it. Never a production key.
export const TEST_AUDIT_KEY_HEX = createHash('sha256').update('senim test audit key, not for production').digest('hex');

export function testAuditKey(): AuditKey {
  return deriveAuditKey(Buffer.from(TEST_AUDIT_KEY_HEX, 'hex'));
}

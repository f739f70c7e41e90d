import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_KEY_FILE_NAME, AuditKeyError, deriveAuditKey, generateAuditKeyHex, loadAuditKey, parseAuditKey, signWithAuditKey, verifyAuditSignature } from './audit-key.js';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'senim-audit-key-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the audit key', () => {
  it('is generated once into an owner-only file beside the embedded database, with a warning, and reused', () => {
    const warnings: string[] = [];
    const first = loadAuditKey({ env: {}, dataDir, embedded: true, warn: (message) => warnings.push(message) });
    const path = join(dataDir, AUDIT_KEY_FILE_NAME);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(warnings[0]).toMatch(/Generated the audit key .*In production set SENIM_AUDIT_KEY/);
    const again = loadAuditKey({ env: {}, dataDir, embedded: true, warn: () => undefined });
    expect(again.keyId).toBe(first.keyId);
  });

  it('comes from SENIM_AUDIT_KEY when set, and is required with a PostgreSQL server', () => {
    const hex = generateAuditKeyHex();
    const key = loadAuditKey({ env: { SENIM_AUDIT_KEY: hex }, dataDir: null, embedded: false, warn: () => undefined });
    expect(key.keyId).toBe(deriveAuditKey(Buffer.from(hex, 'hex')).keyId);
    expect(() => loadAuditKey({ env: {}, dataDir: null, embedded: false, warn: () => undefined })).toThrow(/SENIM_AUDIT_KEY must be set when DATABASE_URL is used/);
    expect(() => parseAuditKey('00'.repeat(32))).toThrow(AuditKeyError);
    expect(() => parseAuditKey('too short')).toThrow(/64 hexadecimal characters .*got 9 characters/);
  });

  it('shows only its id and public key when logged, and signs what anyone can check with the public key alone', () => {
    const key = deriveAuditKey(Buffer.from(generateAuditKeyHex(), 'hex'));
    expect(Object.keys(JSON.parse(JSON.stringify(key)) as object).sort()).toEqual(['keyId', 'publicKey']);
    const signature = signWithAuditKey(key, 'sequence 42');
    expect(verifyAuditSignature(key.publicKey, 'sequence 42', signature)).toBe(true);
    expect(verifyAuditSignature(key.publicKey, 'sequence 43', signature)).toBe(false);
    const other = deriveAuditKey(Buffer.from(generateAuditKeyHex(), 'hex'));
    expect(verifyAuditSignature(other.publicKey, 'sequence 42', signature)).toBe(false);
  });
});

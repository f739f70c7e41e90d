import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATA_KEY_FILE_NAME,
  VaultKeyError,
  deriveVaultKeys,
  generateDataKeyHex,
  loadVaultKeys,
  parseDataKey,
} from './data-key.js';

const temporaryFolders: string[] = [];

function temporaryDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'senim-vault-'));
  temporaryFolders.push(folder);
  return join(folder, 'data');
}

function collectWarnings(): { warnings: string[]; warn: (message: string) => void } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

function thrownMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the action to throw');
}

afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
});

describe('reading SENIM_DATA_KEY', () => {
  it('an operator pastes the output of `openssl rand -hex 32`, or the same bytes as base64 or base64url', () => {
    const hex = generateDataKeyHex();
    const bytes = Buffer.from(hex, 'hex');
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(parseDataKey(hex).equals(bytes)).toBe(true);
    expect(parseDataKey(hex.toUpperCase()).equals(bytes)).toBe(true);
    expect(parseDataKey(` ${bytes.toString('base64')}\n`).equals(bytes)).toBe(true);
    expect(parseDataKey(bytes.toString('base64url')).equals(bytes)).toBe(true);
  });

  it('a half-length key is refused with the expected format, and the message never repeats the key', () => {
    const short = generateDataKeyHex().slice(0, 32);
    const message = thrownMessage(() => parseDataKey(short));
    expect(() => parseDataKey(short)).toThrow(VaultKeyError);
    expect(message).toContain('SENIM_DATA_KEY');
    expect(message).toContain('64 hexadecimal characters');
    expect(message).not.toContain(short);
    expect(message).not.toContain(short.slice(0, 8));
  });

  it('a base64 key of the wrong size and a placeholder of zeros are refused', () => {
    const sixteenBytes = Buffer.alloc(16, 7).toString('base64');
    expect(() => parseDataKey(sixteenBytes)).toThrow(VaultKeyError);
    expect(() => parseDataKey('0'.repeat(64))).toThrow(/placeholder/);
    expect(() => parseDataKey('')).toThrow(VaultKeyError);
  });
});

describe('deriving the vault keys', () => {
  it('one master key gives separate encryption and lookup keys and a key id that matches neither', () => {
    const master = Buffer.from(generateDataKeyHex(), 'hex');
    const keys = deriveVaultKeys(master);
    expect(keys.encryptionKey).toHaveLength(32);
    expect(keys.lookupKey).toHaveLength(32);
    expect(keys.encryptionKey.equals(keys.lookupKey)).toBe(false);
    expect(keys.encryptionKey.equals(master)).toBe(false);
    expect(keys.keyId).toMatch(/^[0-9a-f]{8}$/);
    for (const secret of [master, keys.encryptionKey, keys.lookupKey]) {
      expect(secret.toString('hex')).not.toContain(keys.keyId);
    }
    expect(deriveVaultKeys(Buffer.from(master)).keyId).toBe(keys.keyId);
  });

  it('keys written to a log by mistake show only the key id', () => {
    const keys = deriveVaultKeys(Buffer.from(generateDataKeyHex(), 'hex'));
    const secrets = [keys.encryptionKey.toString('hex'), keys.lookupKey.toString('hex'), keys.encryptionKey.toString('base64')];
    for (const rendering of [JSON.stringify(keys), inspect(keys), JSON.stringify({ context: { keys } })]) {
      expect(rendering).toContain(keys.keyId);
      for (const secret of secrets) {
        expect(rendering).not.toContain(secret);
      }
      expect(rendering).not.toMatch(/[0-9a-f]{2} [0-9a-f]{2} [0-9a-f]{2}/);
    }
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => deriveVaultKeys(Buffer.alloc(16, 1))).toThrow(VaultKeyError);
  });
});

describe('loading the keys at start-up', () => {
  it('a laptop install without SENIM_DATA_KEY creates a key file once, readable only by its owner, and reuses it', () => {
    const dataDir = temporaryDataDir();
    const first = collectWarnings();
    const keys = loadVaultKeys({ env: {}, dataDir, embedded: true, warn: first.warn });
    const keyPath = join(dataDir, DATA_KEY_FILE_NAME);
    const fileText = readFileSync(keyPath, 'utf8');
    expect(fileText).toMatch(/^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') {
      expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    }
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toContain(keyPath);
    expect(first.warnings[0]).toContain('SENIM_DATA_KEY');
    expect(first.warnings[0]).not.toContain(fileText.trim());

    const second = collectWarnings();
    const again = loadVaultKeys({ env: {}, dataDir, embedded: true, warn: second.warn });
    expect(again.keyId).toBe(keys.keyId);
    expect(again.encryptionKey.equals(keys.encryptionKey)).toBe(true);
    expect(readFileSync(keyPath, 'utf8')).toBe(fileText);
    expect(second.warnings[0]).toMatch(/^Using the data encryption key/);
  });

  it('moving to production: SENIM_DATA_KEY set to the key file contents opens the same data, without a warning', () => {
    const dataDir = temporaryDataDir();
    const fileKeys = loadVaultKeys({ env: {}, dataDir, embedded: true, warn: () => undefined });
    const fileText = readFileSync(join(dataDir, DATA_KEY_FILE_NAME), 'utf8');
    const { warnings, warn } = collectWarnings();
    const keys = loadVaultKeys({ env: { SENIM_DATA_KEY: fileText.trim() }, dataDir, embedded: true, warn });
    expect(keys.keyId).toBe(fileKeys.keyId);
    expect(warnings).toEqual([]);
  });

  it('SENIM_DATA_KEY wins over a key file, and the operator hears that the two differ', () => {
    const dataDir = temporaryDataDir();
    const fileKeys = loadVaultKeys({ env: {}, dataDir, embedded: true, warn: () => undefined });
    const { warnings, warn } = collectWarnings();
    const keys = loadVaultKeys({ env: { SENIM_DATA_KEY: generateDataKeyHex() }, dataDir, embedded: true, warn });
    expect(keys.keyId).not.toBe(fileKeys.keyId);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(fileKeys.keyId);
  });

  it('a broken key file stops the start with its path, not its contents', () => {
    const dataDir = temporaryDataDir();
    loadVaultKeys({ env: {}, dataDir, embedded: true, warn: () => undefined });
    const keyPath = join(dataDir, DATA_KEY_FILE_NAME);
    writeFileSync(keyPath, 'abc123-not-a-key');
    const message = thrownMessage(() => loadVaultKeys({ env: {}, dataDir, embedded: true, warn: () => undefined }));
    expect(message).toContain(keyPath);
    expect(message).not.toContain('abc123-not-a-key');
  });

  it('tests on an in-memory database get a fresh throwaway key and no file', () => {
    const { warnings, warn } = collectWarnings();
    const one = loadVaultKeys({ env: {}, dataDir: null, embedded: true, warn });
    const two = loadVaultKeys({ env: {}, dataDir: null, embedded: true, warn });
    expect(one.keyId).not.toBe(two.keyId);
    expect(warnings).toEqual([]);
  });

  it('a PostgreSQL server without SENIM_DATA_KEY refuses to start and says how to make a key', () => {
    const run = (): unknown => loadVaultKeys({ env: { SENIM_DATA_KEY: '' }, dataDir: '/nonexistent', embedded: false, warn: () => undefined });
    expect(run).toThrow(VaultKeyError);
    expect(run).toThrow('SENIM_DATA_KEY must be set when DATABASE_URL is used: generate one with `openssl rand -hex 32`');
  });

  it('a PostgreSQL server with SENIM_DATA_KEY derives the same keys as the embedded database would', () => {
    const hex = generateDataKeyHex();
    const server = loadVaultKeys({ env: { SENIM_DATA_KEY: hex }, dataDir: null, embedded: false, warn: () => undefined });
    expect(server.keyId).toBe(deriveVaultKeys(Buffer.from(hex, 'hex')).keyId);
  });
});

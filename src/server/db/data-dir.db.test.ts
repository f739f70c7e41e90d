import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { generateDataKeyHex } from '../platform/vault/data-key.js';
import { configuredVaultKeys } from '../runtime.js';
import { dataDirExposures } from './data-dir.js';
import { openDatabase } from './database.js';

// The embedded data folder holds every sealed identity and, on a laptop, the
// key that opens them. A folder made by hand with the usual 755, or by an
// older Senim, is narrowed to its owner at start.

const folders: string[] = [];

function wideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'senim-data-dir-'));
  folders.push(dir);
  chmodSync(dir, 0o755);
  return dir;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

afterEach(() => {
  for (const dir of folders.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.skipIf(process.platform === 'win32')('the embedded data folder', () => {
  it('made beforehand with 755, with a key file of 644, is narrowed to 700 and 600 at start', () => {
    const dir = wideFolder();
    writeFileSync(join(dir, 'senim-data.key'), `${generateDataKeyHex()}\n`, { mode: 0o644 });
    mkdirSync(join(dir, 'base'), { mode: 0o755 });
    writeFileSync(join(dir, 'base', '1259'), 'a table', { mode: 0o644 });
    chmodSync(join(dir, 'senim-data.key'), 0o644);
    chmodSync(join(dir, 'base', '1259'), 0o644);
    expect(dataDirExposures(dir)).toHaveLength(4);

    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    const previousKey = process.env.SENIM_DATA_KEY;
    delete process.env.SENIM_DATA_KEY;
    try {
      configuredVaultKeys(readConfig({ SENIM_DATA_DIR: dir }), logger);
    } finally {
      if (previousKey !== undefined) {
        process.env.SENIM_DATA_KEY = previousKey;
      }
    }

    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'senim-data.key'))).toBe(0o600);
    expect(modeOf(join(dir, 'base'))).toBe(0o700);
    expect(modeOf(join(dir, 'base', '1259'))).toBe(0o600);
    expect(dataDirExposures(dir)).toEqual([]);
    // Nothing is left to warn about the folder; the key file's own warning is that it lives beside the data.
    expect(lines.join('')).not.toMatch(/can be read by other users/);
  });

  it('is narrowed again when the database opens it, PGlite files included', async () => {
    const dir = wideFolder();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await first.close();
    expect(modeOf(dir)).toBe(0o700);
    // Someone widened it by hand since.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'PG_VERSION'), 0o644);
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'PG_VERSION'))).toBe(0o600);
    } finally {
      await second.close();
    }
  });
});

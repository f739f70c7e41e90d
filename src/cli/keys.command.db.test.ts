import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { buildApp } from '../server/http/app.js';
import { DEMO_PASSWORD } from '../server/modules/directory/demo-users.js';
import { useAuditKey } from '../server/platform/audit-chain.js';
import { loadAuditKey } from '../server/platform/audit-key.js';
import { DATA_KEY_FILE_NAME, generateDataKeyHex, parseNamedDataKey } from '../server/platform/vault/data-key.js';
import { testDatabaseKind } from '../server/testing/test-database.js';
import { REPO_ROOT } from '../server/testing/server-process.js';

// An operator on a laptop install (the key file beside the data) rotates the
// data key with the command line, is cut short after one batch, runs it again,
// and the key file then holds the new key.

let folder: string;
let dataDir: string;
let newKeyFile: string;
const newKey = generateDataKeyHex();

function senim(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, SENIM_DATA_DIR: dataDir, SENIM_ADMIN_PASSWORD: 'operator chosen passphrase', LOG_LEVEL: 'silent', DATABASE_URL: '', SENIM_DEMO_CASES: '0' };
  delete env.SENIM_DATA_KEY;
  delete env.SENIM_PREVIOUS_DATA_KEY;
  delete env.SENIM_NEW_DATA_KEY;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'senim-keys-'));
  dataDir = join(folder, 'data');
  newKeyFile = join(folder, 'senim-data.key.new');
  writeFileSync(newKeyFile, `${newKey}\n`, { mode: 0o600 });
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

// These start the CLI on an embedded database of its own (DATABASE_URL is
// emptied), whichever database the suite runs on: the PostgreSQL pass of CI
// would only repeat the embedded run, at a minute or more a file.
const onPostgresPass = testDatabaseKind() === 'postgresql';

describe.skipIf(onPostgresPass)('npx senim keys rotate', () => {
  it('resumes after --max-batches, then installs the new key in the embedded key file', async () => {
    const seeded = senim('seed-demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    const oldKey = readFileSync(join(dataDir, DATA_KEY_FILE_NAME), 'utf8').trim();

    const cut = senim('keys', 'rotate', '--new-key-file', newKeyFile, '--batch-size', '1', '--max-batches', '1');
    expect(cut.status, cut.stderr).toBe(0);
    expect(cut.stdout).toMatch(/Stopped after 1 batches/);
    expect(readFileSync(join(dataDir, DATA_KEY_FILE_NAME), 'utf8').trim()).toBe(oldKey);

    const rest = senim('keys', 'rotate', '--new-key-file', newKeyFile);
    expect(rest.status, rest.stderr).toBe(0);
    expect(rest.stdout).toMatch(/Carried on the rotation/);
    expect(rest.stdout).toMatch(/no row uses key [0-9a-f]{8} any more/);
    expect(readFileSync(join(dataDir, DATA_KEY_FILE_NAME), 'utf8').trim()).toBe(newKey);
    expect(statSync(join(dataDir, DATA_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);

    const bad = senim('keys', 'rotate');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Give the new key/);

    // The new key alone signs a demo user in.
    // The audit chain goes on with the audit key the commands generated beside the data.
    useAuditKey(loadAuditKey({ env: {}, dataDir, embedded: true, warn: () => undefined }));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const app = await buildApp({ database, logger: false, vaultKeys: parseNamedDataKey(newKey, 'test') });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'Analyst.PGO@demo.senim.local', password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  }, 600_000);
});

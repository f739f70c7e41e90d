import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { generateDataKeyHex } from '../server/platform/vault/data-key.js';
import { testDatabaseKind } from '../server/testing/test-database.js';
import { REPO_ROOT } from '../server/testing/server-process.js';

// What cron runs: `npx senim purge` on an embedded database of its own.

let dataDir: string;
const dataKey = generateDataKeyHex();

function senim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SENIM_DATA_DIR: dataDir, SENIM_DATA_KEY: dataKey, LOG_LEVEL: 'silent', DATABASE_URL: '', SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS: '30' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'senim-purge-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Two processes each open a fresh embedded database: slow on a small, busy machine.
// These start the CLI on an embedded database of its own (DATABASE_URL is
// emptied), whichever database the suite runs on: the PostgreSQL pass of CI
// would only repeat the embedded run, at a minute or more a file.
const onPostgresPass = testDatabaseKind() === 'postgresql';

describe.skipIf(onPostgresPass)('npx senim purge', { timeout: 300_000 }, () => {
  it('deletes sign-in attempts older than SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS and keeps the recent ones', async () => {
    expect(senim('migrate').status).toBe(0);
    const before = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await before.db
        .insertInto('sign_in_attempts')
        .values([
          { email_key: 'old@cron.test', ip: '198.51.100.2', succeeded: false, attempted_at: new Date(Date.now() - 31 * 86_400_000) },
          { email_key: 'recent@cron.test', ip: '198.51.100.2', succeeded: false, attempted_at: new Date(Date.now() - 29 * 86_400_000) },
        ])
        .execute();
    } finally {
      await before.close();
    }

    const purged = senim('purge');
    expect(purged.status, purged.stderr).toBe(0);
    expect(purged.stdout).toContain('Purged 0 sessions and 1 sign-in attempts; audit events are kept.');

    const after = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const left = await after.db.selectFrom('sign_in_attempts').select('email_key').execute();
      expect(left.map((row) => row.email_key)).toEqual(['recent@cron.test']);
      const purgeEvents = await after.db
        .selectFrom('audit_events')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('action', '=', 'sessions.purged')
        .executeTakeFirstOrThrow();
      expect(purgeEvents.n).toBe(1);
    } finally {
      await after.close();
    }
    expect(senim('--help').stdout).toContain('purge');
  });
});

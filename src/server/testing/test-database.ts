import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, type SenimDatabase } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { systemActor } from '../platform/actor.js';
import { useAuditKey } from '../platform/audit-chain.js';
import { withPersonScope } from '../platform/person-scope.js';
import { prepareDatabase } from '../runtime.js';
import { testAuditKey } from './test-audit-key.js';
import { testVaultKeys } from './test-vault.js';

/**
 * A fresh, migrated database with the reference and demo data, one per test
 * file: embedded PGlite in memory by default, or a new database on the
 * PostgreSQL server named by SENIM_TEST_DATABASE_URL (CI runs the suite both ways).
 */
export interface TestDatabase {
  database: SenimDatabase;
  /** The connection URL on a PostgreSQL server; null for the embedded database. */
  connectionUrl: string | null;
  drop(): Promise<void>;
}

/** Where global-setup tells each test file the embedded template's dump is. */
export const PGLITE_TEMPLATE_ENV = 'SENIM_TEST_PGLITE_TEMPLATE';

const silentLogger = pino({ level: 'silent' });

export const TEST_ADMIN_EMAIL = 'admin@senim.test';
export const TEST_ADMIN_PASSWORD = 'test-administrator-passphrase';

export function testDatabaseKind(): 'pglite' | 'postgresql' {
  return process.env.SENIM_TEST_DATABASE_URL ? 'postgresql' : 'pglite';
}

export interface TestDatabaseOptions {
  /** Load the demo organizations too. */
  demo?: boolean;
  /** With demo, this many synthetic NRM cases (they take a while to load, so none unless a test asks). */
  demoCases?: number;
  /** Leave the database empty: no migrations, no data (for testing migrations themselves). */
  empty?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  // The template's events are chained with the test key; so are this test's.
  useAuditKey(testAuditKey());
  const serverUrl = process.env.SENIM_TEST_DATABASE_URL;
  if (!serverUrl) {
    const templateFile = options.empty ? undefined : process.env[PGLITE_TEMPLATE_ENV];
    const template = templateFile ? new Blob([readFileSync(templateFile)]) : undefined;
    const database = await openDatabase({ kind: 'pglite', dataDir: null, ...(template ? { template } : {}) });
    await prepareTestData(database, options);
    return { database, connectionUrl: null, drop: () => database.close() };
  }
  const name = `senim_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgresql', connectionString: url.toString(), maxConnections: 5 });
  await prepareTestData(database, options);
  return {
    database,
    connectionUrl: url.toString(),
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        // Not WITH (FORCE): an owner that is not a superuser may not terminate
        // an autovacuum worker busy in the database, which a plain DROP cancels.
        await cleanup.query(`drop database if exists ${name}`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

async function prepareTestData(database: SenimDatabase, options: TestDatabaseOptions): Promise<void> {
  if (options.empty) {
    return;
  }
  await prepareDatabase(database, silentLogger, {
    demo: options.demo ? 'yes' : 'no',
    demoCases: options.demoCases ?? 0,
    adminEmail: TEST_ADMIN_EMAIL,
    adminPassword: TEST_ADMIN_PASSWORD,
    vaultKeys: testVaultKeys(),
  });
}

/**
 * Queries that look at everything the database holds, past every
 * organization's wall: how a test checks what was stored. On a server the
 * tests connect as an owner that is not a superuser, whom the forced policies
 * bind; read without this, a case's records would look empty, and a check that
 * something is absent would pass for the wrong reason.
 */
export function asSenimItself<T>(database: SenimDatabase, queries: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return withPersonScope(database.db, systemActor('test'), queries);
}

/**
 * Queries with no scope of ours, as the database lets one organization see
 * them. A superuser passes every policy, so on one (the embedded database) the
 * transaction switches to the unprivileged senim_app; an ordinary owner is
 * bound as it is.
 */
export function asOrganizationInDatabase<T>(database: SenimDatabase, organizationId: string, queries: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    // Whether the organization is law enforcement, as withPersonScope says; no user, so no child's person shows.
    await sql`select set_config('senim.scope', 'involved', true), set_config('senim.organization_id', ${organizationId}, true),
      set_config('senim.law_enforcement', (select law_enforcement::text from organizations where id = ${organizationId}::uuid), true)`.execute(trx);
    await sql`select set_config('role', 'senim_app', true) where current_setting('is_superuser') = 'on'`.execute(trx);
    return queries(trx);
  });
}

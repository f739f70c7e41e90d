import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, type SenimDatabase } from '../db/database.js';
import { prepareDatabase } from '../runtime.js';
import { PGLITE_TEMPLATE_ENV } from './global-setup.js';
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
        await cleanup.query(`drop database if exists ${name} with (force)`);
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

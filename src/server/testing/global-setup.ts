import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDatabase } from '../db/database.js';
import { useAuditKey } from '../platform/audit-chain.js';
import { prepareDatabase } from '../runtime.js';
import { PGLITE_TEMPLATE_ENV, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from './test-database.js';
import { testAuditKey } from './test-audit-key.js';
import { testVaultKeys } from './test-vault.js';

// Creating an embedded database runs initdb (about 4 s); loading a dump of an
// already migrated one takes under 1 s. So the suite builds one template per
// run and every test file starts from a copy of it.

export async function setup(): Promise<() => void> {
  if (process.env.SENIM_TEST_DATABASE_URL) {
    return () => undefined;
  }
  const folder = join(tmpdir(), `senim-test-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  useAuditKey(testAuditKey());
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await prepareDatabase(database, pino({ level: 'silent' }), {
    demo: 'no',
    adminEmail: TEST_ADMIN_EMAIL,
    adminPassword: TEST_ADMIN_PASSWORD,
    vaultKeys: testVaultKeys(),
  });
  const dump = await database.dumpEmbeddedDataDir();
  await database.close();
  const file = join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return () => rmSync(folder, { recursive: true, force: true });
}

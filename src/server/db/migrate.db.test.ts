import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, MIGRATIONS_DIR, MigrationError, readMigrationFiles, releasedChecksums } from './migrate.js';
import type { SenimDatabase } from './database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

const opened: TestDatabase[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((testDatabase) => testDatabase.drop()));
  for (const folder of folders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function copyOfMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), 'senim-migrations-'));
  folders.push(folder);
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  return folder;
}

async function emptyDatabase(): Promise<SenimDatabase> {
  const testDatabase = await createTestDatabase({ empty: true });
  opened.push(testDatabase);
  return testDatabase.database;
}

describe('migrations', () => {
  it('are numbered 1, 2, 3... without gaps in the repository', () => {
    const files = readMigrationFiles();
    expect(files.map((file) => file.version)).toEqual(files.map((_, index) => index + 1));
  });

  it('refuse a gap in the numbering', () => {
    const folder = copyOfMigrations();
    writeFileSync(join(folder, '0099_out_of_order.sql'), 'select 1;');
    expect(() => readMigrationFiles(folder)).toThrow(/expected/);
  });

  it('apply once; a second run applies nothing', async () => {
    const database = await emptyDatabase();
    const first = await migrateToLatest(database);
    expect(first.length).toBe(readMigrationFiles().length);
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const folder = copyOfMigrations();
    const database = await emptyDatabase();
    await migrateToLatest(database, folder);
    const [first] = readMigrationFiles(folder);
    writeFileSync(join(folder, `0001_${first?.name}.sql`), `${first?.sql}\n-- edited`);
    await expect(migrateToLatest(database, folder)).rejects.toThrow(MigrationError);
    await expect(migrateToLatest(database, folder)).rejects.toThrow(/changed after it was applied/);
  });

  it('accept a migration rewritten after release where the database applied it as released, and no other text', async () => {
    const database = await emptyDatabase();
    await migrateToLatest(database);
    const recordChecksum = (checksum: string) =>
      database.withScriptSession((session) => session.exec(`update senim_migrations set checksum = '${checksum}' where version = 13`));
    await recordChecksum(releasedChecksums[13]?.[0] ?? '');
    expect(await migrateToLatest(database)).toEqual([]);
    await recordChecksum('0'.repeat(64));
    await expect(migrateToLatest(database)).rejects.toThrow(/Migration 13 \(case_reach_on_case_row\) was changed after it was applied/);
  });

  it('roll back a failing migration entirely and say which one failed', async () => {
    const folder = copyOfMigrations();
    const next = readMigrationFiles(folder).length + 1;
    writeFileSync(
      join(folder, `${String(next).padStart(4, '0')}_broken.sql`),
      'create table half_done (id int); select * from no_such_table;',
    );
    const database = await emptyDatabase();
    await expect(migrateToLatest(database, folder)).rejects.toThrow(new RegExp(`Migration ${next} \\(broken\\) failed`));
    const tables = await database.withScriptSession((session) =>
      session.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name = 'half_done'"),
    );
    expect(tables[0]?.n).toBe(0);
  });
});

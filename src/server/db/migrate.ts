import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SenimDatabase } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any constant works; it only has to be the same for every Senim process.
const MIGRATION_LOCK_KEY = 736_611_2024;

export interface MigrationFile {
  version: number;
  name: string;
  checksum: string;
  sql: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads migrations/ and checks that versions run 1, 2, 3... with no gap or duplicate. */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  return files.map((file, index) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new MigrationError(`Migration file ${file} must be named NNNN_lower_snake_name.sql`);
    }
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new MigrationError(`Migration ${file} has version ${version}; expected ${index + 1} (no gaps, no duplicates)`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: match[2] ?? file, checksum: sha256(sql), sql };
  });
}

/**
 * Migrations rewritten after release, with the checksums they were released
 * with. Only for a migration that could not be applied somewhere, never for a
 * change of what it does: 0013 and 0015 gave their security-definer functions
 * the scope 'all' in a SET clause, which only a superuser may write for a
 * custom setting, so a database owned by an ordinary user (as the README sets
 * one up) stopped at 0013. The rewrites set the scope in the functions'
 * bodies; databases that applied the originals keep them, which work the same.
 */
export const releasedChecksums: Readonly<Record<number, readonly string[]>> = {
  13: ['4c6a494f5905f310b027fff8d711c7e12f496e24d6077ede3fe599b4859c643d'],
  15: ['16243e00bedd42f9633ae93583fdf2b32a076c250197444f7f014613ad7a4284'],
};

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory
 * lock so that two processes starting at once do not both apply them.
 * Applied migrations must be unchanged: migrations are forward-only.
 */
export async function migrateToLatest(database: SenimDatabase, dir: string = MIGRATIONS_DIR): Promise<AppliedMigration[]> {
  const files = readMigrationFiles(dir);
  return database.withScriptSession(async (session) => {
    await session.exec(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await session.exec(`create table if not exists senim_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const applied = await session.query<{ version: number; name: string; checksum: string }>(
        'select version, name, checksum from senim_migrations order by version',
      );
      for (const row of applied) {
        const file = files[row.version - 1];
        if (!file) {
          throw new MigrationError(
            `The database has migration ${row.version} (${row.name}) that this version of Senim does not know; upgrade Senim`,
          );
        }
        if (file.checksum !== row.checksum && !releasedChecksums[row.version]?.includes(row.checksum)) {
          throw new MigrationError(
            `Migration ${row.version} (${row.name}) was changed after it was applied; add a new migration instead`,
          );
        }
      }
      const pending = files.slice(applied.length);
      for (const migration of pending) {
        try {
          await session.exec(`begin;\n${migration.sql}\n;\ninsert into senim_migrations (version, name, checksum) values (${migration.version}, '${migration.name}', '${migration.checksum}');\ncommit;`);
        } catch (error) {
          await session.exec('rollback').catch(() => undefined);
          throw new MigrationError(
            `Migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return pending.map(({ version, name }) => ({ version, name }));
    } finally {
      await session.exec(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

export async function currentMigration(database: SenimDatabase): Promise<AppliedMigration | null> {
  const row = await database.db
    .selectFrom('senim_migrations')
    .select(['version', 'name'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

import type { Logger } from 'pino';
import type { SenimConfig } from './config.js';
import { openDatabase, type SenimDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { loadCountryReferenceData, loadDemoOrganizations } from './modules/reference/reference.seed.js';

export async function openConfiguredDatabase(config: SenimConfig): Promise<SenimDatabase> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', connectionString: config.databaseUrl, maxConnections: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export interface PreparedDatabase {
  /** True when this start created the schema from nothing. */
  created: boolean;
  appliedMigrations: number;
}

/**
 * Brings a database up to date: migrations, the country's reference data, and
 * on a new embedded database the demo data, so that `npm start` shows a
 * working system. A server database gets demo data only by `senim seed-demo`.
 */
export async function prepareDatabase(
  database: SenimDatabase,
  logger: Logger,
  options: { demo: 'if-new-embedded' | 'yes' | 'no' } = { demo: 'if-new-embedded' },
): Promise<PreparedDatabase> {
  const applied = await migrateToLatest(database);
  const created = applied.some((migration) => migration.version === 1);
  if (applied.length > 0) {
    logger.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
  }
  await loadCountryReferenceData(database.db);
  const demo = options.demo === 'yes' || (options.demo === 'if-new-embedded' && created && database.kind === 'pglite');
  if (demo) {
    await seedDemo(database);
    logger.info('demo data loaded');
  }
  return { created, appliedMigrations: applied.length };
}

export async function seedDemo(database: SenimDatabase): Promise<void> {
  await loadCountryReferenceData(database.db);
  await loadDemoOrganizations(database.db);
}

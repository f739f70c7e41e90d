import type { Logger } from 'pino';
import type { SenimConfig } from './config.js';
import { openDatabase, type SenimDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureBootstrapAdministrator, ensureOperatorOrganization, type BootstrapResult } from './modules/directory/bootstrap.js';
import { loadDemoUsers } from './modules/directory/demo-users.js';
import { loadDemoCommission } from './modules/commission/demo-commission.js';
import { loadCountryReferenceData, loadDemoOrganizations } from './modules/reference/reference.seed.js';
import { loadVaultKeys, type VaultKeys } from './platform/vault/data-key.js';
import { ensureDefaultQuestionnaires } from './modules/cases/screening.service.js';
import { DEMO_CASE_COUNT, loadDemoCases } from './modules/cases/demo-case-loader.js';

export async function openConfiguredDatabase(config: SenimConfig): Promise<SenimDatabase> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', connectionString: config.databaseUrl, maxConnections: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export function configuredVaultKeys(config: SenimConfig, logger: Logger): VaultKeys {
  return loadVaultKeys({
    env: process.env,
    dataDir: config.databaseUrl ? null : config.dataDir,
    embedded: config.databaseUrl === null,
    warn: (message) => logger.warn(message),
  });
}

export interface PreparedDatabase {
  /** True when this start created the schema from nothing. */
  created: boolean;
  appliedMigrations: number;
  bootstrap: BootstrapResult;
}

/**
 * Brings a database up to date: migrations, the country's reference data, the
 * first administrator, and on a new embedded database the demo data, so that
 * `npm start` shows a working system. A server database gets demo data only
 * by `senim seed-demo`.
 */
export async function prepareDatabase(
  database: SenimDatabase,
  logger: Logger,
  options: {
    demo: 'if-new-embedded' | 'yes' | 'no';
    /** How many synthetic NRM cases come with the demo data (0: none; default: the demo's own number). */
    demoCases?: number | null;
    adminEmail: string;
    adminPassword: string | null;
    vaultKeys: VaultKeys;
  },
): Promise<PreparedDatabase> {
  const applied = await migrateToLatest(database);
  const created = applied.some((migration) => migration.version === 1);
  if (applied.length > 0) {
    logger.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
  }
  await loadCountryReferenceData(database.db);
  await ensureOperatorOrganization(database.db);
  await ensureDefaultQuestionnaires(database.db);
  const bootstrap = await ensureBootstrapAdministrator(database.db, {
    email: options.adminEmail,
    password: options.adminPassword,
    vaultKeys: options.vaultKeys,
  });
  const demo = options.demo === 'yes' || (options.demo === 'if-new-embedded' && created && database.kind === 'pglite');
  if (demo) {
    // The demo cases go through the real services, audit included: worth saying why the first start waits.
    logger.info('loading demo data: organizations, users, the commission and about 500 referral cases (a minute or so)');
    await seedDemo(database, options.vaultKeys, { cases: options.demoCases ?? null });
    logger.info('demo data loaded');
  }
  return { created, appliedMigrations: applied.length, bootstrap };
}

export async function seedDemo(database: SenimDatabase, vaultKeys: VaultKeys, options: { cases?: number | null } = {}): Promise<void> {
  await loadCountryReferenceData(database.db);
  await loadDemoOrganizations(database.db);
  await loadDemoUsers(database.db, vaultKeys);
  await loadDemoCommission(database);
  const cases = options.cases ?? DEMO_CASE_COUNT;
  if (cases > 0) {
    await loadDemoCases(database, vaultKeys, { count: cases });
  }
}

/** Shown once on the terminal, never written to the log. */
export function announceBootstrap(result: BootstrapResult): void {
  if (!result.created) {
    return;
  }
  const lines = [
    '',
    '  Senim: the first administrator was created.',
    `    email:    ${result.email}`,
    result.generatedPassword ? `    password: ${result.generatedPassword}   (shown only now; set SENIM_ADMIN_PASSWORD to choose one)` : '    password: from SENIM_ADMIN_PASSWORD',
    '  Sign in and enrol an authenticator app (TOTP) at first sign-in.',
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

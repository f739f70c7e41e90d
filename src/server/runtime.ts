import type { Logger } from 'pino';
import type { SenimConfig } from './config.js';
import { openDatabase, type SenimDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureBootstrapAdministrator, ensureOperatorOrganization, type BootstrapResult } from './modules/directory/bootstrap.js';
import { loadDemoUsers } from './modules/directory/demo-users.js';
import { loadDemoCommission } from './modules/commission/demo-commission.js';
import { loadCountryReferenceData, loadDemoOrganizations } from './modules/reference/reference.seed.js';
import { loadPreviousVaultKeys, loadVaultKeys, withRetiringKeys, type VaultKeys } from './platform/vault/data-key.js';
import { refuseKeysMissingForRotation } from './modules/keys/key-rotation.service.js';
import { sealClearStaffEmails } from './modules/directory/staff-email-backfill.js';
import { secureDataDir } from './db/data-dir.js';
import { loadAuditKey, type AuditKey } from './platform/audit-key.js';
import { hasInstalledAuditKey, useAuditKey } from './platform/audit-chain.js';
import { ensureDefaultQuestionnaires } from './modules/cases/screening.service.js';
import { DEMO_CASE_COUNT, loadDemoCases, type DemoCaseProgress } from './modules/cases/demo-case-loader.js';
import { loadDemoProceedings } from './modules/justice/demo-proceedings.js';

/**
 * Every process that opens the database may record audit events (a command
 * too), so the audit key comes first, unless the caller installed one with its
 * own logger: a server database without SENIM_AUDIT_KEY is refused before anything is touched.
 */
export async function openConfiguredDatabase(config: SenimConfig): Promise<SenimDatabase> {
  if (!hasInstalledAuditKey()) {
    // Standard error, not standard output: what a command prints there may be its result (an anchor, a CSV).
    useAuditKey(loadAuditKeyOf(config, (message) => process.stderr.write(`warning: ${message}\n`)));
  }
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', connectionString: config.databaseUrl, maxConnections: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export function configuredVaultKeys(config: SenimConfig, logger: Logger): VaultKeys {
  if (config.databaseUrl === null && config.dataDir !== null) {
    warnAboutWideDataDir(config.dataDir, logger);
  }
  const current = loadVaultKeys({
    env: process.env,
    dataDir: config.databaseUrl ? null : config.dataDir,
    embedded: config.databaseUrl === null,
    warn: (message) => logger.warn(message),
  });
  // SENIM_PREVIOUS_DATA_KEY: a rotation under way (senim keys rotate) still reads with the retiring key.
  return withRetiringKeys(current, loadPreviousVaultKeys(process.env));
}

/** Narrows the embedded data folder to its owner and says what could not be narrowed. */
function warnAboutWideDataDir(dataDir: string, logger: Logger): void {
  const exposed = secureDataDir(dataDir);
  if (exposed.length > 0) {
    logger.warn(
      { exposed: exposed.slice(0, 20), count: exposed.length },
      `The data folder ${dataDir} can be read by other users of this machine and could not be narrowed: ` +
        `make the account running Senim its owner and run \`chmod -R go-rwx ${dataDir}\``,
    );
  }
}

/** SENIM_AUDIT_KEY, or on the embedded database its key file; a PostgreSQL server without it refuses to start. */
export function configuredAuditKey(config: SenimConfig, logger: Logger): AuditKey {
  return loadAuditKeyOf(config, (message) => logger.warn(message));
}

function loadAuditKeyOf(config: SenimConfig, warn: (message: string) => void): AuditKey {
  return loadAuditKey({ env: process.env, dataDir: config.databaseUrl ? null : config.dataDir, embedded: config.databaseUrl === null, warn });
}

export interface PreparedDatabase {
  /** True when this start created the schema from nothing. */
  created: boolean;
  appliedMigrations: number;
  bootstrap: BootstrapResult;
  /** Demo data are due and were left to the caller (options.demoLater), which loads them once it listens. */
  demoDue: boolean;
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
    /** Leave due demo data to the caller: the server answers first and loads them after (prepareDemoLoad in demo-load.ts). */
    demoLater?: boolean;
  },
): Promise<PreparedDatabase> {
  const applied = await migrateToLatest(database);
  const created = applied.some((migration) => migration.version === 1);
  if (applied.length > 0) {
    logger.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
  }
  await refuseKeysMissingForRotation(database.db, options.vaultKeys);
  // Before anything serves: emails of users made before migration 0019 are sealed, and the clear copies go.
  const sealedEmails = await sealClearStaffEmails(database.db, options.vaultKeys);
  if (sealedEmails > 0) {
    logger.info({ users: sealedEmails }, 'staff emails sealed');
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
  if (demo && !options.demoLater) {
    // The demo cases go through the real services, audit included: worth saying why this waits.
    logger.info('loading demo data: organizations, users, the commission and the referral cases (a minute or more)');
    await seedDemo(database, options.vaultKeys, { cases: options.demoCases ?? null, onProgress: logDemoProgress(logger) });
    logger.info('demo data loaded');
  }
  return { created, appliedMigrations: applied.length, bootstrap, demoDue: demo && options.demoLater === true };
}

export async function seedDemo(
  database: SenimDatabase,
  vaultKeys: VaultKeys,
  options: { cases?: number | null; onProgress?: (progress: DemoCaseProgress) => void; signal?: AbortSignal } = {},
): Promise<void> {
  await loadCountryReferenceData(database.db);
  await loadDemoOrganizations(database.db);
  await loadDemoUsers(database.db, vaultKeys);
  await loadDemoCommission(database);
  const cases = options.cases ?? DEMO_CASE_COUNT;
  if (cases > 0) {
    await loadDemoCases(database, vaultKeys, {
      count: cases,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Criminal proceedings come with the cases, some concerning them: no demo cases, no demo proceedings.
    if (!options.signal?.aborted) {
      await loadDemoProceedings(database, vaultKeys);
    }
  }
}

/** Every this many cases the log says how far the demo load has come. */
export const DEMO_PROGRESS_LOG_EVERY = 50;

/** A progress callback that logs every DEMO_PROGRESS_LOG_EVERY cases, and the last. */
export function logDemoProgress(logger: Logger): (progress: DemoCaseProgress) => void {
  let logged = 0;
  return ({ loaded, total }) => {
    if (loaded - logged >= DEMO_PROGRESS_LOG_EVERY || loaded === total) {
      logged = loaded;
      logger.info({ loaded, total }, `demo cases loaded: ${loaded} of ${total}`);
    }
  };
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

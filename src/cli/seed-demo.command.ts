import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { useAuditKey } from '../server/platform/audit-chain.js';
import { announceBootstrap, configuredAuditKey, configuredVaultKeys, openConfiguredDatabase, prepareDatabase } from '../server/runtime.js';

export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'Load demo data: Kazakhstan reference data, demo NGOs, shelters (fictitious addresses) and hotlines, one demo user per role, ' +
        'and synthetic referral-mechanism cases (SENIM_DEMO_CASES, default 520). ' +
        'Idempotent; never use on a production database.',
    )
    .action(async () => {
      const config = readConfig();
      const logger = createLogger(config);
      // Keys before the database: a server database without them must be refused before anything is written.
      const vaultKeys = configuredVaultKeys(config, logger);
      useAuditKey(configuredAuditKey(config, logger));
      const database = await openConfiguredDatabase(config);
      try {
        const prepared = await prepareDatabase(database, logger, {
          demo: 'yes',
          demoCases: config.demoCases,
          adminEmail: config.adminEmail,
          adminPassword: config.adminPassword,
          vaultKeys,
        });
        announceBootstrap(prepared.bootstrap);
        console.log(`Demo data loaded into the ${database.kind} database.`);
      } finally {
        await database.close();
      }
    });
}

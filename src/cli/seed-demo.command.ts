import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { announceBootstrap, configuredVaultKeys, openConfiguredDatabase, prepareDatabase } from '../server/runtime.js';

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
      const database = await openConfiguredDatabase(config);
      try {
        const logger = createLogger(config);
        const prepared = await prepareDatabase(database, logger, {
          demo: 'yes',
          demoCases: config.demoCases,
          adminEmail: config.adminEmail,
          adminPassword: config.adminPassword,
          vaultKeys: configuredVaultKeys(config, logger),
        });
        announceBootstrap(prepared.bootstrap);
        console.log(`Demo data loaded into the ${database.kind} database.`);
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { openConfiguredDatabase, seedDemo } from '../server/runtime.js';

export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'Load demo data: Kazakhstan reference data and demo NGOs, shelters (fictitious addresses) and hotlines. ' +
        'Idempotent; never use on a production database.',
    )
    .action(async () => {
      const database = await openConfiguredDatabase(readConfig());
      try {
        await migrateToLatest(database);
        await seedDemo(database);
        console.log(`Demo data loaded into the ${database.kind} database.`);
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { openConfiguredDatabase } from '../server/runtime.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (from migrations/) and report what was applied. Safe to run again.')
    .action(async () => {
      const database = await openConfiguredDatabase(readConfig());
      try {
        const applied = await migrateToLatest(database);
        if (applied.length === 0) {
          console.log(`The ${database.kind} database is up to date.`);
        }
        for (const migration of applied) {
          console.log(`applied ${String(migration.version).padStart(4, '0')}_${migration.name}`);
        }
      } finally {
        await database.close();
      }
    });
}

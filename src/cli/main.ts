import { Command } from 'commander';
import { SENIM_VERSION } from '../server/version.js';
import { registerAuditCommand } from './audit.command.js';
import { registerJusticeCommand } from './justice.command.js';
import { registerKeysCommand } from './keys.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerPlanCommand } from './plan.command.js';
import { registerPurgeCommand } from './purge.command.js';
import { registerSeedDemoCommand } from './seed-demo.command.js';
import { registerServeCommand } from './serve.command.js';

const program = new Command()
  .name('senim')
  .version(SENIM_VERSION)
  .description(
    'Senim: information system for the response to trafficking in human beings.\n' +
      'The database is the embedded one in SENIM_DATA_DIR (default ./data) unless DATABASE_URL points to a PostgreSQL server.',
  )
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerSeedDemoCommand(program);
registerAuditCommand(program);
registerPlanCommand(program);
registerJusticeCommand(program);
registerKeysCommand(program);
registerPurgeCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`senim: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

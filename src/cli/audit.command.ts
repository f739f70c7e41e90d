import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { verifyAuditChain } from '../server/platform/audit.js';
import { openConfiguredDatabase } from '../server/runtime.js';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Work with the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'Walk the hash chain of audit events. Exits 0 when every event is intact; exits 1 and names the first broken event when a row was changed or deleted.',
    )
    .action(async () => {
      const database = await openConfiguredDatabase(readConfig());
      try {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`Audit trail intact: ${result.events} events verified.`);
          return;
        }
        console.error(`Audit trail BROKEN at event ${result.brokenEventId ?? 'unknown'}: ${result.reason} (${result.events} events read).`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { purgeSignInRecords } from '../server/modules/auth/retention.service.js';
import { openConfiguredDatabase } from '../server/runtime.js';

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description(
      'Delete sessions that ended more than SENIM_SESSION_RETENTION_DAYS ago and sign-in attempts older than SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS (90 days each by default). ' +
        'The server does this at start and every six hours; this command is for cron. Audit events are never purged.',
    )
    .action(async () => {
      const config = readConfig();
      const database = await openConfiguredDatabase(config);
      try {
        const result = await purgeSignInRecords({
          db: database.db,
          retention: { sessionDays: config.sessionRetentionDays, attemptDays: config.signInAttemptRetentionDays },
        });
        console.log(`Purged ${result.sessions} sessions and ${result.attempts} sign-in attempts; audit events are kept.`);
      } finally {
        await database.close();
      }
    });
}

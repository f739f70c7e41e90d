import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.js';
import { systemActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { signInThrottle } from './sign-in-throttle.js';
import { deleteAttemptsBefore, deleteSessionsFinishedBefore } from './auth.repo.js';

export interface SignInRetention {
  /** Days an ended or expired session (with its address and browser) is kept. */
  sessionDays: number;
  /** Days a sign-in attempt (email, address, outcome) is kept. */
  attemptDays: number;
}

export const defaultSignInRetention: SignInRetention = { sessionDays: 90, attemptDays: 90 };

// Often enough that nothing outlives its retention by much, rarely enough to cost nothing.
const PURGE_EVERY_MS = 6 * 3600_000;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  sessions: number;
  attempts: number;
}

/**
 * Deletes sessions and sign-in attempts older than their retention: they hold
 * who worked when and from where, which nobody needs for long. Audit events
 * are never purged: the trail is the record of who did what, and its hash chain
 * would break. The purge itself is an audit event when it deleted anything.
 */
export async function purgeSignInRecords(input: { db: Kysely<Database>; retention: SignInRetention; now?: Date }): Promise<PurgeResult> {
  const now = input.now ?? new Date();
  const sessionCutoff = new Date(now.getTime() - input.retention.sessionDays * DAY_MS);
  // The lock-out reads the last window of attempts: never purge inside it, whatever the setting.
  const attemptDays = Math.max(input.retention.attemptDays * DAY_MS, signInThrottle.windowMinutes * 60_000);
  const attemptCutoff = new Date(now.getTime() - attemptDays);
  return input.db.transaction().execute(async (trx) => {
    const sessions = await deleteSessionsFinishedBefore(trx, sessionCutoff);
    const attempts = await deleteAttemptsBefore(trx, attemptCutoff);
    if (sessions > 0 || attempts > 0) {
      await recordAudit(trx, {
        actor: systemActor('retention'),
        action: 'sessions.purged',
        details: {
          sessions,
          attempts,
          sessionsFinishedBefore: sessionCutoff.toISOString(),
          attemptsBefore: attemptCutoff.toISOString(),
        },
      });
    }
    return { sessions, attempts };
  });
}

/**
 * Purges at start and then every six hours while the server runs; returns the
 * function that stops it, which waits for a purge under way so that the
 * database is not closed beneath it.
 */
export function schedulePurge(input: { db: Kysely<Database>; retention: SignInRetention; logger: Logger }): () => Promise<void> {
  const { logger } = input;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = purgeSignInRecords(input).then(
      (result) => {
        if (result.sessions > 0 || result.attempts > 0) {
          logger.info(result, 'purged old sessions and sign-in attempts');
        }
      },
      (error: unknown) => {
        // A failed purge must not stop the server; the next run tries again.
        logger.error({ err: error }, 'purging old sessions and sign-in attempts failed');
      },
    );
  };
  run();
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

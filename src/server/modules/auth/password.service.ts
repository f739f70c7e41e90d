import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password-hash.js';
import { checkPassword, describePasswordProblem } from '../../platform/auth/password-policy.js';
import { endOtherSessionsOfUser } from '../../platform/session.js';
import { openDisplayName } from '../directory/staff-name.js';
import { insertAttempt, selectPasswordOf, selectRecentAttempts, updatePassword } from './auth.repo.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { signInAttemptKey } from './attempt-key.js';
import { judgeSignIn } from './sign-in-throttle.js';


/**
 * A signed-in user replaces their password. The current one is asked again
 * (a session left open must not let anyone take the account over), and a wrong
 * one counts against the account like a wrong sign-in. Every other session of
 * the user ends.
 */
export async function changeOwnPassword(input: {
  context: AppContext;
  actor: UserActor;
  currentPassword: string;
  newPassword: string;
  origin: RequestOrigin;
}): Promise<{ sessionsEnded: number }> {
  const { context, actor, origin } = input;
  const db = context.database.db;
  const emailKey = signInAttemptKey(context.vaultKeys, actor.email);
  const ip = origin.ip ?? 'unknown';
  const verdict = judgeSignIn(await selectRecentAttempts(db, { emailKey, ip }));
  if (!verdict.allowed) {
    throw new AppError('rate_limited', 'Too many failed attempts; try again later', {
      reason: verdict.scope === 'account' ? 'account_locked' : 'address_locked',
      retryAfter: verdict.retryAfter,
    });
  }
  const user = await selectPasswordOf(db, actor.userId);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in again');
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await insertAttempt(db, { emailKey, ip, succeeded: false });
    await recordAuditAlone(db, {
      actor,
      action: 'auth.password_changed',
      outcome: 'failure',
      record: { type: 'user', id: actor.userId },
      origin,
      details: { reason: 'wrong_current_password' },
    });
    throw new AppError('unprocessable', 'The current password is wrong', {
      fields: [{ field: 'body.currentPassword', message: 'is wrong' }],
    });
  }
  if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    throw new AppError('validation_failed', 'The new password must differ from the current one', {
      fields: [{ field: 'body.newPassword', message: 'must differ from the current password' }],
    });
  }
  const check = checkPassword(input.newPassword, {
    email: actor.email,
    displayName: openDisplayName(context.vaultKeys, user.id, user.display_name_sealed),
  });
  if (!check.ok) {
    throw new AppError('validation_failed', check.problems.map(describePasswordProblem).join(' '), {
      fields: check.problems.map((problem) => ({ field: 'body.newPassword', message: describePasswordProblem(problem) })),
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await updatePassword(trx, { userId: actor.userId, passwordHash, mustChange: false });
    const sessionsEnded = await endOtherSessionsOfUser(trx, { userId: actor.userId, keepSessionId: actor.sessionId });
    await recordAudit(trx, {
      actor,
      action: 'auth.password_changed',
      record: { type: 'user', id: actor.userId },
      fields: ['password'],
      origin,
      details: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/**
 * Lifts an account's lock-out (wrong passwords and wrong codes alike), in the
 * transaction of an administrator's password reset: the administrator has
 * just handed the user a new way in.
 */
export async function liftSignInLock(input: { trx: Transaction<Database>; keys: VaultKeys; email: string; origin: RequestOrigin }): Promise<void> {
  await insertAttempt(input.trx, { emailKey: signInAttemptKey(input.keys, input.email), ip: input.origin.ip ?? 'unknown', succeeded: true, step: 'reset' });
}

import { AppError } from '../../../shared/errors.js';
import { grantableRoles } from '../../../shared/role-grants.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { generateOneTimePassword } from '../../platform/auth/one-time-password.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { requirePermission } from '../../platform/policy.js';
import { endSessionsOfUser } from '../../platform/session.js';
import { liftSignInLock } from '../auth/password.service.js';
import { getUser } from './directory.service.js';

/**
 * An administrator resets a user's password: a one-time password, shown once
 * to the administrator and never stored in clear, which the user must replace
 * at the next sign-in before anything else works. The user's sessions end and
 * a lock-out is lifted. An organization's administrator reaches the users of
 * its organization only, and of those only the ones whose roles it may grant.
 */
export async function resetUserPassword(input: {
  context: AppContext;
  actor: UserActor;
  userId: string;
  origin: RequestOrigin;
}): Promise<{ temporaryPassword: string }> {
  const { context, actor, origin } = input;
  const scope = requirePermission(actor, 'users.manage');
  // Read through the directory's own scoped look-up, which also opens the email.
  const target = await getUser({ context, actor, userId: input.userId });
  if (scope !== 'all' && target.organizationId !== actor.organizationId) {
    throw new AppError('not_found', 'No such user in your reach');
  }
  if (target.id === actor.userId) {
    throw new AppError('unprocessable', 'Change your own password from your account menu; a reset is for other users', {
      fields: [{ field: 'params.id', message: 'not for yourself' }],
    });
  }
  // Whoever knows a user's password can act as that user: an administrator may
  // reset only the users whose every role it could have granted, or an
  // organization's administrator could step into an auditor's national reach.
  const beyondReach = target.roles.filter((role) => !grantableRoles(actor.roles).includes(role));
  if (beyondReach.length > 0) {
    throw new AppError('forbidden', `Only a national administrator can reset the password of a user with the roles ${beyondReach.join(', ')}`);
  }
  const temporaryPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await context.database.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: now, updated_at: now })
      .where('id', '=', target.id)
      .execute();
    const sessionsEnded = await endSessionsOfUser(trx, { userId: target.id, reason: 'revoked', endedBy: actor.userId });
    await liftSignInLock({ trx, keys: context.vaultKeys, email: target.email, origin });
    await recordAudit(trx, {
      actor,
      action: 'user.password_reset',
      record: { type: 'user', id: target.id },
      fields: ['password'],
      origin,
      details: { sessionsEnded },
    });
  });
  return { temporaryPassword };
}

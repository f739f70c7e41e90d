import { AppError } from '../../../shared/errors.js';
import { mfaRequiredFor, roles as knownRoles, type Role } from '../../../shared/permissions.js';
import type { MfaStatus } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit.js';
import { dummyVerify, verifyPassword } from '../../platform/auth/password-hash.js';
import { generateTotpSecret, totpQrCodeSvg, totpUri, verifyTotp } from '../../platform/auth/totp.js';
import { createSession, endSession } from '../../platform/session.js';
import { openText, sealText } from '../../platform/vault/cipher.js';
import { openDisplayName } from '../directory/staff-name.js';
import { claimTotpStep, insertAttempt, selectMe, selectRecentAttempts, selectSessionExpiry, selectUserForSignIn } from './auth.repo.js';
import { anonymousSignInLabel, signInAttemptKey } from './attempt-key.js';
import { judgeSignIn } from './sign-in-throttle.js';

// Exported for `senim keys rotate`, which re-seals the secrets under a new data key.
export const TOTP_AAD = (userId: string) => `user:${userId}:totp`;

function lockedMessage(retryAfter: Date, scope: 'account' | 'address'): string {
  const time = retryAfter.toISOString().slice(11, 16);
  return scope === 'account'
    ? `Too many failed sign-ins for this account. Try again after ${time} UTC or ask your administrator.`
    : `Too many failed sign-ins from this address. Try again after ${time} UTC.`;
}

function lockedOptions(retryAfter: Date, scope: 'account' | 'address') {
  return { reason: scope === 'account' ? ('account_locked' as const) : ('address_locked' as const), retryAfter };
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  mfa: 'none' | 'required' | 'enroll';
  otpauthUrl?: string;
  otpauthQrSvg?: string;
}

export async function signIn(input: {
  context: AppContext;
  email: string;
  password: string;
  origin: RequestOrigin;
  userAgent: string | null;
}): Promise<SignInResult> {
  const { context, origin } = input;
  const db = context.database.db;
  const emailKey = signInAttemptKey(context.vaultKeys, input.email);
  const ip = origin.ip ?? 'unknown';
  const verdict = judgeSignIn(await selectRecentAttempts(db, { emailKey, ip }));
  if (!verdict.allowed) {
    await recordAuditAlone(db, {
      actor: { kind: 'anonymous', label: anonymousSignInLabel(emailKey) },
      action: 'auth.sign_in_locked',
      outcome: 'denied',
      origin,
      details: { scope: verdict.scope },
    });
    throw new AppError('rate_limited', lockedMessage(verdict.retryAfter, verdict.scope), lockedOptions(verdict.retryAfter, verdict.scope));
  }

  const user = await selectUserForSignIn(db, context.vaultKeys, input.email);
  const passwordOk = user ? await verifyPassword(user.password_hash, input.password) : (await dummyVerify(), false);
  if (!user || !passwordOk || user.status !== 'active') {
    await insertAttempt(db, { emailKey, ip, succeeded: false });
    await recordAuditAlone(db, {
      actor: { kind: 'anonymous', label: anonymousSignInLabel(emailKey) },
      action: 'auth.sign_in_failed',
      outcome: 'failure',
      origin,
      ...(user ? { record: { type: 'user', id: user.id } } : {}),
      details: { reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled' },
    });
    if (user && passwordOk) {
      throw new AppError('unauthenticated', 'This account is disabled; ask your administrator', { reason: 'account_disabled' });
    }
    throw new AppError('unauthenticated', 'Wrong email or password', { reason: 'wrong_credentials' });
  }

  const userRoles = user.roles.filter((role): role is Role => (knownRoles as readonly string[]).includes(role));
  const enrolled = user.totp_secret_encrypted !== null;
  const mfaStatus: MfaStatus = enrolled ? 'required' : mfaRequiredFor(userRoles) ? 'enroll' : 'none';
  const pendingSecret = mfaStatus === 'enroll' ? generateTotpSecret() : null;

  return db.transaction().execute(async (trx) => {
    await insertAttempt(trx, { emailKey, ip, succeeded: true });
    if (pendingSecret) {
      await trx
        .updateTable('users')
        .set({ totp_pending_secret_encrypted: sealText(context.vaultKeys, pendingSecret, TOTP_AAD(user.id)) })
        .where('id', '=', user.id)
        .execute();
    }
    const session = await createSession(trx, {
      userId: user.id,
      mfaStatus,
      ip: origin.ip,
      userAgent: input.userAgent,
      timeouts: context.sessionTimeouts,
    });
    await recordAudit(trx, {
      actor: { kind: 'user', userId: user.id, email: user.email, organizationId: user.organization_id },
      action: 'auth.signed_in',
      record: { type: 'session', id: session.sessionId },
      origin,
      details: { mfa: mfaStatus },
    });
    const result: SignInResult = { token: session.token, csrfToken: session.csrfToken, mfa: mfaStatus === 'enroll' ? 'enroll' : mfaStatus === 'required' ? 'required' : 'none' };
    if (pendingSecret) {
      result.otpauthUrl = totpUri({ secret: pendingSecret, accountName: user.email });
      result.otpauthQrSvg = await totpQrCodeSvg(result.otpauthUrl);
    }
    return result;
  });
}

/** The second step: a code from the authenticator app, which also completes enrolment. */
export async function completeMfa(input: {
  context: AppContext;
  actor: UserActor;
  mfaStatus: MfaStatus | null;
  code: string;
  origin: RequestOrigin;
}): Promise<void> {
  const { context, actor, origin } = input;
  const db = context.database.db;
  if (input.mfaStatus !== 'required' && input.mfaStatus !== 'enroll') {
    throw new AppError('conflict', 'This session does not wait for an authenticator code');
  }
  const emailKey = signInAttemptKey(context.vaultKeys, actor.email);
  const ip = origin.ip ?? 'unknown';
  const verdict = judgeSignIn(await selectRecentAttempts(db, { emailKey, ip }));
  if (!verdict.allowed) {
    throw new AppError('rate_limited', lockedMessage(verdict.retryAfter, verdict.scope), lockedOptions(verdict.retryAfter, verdict.scope));
  }
  const user = await selectUserForSignIn(db, context.vaultKeys, actor.email);
  const sealedSecret = input.mfaStatus === 'enroll' ? user?.totp_pending_secret_encrypted : user?.totp_secret_encrypted;
  if (!user || !sealedSecret) {
    throw new AppError('conflict', 'No authenticator is being set up for this account; sign in again');
  }
  const secret = openText(context.vaultKeys, sealedSecret, TOTP_AAD(user.id));
  const check = verifyTotp({ secret, code: input.code, lastUsedStep: user.last_totp_step });
  // The step is claimed in the same statement that checks it, so that concurrent
  // requests carrying one code cannot all pass the check above.
  const accepted =
    check.ok &&
    (await db.transaction().execute(async (trx) => {
      if (!(await claimTotpStep(trx, { userId: user.id, step: check.step }))) {
        return false;
      }
      if (input.mfaStatus === 'enroll') {
        await trx
          .updateTable('users')
          .set({ totp_secret_encrypted: sealedSecret, totp_pending_secret_encrypted: null, mfa_enrolled_at: new Date(), updated_at: new Date() })
          .where('id', '=', user.id)
          .execute();
      }
      await trx.updateTable('sessions').set({ mfa_status: 'complete' }).where('id', '=', actor.sessionId).execute();
      await insertAttempt(trx, { emailKey, ip, succeeded: true, step: 'code' });
      await recordAudit(trx, {
        actor,
        action: input.mfaStatus === 'enroll' ? 'auth.mfa_enrolled' : 'auth.mfa_verified',
        record: { type: 'session', id: actor.sessionId },
        origin,
      });
      return true;
    }));
  if (accepted) {
    return;
  }
  const reason = check.ok ? 'replayed' : check.reason;
  await insertAttempt(db, { emailKey, ip, succeeded: false, step: 'code' });
  await recordAuditAlone(db, { actor, action: 'auth.mfa_failed', outcome: 'failure', origin, details: { reason } });
  // Wrong codes count against the account like wrong passwords: the one that
  // reaches the limit locks it, for password and code alike.
  const after = judgeSignIn(await selectRecentAttempts(db, { emailKey, ip }));
  if (!after.allowed) {
    await recordAuditAlone(db, { actor, action: 'auth.sign_in_locked', outcome: 'denied', origin, details: { scope: after.scope, step: 'code' } });
    throw new AppError('rate_limited', lockedMessage(after.retryAfter, after.scope), lockedOptions(after.retryAfter, after.scope));
  }
  throw new AppError(
    'unauthenticated',
    reason === 'replayed' ? 'This code was already used; wait for the next one' : 'The code is not valid; check the time on your phone and try again',
    {
      fields: [{ field: 'body.code', message: reason === 'malformed' ? 'must be 6 digits' : 'is not valid' }],
      reason: reason === 'replayed' ? 'code_replayed' : 'code_invalid',
    },
  );
}

export async function signOut(input: { context: AppContext; actor: UserActor; origin: RequestOrigin }): Promise<void> {
  await input.context.database.db.transaction().execute(async (trx) => {
    await endSession(trx, { sessionId: input.actor.sessionId, reason: 'logout', endedBy: input.actor.userId });
    await recordAudit(trx, { actor: input.actor, action: 'auth.signed_out', record: { type: 'session', id: input.actor.sessionId }, origin: input.origin });
  });
}

export async function readMe(input: { context: AppContext; actor: UserActor; mfaStatus: MfaStatus | null; csrfToken: string | null }) {
  const db = input.context.database.db;
  const [me, session] = await Promise.all([selectMe(db, input.actor.userId), selectSessionExpiry(db, input.actor.sessionId)]);
  if (!me || !session || !input.csrfToken || !input.mfaStatus) {
    throw new AppError('unauthenticated', 'Sign in again');
  }
  return {
    user: { id: me.id, email: input.actor.email, displayName: openDisplayName(input.context.vaultKeys, me.id, me.display_name_sealed), language: me.language, mfaEnrolled: me.mfa_enrolled_at !== null },
    organization: { id: me.organization_id, code: me.organization_code, kind: me.organization_kind, name: { ru: me.name_ru, kk: me.name_kk, en: me.name_en } },
    roles: input.actor.roles,
    regions: me.region_codes,
    session: {
      mfa: input.mfaStatus,
      csrfToken: input.csrfToken,
      expiresAt: new Date(session.expires_at).toISOString(),
      passwordChangeRequired: me.must_change_password,
    },
  };
}

export async function updatePreferences(input: { context: AppContext; actor: UserActor; language: 'ru' | 'kk' | 'en'; origin: RequestOrigin }): Promise<void> {
  await input.context.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ language: input.language, updated_at: new Date() }).where('id', '=', input.actor.userId).execute();
    await recordAudit(trx, {
      actor: input.actor,
      action: 'user.preferences_updated',
      record: { type: 'user', id: input.actor.userId },
      fields: ['language'],
      origin: input.origin,
    });
  });
}

/** Voluntary enrolment, for roles that do not have to use a second factor. */
export async function startMfaEnrolment(input: { context: AppContext; actor: UserActor; origin: RequestOrigin }) {
  const { context, actor } = input;
  const user = await selectUserForSignIn(context.database.db, context.vaultKeys, actor.email);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in again');
  }
  if (user.totp_secret_encrypted) {
    throw new AppError('conflict', 'An authenticator is already set up; ask an administrator to reset it');
  }
  const secret = generateTotpSecret();
  await context.database.db
    .updateTable('users')
    .set({ totp_pending_secret_encrypted: sealText(context.vaultKeys, secret, TOTP_AAD(user.id)) })
    .where('id', '=', user.id)
    .execute();
  const otpauthUrl = totpUri({ secret, accountName: user.email });
  return { otpauthUrl, otpauthQrSvg: await totpQrCodeSvg(otpauthUrl) };
}

export async function confirmMfaEnrolment(input: { context: AppContext; actor: UserActor; code: string; origin: RequestOrigin }): Promise<void> {
  const { context, actor } = input;
  const user = await selectUserForSignIn(context.database.db, context.vaultKeys, actor.email);
  if (!user?.totp_pending_secret_encrypted) {
    throw new AppError('conflict', 'Start the enrolment first');
  }
  const sealedSecret = user.totp_pending_secret_encrypted;
  const check = verifyTotp({ secret: openText(context.vaultKeys, sealedSecret, TOTP_AAD(user.id)), code: input.code, lastUsedStep: user.last_totp_step });
  if (!check.ok) {
    throw new AppError('unprocessable', 'The code is not valid; check the time on your phone and try again', {
      fields: [{ field: 'body.code', message: 'is not valid' }],
    });
  }
  const claimed = await context.database.db.transaction().execute(async (trx) => {
    if (!(await claimTotpStep(trx, { userId: user.id, step: check.step }))) {
      return false;
    }
    await trx
      .updateTable('users')
      .set({ totp_secret_encrypted: sealedSecret, totp_pending_secret_encrypted: null, mfa_enrolled_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, { actor, action: 'auth.mfa_enrolled', record: { type: 'user', id: user.id }, origin: input.origin });
    return true;
  });
  if (!claimed) {
    throw new AppError('unprocessable', 'This code was already used; wait for the next one', { fields: [{ field: 'body.code', message: 'was already used' }] });
  }
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, SignInStep } from '../../db/schema.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { openStaffEmail, staffEmailDigests } from '../../platform/vault/staff-email.js';
import { signInThrottle, type RecentAttempts } from './sign-in-throttle.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Finds a user by email through its keyed digest (under every key of the
 * keyring, for a rotation under way); the email comes back opened, for the
 * authenticator's label.
 */
export async function selectUserForSignIn(db: Executor, keys: VaultKeys, email: string) {
  const row = await db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.email_sealed',
      'u.organization_id',
      'u.password_hash',
      'u.status',
      'u.totp_secret_encrypted',
      'u.totp_pending_secret_encrypted',
      'u.last_totp_step',
      sql<string[]>`coalesce((select array_agg(role order by role) from user_roles where user_id = u.id), '{}')`.as('roles'),
    ])
    .where('u.email_digest', 'in', staffEmailDigests(keys, email))
    .executeTakeFirst();
  return row ? { ...row, email: openStaffEmail(keys, row.id, row) } : undefined;
}

/**
 * Failures that count towards an account's lock. A correct password clears the
 * wrong passwords before it, but not the wrong codes: only a correct code, or an
 * administrator's password reset, clears those. Otherwise whoever holds the
 * password could try four codes per sign-in, round after round.
 */
export async function selectRecentAttempts(db: Executor, input: { emailKey: string; ip: string }): Promise<RecentAttempts> {
  const since = new Date(Date.now() - signInThrottle.windowMinutes * 60_000);
  const lastSuccess = (steps: SignInStep[]) =>
    db
      .selectFrom('sign_in_attempts as success')
      .select(sql<Date>`coalesce(max(success.attempted_at), '-infinity'::timestamptz)`.$castTo<Date>().as('last_success'))
      .where('success.email_key', '=', input.emailKey)
      .where('success.succeeded', '=', true)
      .where('success.step', 'in', steps);
  const [account, address] = await Promise.all([
    db
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .where('email_key', '=', input.emailKey)
      .where('succeeded', '=', false)
      .where('attempted_at', '>=', since)
      .where((eb) =>
        eb.or([
          eb.and([eb('step', '=', 'password'), eb('attempted_at', '>', lastSuccess(['password', 'code', 'reset']))]),
          eb.and([eb('step', '=', 'code'), eb('attempted_at', '>', lastSuccess(['code', 'reset']))]),
        ]),
      )
      .orderBy('attempted_at')
      .execute(),
    db
      .selectFrom('sign_in_attempts')
      .select(sql<number>`count(*)`.as('failures'))
      .where('ip', '=', input.ip)
      .where('succeeded', '=', false)
      .where('attempted_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { accountFailures: account.map((row) => new Date(row.attempted_at)), addressFailures: address.failures };
}

export async function insertAttempt(db: Executor, input: { emailKey: string; ip: string; succeeded: boolean; step?: SignInStep }): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ email_key: input.emailKey, ip: input.ip, succeeded: input.succeeded, step: input.step ?? 'password' })
    .execute();
}

/**
 * Records the time step of an accepted code, if no code of that step or a later
 * one was accepted before. One statement, so that two requests carrying the
 * same code cannot both read the old step and both succeed: false means the
 * code was already used.
 */
export async function claimTotpStep(db: Executor, input: { userId: string; step: number }): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ last_totp_step: input.step })
    .where('id', '=', input.userId)
    .where((eb) => eb.or([eb('last_totp_step', 'is', null), eb('last_totp_step', '<', input.step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function selectPasswordOf(db: Executor, userId: string) {
  return db.selectFrom('users').select(['id', 'display_name_sealed', 'password_hash']).where('id', '=', userId).executeTakeFirst();
}

export async function updatePassword(db: Executor, input: { userId: string; passwordHash: string; mustChange: boolean }): Promise<void> {
  const now = new Date();
  await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash, must_change_password: input.mustChange, password_changed_at: now, updated_at: now })
    .where('id', '=', input.userId)
    .execute();
}

export async function selectMe(db: Executor, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      'u.id',
      'u.display_name_sealed',
      'u.language',
      'u.mfa_enrolled_at',
      'u.must_change_password',
      'o.id as organization_id',
      'o.code as organization_code',
      'o.kind as organization_kind',
      'o.name_ru',
      'o.name_kk',
      'o.name_en',
      sql<string[]>`coalesce(
        (select array_agg(r.code order by r.code) from user_regions ur join regions r on r.id = ur.region_id where ur.user_id = u.id),
        (select array_agg(r.code order by r.code) from organization_regions orr join regions r on r.id = orr.region_id where orr.organization_id = u.organization_id),
        '{}')`.as('region_codes'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export async function selectSessionExpiry(db: Executor, sessionId: string) {
  return db.selectFrom('sessions').select('expires_at').where('id', '=', sessionId).executeTakeFirst();
}

/** Sessions that ended (or expired unused) before the cutoff. A live session is never deleted. */
export async function deleteSessionsFinishedBefore(trx: Transaction<Database>, cutoff: Date): Promise<number> {
  const result = await trx.deleteFrom('sessions').where(sql<Date>`coalesce(ended_at, expires_at)`, '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteAttemptsBefore(trx: Transaction<Database>, cutoff: Date): Promise<number> {
  const result = await trx.deleteFrom('sign_in_attempts').where('attempted_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

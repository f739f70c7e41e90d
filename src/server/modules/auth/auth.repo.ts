import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { signInThrottle, type RecentAttempts } from './sign-in-throttle.js';

type Executor = Kysely<Database> | Transaction<Database>;

export async function selectUserForSignIn(db: Executor, email: string) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.organization_id',
      'u.password_hash',
      'u.status',
      'u.totp_secret_encrypted',
      'u.totp_pending_secret_encrypted',
      'u.last_totp_step',
      sql<string[]>`coalesce((select array_agg(role order by role) from user_roles where user_id = u.id), '{}')`.as('roles'),
    ])
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function selectRecentAttempts(db: Executor, input: { emailKey: string; ip: string }): Promise<RecentAttempts> {
  const since = new Date(Date.now() - signInThrottle.windowMinutes * 60_000);
  const [account, address] = await Promise.all([
    db
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .where('email_key', '=', input.emailKey)
      .where('succeeded', '=', false)
      .where('attempted_at', '>=', since)
      .where((eb) =>
        eb(
          'attempted_at',
          '>',
          eb
            .selectFrom('sign_in_attempts as success')
            .select(sql<Date>`coalesce(max(success.attempted_at), '-infinity'::timestamptz)`.$castTo<Date>().as('last_success'))
            .where('success.email_key', '=', input.emailKey)
            .where('success.succeeded', '=', true),
        ),
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

export async function insertAttempt(db: Executor, input: { emailKey: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insertInto('sign_in_attempts').values({ email_key: input.emailKey, ip: input.ip, succeeded: input.succeeded }).execute();
}

export async function selectMe(db: Executor, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name_sealed',
      'u.language',
      'u.mfa_enrolled_at',
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

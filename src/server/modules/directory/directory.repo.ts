import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which users a reader reaches: everyone ('all') or one organization's. */
export type UserScopeFilter = { kind: 'all' } | { kind: 'organization'; organizationId: string };

const userColumns = [
  'u.id',
  'u.email',
  'u.email_sealed',
  'u.display_name_sealed',
  'u.organization_id',
  'o.code as organization_code',
  'u.status',
  'u.mfa_enrolled_at',
  'u.created_at',
] as const;

function userQuery(db: Executor, scope: UserScopeFilter) {
  let query = db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id');
  if (scope.kind === 'organization') {
    query = query.where('u.organization_id', '=', scope.organizationId);
  }
  return query;
}

const rolesOf = sql<string[]>`coalesce((select array_agg(role order by role) from user_roles where user_id = u.id), '{}')`;
const regionCodesOf = sql<string[]>`coalesce((select array_agg(r.code order by r.code) from user_regions ur join regions r on r.id = ur.region_id where ur.user_id = u.id), '{}')`;

export async function selectUsers(
  db: Executor,
  input: { scope: UserScopeFilter; organizationId: string | null; status: 'active' | 'disabled' | null; limit: number; offset: number },
) {
  let query = userQuery(db, input.scope);
  if (input.organizationId) {
    query = query.where('u.organization_id', '=', input.organizationId);
  }
  if (input.status) {
    query = query.where('u.status', '=', input.status);
  }
  const [rows, count] = await Promise.all([
    query
      .select([...userColumns, rolesOf.as('roles'), regionCodesOf.as('region_codes')])
      // Emails are sealed, so the database cannot sort by them: oldest accounts first.
      .orderBy('o.code')
      .orderBy('u.created_at')
      .orderBy('u.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function selectUser(db: Executor, input: { scope: UserScopeFilter; userId: string }) {
  return userQuery(db, input.scope)
    .select([...userColumns, rolesOf.as('roles'), regionCodesOf.as('region_codes')])
    .where('u.id', '=', input.userId)
    .executeTakeFirst();
}

/** Whether a user has an email with one of these digests (staffEmailDigests: one per key of the keyring). */
export async function emailTaken(db: Executor, emailDigests: string[]): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email_digest', 'in', emailDigests).executeTakeFirst();
  return row !== undefined;
}

export async function regionIdsFor(db: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('regions').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function replaceUserRoles(trx: Transaction<Database>, userId: string, roles: string[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  }
}

export async function replaceUserRegions(trx: Transaction<Database>, userId: string, regionIds: number[]): Promise<void> {
  await trx.deleteFrom('user_regions').where('user_id', '=', userId).execute();
  if (regionIds.length > 0) {
    await trx.insertInto('user_regions').values(regionIds.map((regionId) => ({ user_id: userId, region_id: regionId }))).execute();
  }
}

export async function selectSessionsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'ended_at', 'end_reason', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

export async function selectSessionOwner(db: Executor, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 'u.organization_id', 's.ended_at'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function selectOrganizationById(db: Executor, id: string) {
  return db.selectFrom('organizations').select(['id', 'code', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function selectOrganizationByCode(db: Executor, code: string) {
  return db.selectFrom('organizations').select(['id', 'code', 'kind']).where('code', '=', code).executeTakeFirst();
}

export async function replaceOrganizationRegions(trx: Transaction<Database>, organizationId: string, regionIds: number[]): Promise<void> {
  await trx.deleteFrom('organization_regions').where('organization_id', '=', organizationId).execute();
  if (regionIds.length > 0) {
    await trx.insertInto('organization_regions').values(regionIds.map((regionId) => ({ organization_id: organizationId, region_id: regionId }))).execute();
  }
}

/** The organization and every organization above it, nearest first. */
export async function ancestorIds(db: Executor, organizationId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from organizations where id = ${organizationId}
      union all
      select o.id, o.parent_id, chain.depth + 1 from organizations o join chain on o.id = chain.parent_id where chain.depth < 50
    )
    select id from chain order by depth`.execute(db);
  return result.rows.map((row) => row.id);
}

export async function selectDisplayNamesSealed(db: Executor, userIds: string[]) {
  if (userIds.length === 0) {
    return [];
  }
  return db.selectFrom('users').select(['id', 'display_name_sealed']).where('id', 'in', userIds).execute();
}

export async function selectUserIdsByEmailDigests(db: Executor, emailDigests: string[]): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('email_digest', 'in', emailDigests).execute();
  return rows.map((row) => row.id);
}

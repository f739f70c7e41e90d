import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, MfaStatus } from '../db/schema.js';
import { roles as knownRoles, type Role } from '../../shared/permissions.js';
import type { UserActor } from './actor.js';
import type { VaultKeys } from './vault/data-key.js';
import { openStaffEmail } from './vault/staff-email.js';

export const SESSION_COOKIE = 'senim_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export const defaultSessionTimeouts: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface CreatedSession {
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function createSession(
  trx: Transaction<Database>,
  input: { userId: string; mfaStatus: MfaStatus; ip: string | null; userAgent: string | null; timeouts: SessionTimeouts },
): Promise<CreatedSession> {
  const token = newSessionToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.timeouts.absoluteHours * 3600_000);
  const row = await trx
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      mfa_status: input.mfaStatus,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id, csrfToken };
}

/**
 * What makes a user (table users, aliased u) an actor: organization, roles,
 * and regions, the user's own or else the organization's. Sessions and the
 * demo loader both read it here, so a demo case is recorded with the reach a
 * signed-in user would have.
 */
export const userActorColumns = [
  'u.id as user_id',
  'u.email',
  'u.email_sealed',
  'u.organization_id',
  'u.language',
  sql<boolean>`(select law_enforcement from organizations where id = u.organization_id)`.as('organization_law_enforcement'),
  sql<string[]>`coalesce((select array_agg(role order by role) from user_roles where user_id = u.id), '{}')`.as('roles'),
  sql<number[]>`coalesce(
    (select array_agg(region_id order by region_id) from user_regions where user_id = u.id),
    (select array_agg(region_id order by region_id) from organization_regions where organization_id = u.organization_id),
    '{}')`.as('region_ids'),
] as const;

export interface UserActorRow {
  user_id: string;
  email: string | null;
  email_sealed: string | null;
  organization_id: string;
  language: UserActor['language'];
  organization_law_enforcement: boolean;
  roles: string[];
  region_ids: number[];
}

/** The email is opened here, in memory only: the audit trail names the actor by id (actorColumns). */
export function userActorOf(row: UserActorRow, sessionId: string, keys: VaultKeys): UserActor {
  return {
    kind: 'user',
    userId: row.user_id,
    email: openStaffEmail(keys, row.user_id, row),
    organizationId: row.organization_id,
    organizationLawEnforcement: row.organization_law_enforcement,
    roles: row.roles.filter((role): role is Role => (knownRoles as readonly string[]).includes(role)),
    regionIds: row.region_ids,
    sessionId,
    language: row.language,
  };
}

export interface ResolvedSession {
  actor: UserActor;
  mfaStatus: MfaStatus;
  csrfToken: string;
  /** After an administrator's reset: only the password change (and sign-out) works. */
  passwordChangeRequired: boolean;
}

export type SessionLookup = { kind: 'valid'; session: ResolvedSession } | { kind: 'none' } | { kind: 'ended'; reason: 'expired' | 'idle' | 'ended' };

/**
 * Finds the live session behind a cookie token and touches it. Expiry is
 * decided here, on the server: an idle or too old session is ended for good.
 */
export async function resolveSession(
  db: Kysely<Database>,
  keys: VaultKeys,
  token: string,
  timeouts: SessionTimeouts,
  now: Date = new Date(),
): Promise<SessionLookup> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.mfa_status',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      'u.status',
      'u.must_change_password',
      ...userActorColumns,
    ])
    .where('s.token_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row) {
    return { kind: 'none' };
  }
  if (row.ended_at) {
    return { kind: 'ended', reason: 'ended' };
  }
  const idleLimit = new Date(new Date(row.last_seen_at).getTime() + timeouts.idleMinutes * 60_000);
  const expired = new Date(row.expires_at) <= now;
  if (expired || idleLimit <= now || row.status !== 'active') {
    const reason = row.status !== 'active' ? 'user_disabled' : expired ? 'expired' : 'idle';
    await db.updateTable('sessions').set({ ended_at: now, end_reason: reason }).where('id', '=', row.id).where('ended_at', 'is', null).execute();
    return { kind: 'ended', reason: expired ? 'expired' : reason === 'idle' ? 'idle' : 'ended' };
  }
  // Touch at most once a minute: every request writing a row would make reads into writes.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'valid',
    session: {
      actor: userActorOf(row, row.id, keys),
      mfaStatus: row.mfa_status,
      csrfToken: row.csrf_token,
      passwordChangeRequired: row.must_change_password,
    },
  };
}

export async function endSession(
  executor: Kysely<Database> | Transaction<Database>,
  input: { sessionId: string; reason: 'logout' | 'revoked' | 'user_disabled'; endedBy: string | null },
): Promise<boolean> {
  const result = await executor
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: input.reason, ended_by: input.endedBy })
    .where('id', '=', input.sessionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function endSessionsOfUser(trx: Transaction<Database>, input: { userId: string; reason: 'revoked' | 'user_disabled'; endedBy: string | null }): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: input.reason, ended_by: input.endedBy })
    .where('user_id', '=', input.userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Ends every other session of a user: after a password change, a thief's session must not outlive the old password. */
export async function endOtherSessionsOfUser(trx: Transaction<Database>, input: { userId: string; keepSessionId: string }): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: 'revoked', ended_by: input.userId })
    .where('user_id', '=', input.userId)
    .where('id', '!=', input.keepSessionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

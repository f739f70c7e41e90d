import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  createOrganizationRequestSchema,
  createUserRequestSchema,
  updateOrganizationRequestSchema,
  updateUserRequestSchema,
  userSchema,
} from '../../../shared/directory.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { PaginationQuery } from '../../../shared/http.schemas.js';
import type { Role } from '../../../shared/permissions.js';
import { refuseGrant, type RoleGrant } from '../../../shared/role-grants.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit.js';
import { checkPassword, describePasswordProblem } from '../../platform/auth/password-policy.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { requirePermission } from '../../platform/policy.js';
import { endSession, endSessionsOfUser } from '../../platform/session.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { openStaffEmail, sealedEmailColumns, staffEmailDigests } from '../../platform/vault/staff-email.js';
import { openDisplayName, sealDisplayName } from './staff-name.js';
import {
  emailTaken,
  regionIdsFor,
  replaceOrganizationRegions,
  replaceUserRegions,
  replaceUserRoles,
  selectOrganizationByCode,
  ancestorIds,
  selectOrganizationById,
  selectSessionOwner,
  selectSessionsOfUser,
  selectDisplayNamesSealed,
  selectUser,
  selectUserIdsByEmailDigests,
  selectUsers,
  type UserScopeFilter,
} from './directory.repo.js';

type User = z.infer<typeof userSchema>;

function userScope(actor: UserActor, permission: 'users.read' | 'users.manage' | 'sessions.revoke'): UserScopeFilter {
  const scope = requirePermission(actor, permission);
  return scope === 'all' ? { kind: 'all' } : { kind: 'organization', organizationId: actor.organizationId };
}

function toUser(keys: VaultKeys, row: NonNullable<Awaited<ReturnType<typeof selectUser>>>): User {
  return {
    id: row.id,
    email: openStaffEmail(keys, row.id, row),
    displayName: openDisplayName(keys, row.id, row.display_name_sealed),
    organizationId: row.organization_id,
    organizationCode: row.organization_code,
    roles: row.roles as Role[],
    regionCodes: row.region_codes,
    status: row.status,
    mfaEnrolled: row.mfa_enrolled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * Refuses a change of roles the actor may not make (src/shared/role-grants.ts
 * says which), naming the field and why. An attempt to widen one's reach is
 * worth an auditor's look, so the refusal is in the trail.
 */
async function guardGrantedRoles(
  input: { context: AppContext; actor: UserActor; origin: RequestOrigin },
  grantee: RoleGrant['grantee'],
  roles: readonly Role[],
): Promise<void> {
  const { actor } = input;
  const refusal = refuseGrant({ granter: actor, grantee, roles });
  if (!refusal) {
    return;
  }
  await recordAuditAlone(input.context.database.db, {
    actor,
    action: 'access.denied',
    outcome: 'denied',
    ...(grantee.userId ? { record: { type: 'user', id: grantee.userId } } : {}),
    origin: input.origin,
    details: { grant: refusal.reason, roles: [...roles].sort().join(',') },
  });
  switch (refusal.reason) {
    case 'own_roles':
      throw new AppError('forbidden', 'Nobody can change their own roles: ask another administrator', {
        fields: [{ field: 'body.roles', message: 'you cannot change your own roles' }],
      });
    case 'other_organization':
      throw new AppError('forbidden', 'You can grant roles in your own organization only', {
        fields: [{ field: 'body.roles', message: 'user of another organization' }],
      });
    case 'national_only':
      throw new AppError('forbidden', `Only a national administrator can grant or remove ${refusal.roles.join(', ')}: these roles reach beyond one organization`, {
        fields: [{ field: 'body.roles', message: `only a national administrator grants: ${refusal.roles.join(', ')}` }],
      });
  }
}

async function resolveRegions(context: AppContext, codes: readonly string[]): Promise<number[]> {
  const ids = await regionIdsFor(context.database.db, [...codes]);
  const unknown = codes.filter((code) => !ids.has(code));
  if (unknown.length > 0) {
    throw new AppError('unprocessable', `Unknown region codes: ${unknown.join(', ')}`, {
      fields: [{ field: 'body.regionCodes', message: `unknown: ${unknown.join(', ')}` }],
    });
  }
  return codes.map((code) => ids.get(code) ?? 0);
}

async function resolveParent(context: AppContext, parentCode: string | null | undefined) {
  if (!parentCode) {
    return undefined;
  }
  const parent = await selectOrganizationByCode(context.database.db, parentCode);
  if (!parent) {
    throw new AppError('unprocessable', 'No such parent organization', { fields: [{ field: 'body.parentCode', message: 'no such organization' }] });
  }
  return parent;
}

export async function listUsers(input: {
  context: AppContext;
  actor: UserActor;
  query: PaginationQuery & { organizationId?: string | undefined; status?: 'active' | 'disabled' | undefined };
}) {
  const { query } = input;
  const { rows, total } = await selectUsers(input.context.database.db, {
    scope: userScope(input.actor, 'users.read'),
    organizationId: query.organizationId ?? null,
    status: query.status ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((row) => toUser(input.context.vaultKeys, row)), page: { limit: query.limit, offset: query.offset, total } };
}

export async function getUser(input: { context: AppContext; actor: UserActor; userId: string }): Promise<User> {
  const row = await selectUser(input.context.database.db, { scope: userScope(input.actor, 'users.read'), userId: input.userId });
  if (!row) {
    throw new AppError('not_found', 'No such user in your reach');
  }
  return toUser(input.context.vaultKeys, row);
}

export async function createUser(input: {
  context: AppContext;
  actor: UserActor;
  request: z.infer<typeof createUserRequestSchema>;
  origin: RequestOrigin;
}): Promise<User> {
  const { context, actor, request } = input;
  const scope = userScope(actor, 'users.manage');
  const organizationId = request.organizationId ?? actor.organizationId;
  if (scope.kind === 'organization' && organizationId !== actor.organizationId) {
    throw new AppError('forbidden', 'You can add users to your own organization only', {
      fields: [{ field: 'body.organizationId', message: 'must be your own organization' }],
    });
  }
  await guardGrantedRoles(input, { userId: null, organizationId, currentRoles: [] }, request.roles);
  if (!(await selectOrganizationById(context.database.db, organizationId))) {
    throw new AppError('unprocessable', 'No such organization', { fields: [{ field: 'body.organizationId', message: 'no such organization' }] });
  }
  const passwordCheck = checkPassword(request.password, { email: request.email, displayName: request.displayName });
  if (!passwordCheck.ok) {
    throw new AppError('validation_failed', passwordCheck.problems.map(describePasswordProblem).join(' '), {
      fields: passwordCheck.problems.map((problem) => ({ field: 'body.password', message: describePasswordProblem(problem) })),
    });
  }
  if (await emailTaken(context.database.db, staffEmailDigests(context.vaultKeys, request.email))) {
    throw new AppError('conflict', 'A user with this email already exists', { fields: [{ field: 'body.email', message: 'is already used' }] });
  }
  const regionIds = await resolveRegions(context, request.regionCodes);
  const passwordHash = await hashPassword(request.password);
  const userId = await context.database.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const created = await trx
      .insertInto('users')
      .values({
        id,
        organization_id: organizationId,
        ...sealedEmailColumns(context.vaultKeys, id, request.email),
        display_name_sealed: sealDisplayName(context.vaultKeys, id, request.displayName),
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceUserRoles(trx, created.id, [...new Set(request.roles)]);
    await replaceUserRegions(trx, created.id, regionIds);
    await recordAudit(trx, {
      actor,
      action: 'user.created',
      record: { type: 'user', id: created.id },
      fields: ['email', 'displayName', 'organizationId', 'roles', 'regionCodes', 'password'],
      origin: input.origin,
    });
    return created.id;
  });
  const row = await selectUser(context.database.db, { scope, userId });
  if (!row) {
    throw new AppError('internal', 'The new user could not be read back');
  }
  return toUser(context.vaultKeys, row);
}

export async function updateUser(input: {
  context: AppContext;
  actor: UserActor;
  userId: string;
  request: z.infer<typeof updateUserRequestSchema>;
  origin: RequestOrigin;
}): Promise<User> {
  const { context, actor, request } = input;
  const scope = userScope(actor, 'users.manage');
  const existing = await selectUser(context.database.db, { scope, userId: input.userId });
  if (!existing) {
    throw new AppError('not_found', 'No such user in your reach');
  }
  if (request.roles) {
    await guardGrantedRoles(input, { userId: existing.id, organizationId: existing.organization_id, currentRoles: existing.roles as Role[] }, request.roles);
    if (existing.roles.includes('national_administrator') && !actor.roles.includes('national_administrator')) {
      throw new AppError('forbidden', 'Only a national administrator can change a national administrator');
    }
  }
  if (input.userId === actor.userId && request.status === 'disabled') {
    throw new AppError('unprocessable', 'You cannot disable your own account', { fields: [{ field: 'body.status', message: 'not for yourself' }] });
  }
  const regionIds = request.regionCodes ? await resolveRegions(context, request.regionCodes) : null;
  await context.database.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('users')
      .set({
        updated_at: now,
        ...(request.displayName !== undefined ? { display_name_sealed: sealDisplayName(context.vaultKeys, input.userId, request.displayName) } : {}),
        ...(request.status !== undefined ? { status: request.status } : {}),
        ...(request.resetMfa ? { totp_secret_encrypted: null, totp_pending_secret_encrypted: null, mfa_enrolled_at: null, last_totp_step: null } : {}),
      })
      .where('id', '=', input.userId)
      .execute();
    if (request.roles) {
      await replaceUserRoles(trx, input.userId, [...new Set(request.roles)]);
    }
    if (regionIds) {
      await replaceUserRegions(trx, input.userId, regionIds);
    }
    // New roles, a disabled account or a forgotten authenticator take effect at once, not at next sign-in.
    if (request.status === 'disabled' || request.roles || request.resetMfa) {
      await endSessionsOfUser(trx, { userId: input.userId, reason: request.status === 'disabled' ? 'user_disabled' : 'revoked', endedBy: actor.userId });
    }
    await recordAudit(trx, {
      actor,
      action: 'user.updated',
      record: { type: 'user', id: input.userId },
      fields: Object.keys(request),
      origin: input.origin,
    });
  });
  const updated = await selectUser(context.database.db, { scope, userId: input.userId });
  if (!updated) {
    throw new AppError('internal', 'The user could not be read back');
  }
  return toUser(context.vaultKeys, updated);
}

export async function listSessionsOfUser(input: { context: AppContext; actor: UserActor; userId: string }) {
  const scope = userScope(input.actor, 'sessions.revoke');
  if (!(await selectUser(input.context.database.db, { scope, userId: input.userId }))) {
    throw new AppError('not_found', 'No such user in your reach');
  }
  const rows = await selectSessionsOfUser(input.context.database.db, input.userId);
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    items: rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      createdAt: new Date(row.created_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      expiresAt: new Date(row.expires_at).toISOString(),
      endedAt: iso(row.ended_at),
      endReason: row.end_reason,
      ip: row.ip,
      userAgent: row.user_agent,
    })),
  };
}

export async function revokeSession(input: { context: AppContext; actor: UserActor; sessionId: string; origin: RequestOrigin }): Promise<void> {
  const scope = userScope(input.actor, 'sessions.revoke');
  const session = await selectSessionOwner(input.context.database.db, input.sessionId);
  if (!session || (scope.kind === 'organization' && session.organization_id !== scope.organizationId)) {
    throw new AppError('not_found', 'No such session in your reach');
  }
  if (session.ended_at) {
    throw new AppError('conflict', 'This session has already ended');
  }
  await input.context.database.db.transaction().execute(async (trx) => {
    await endSession(trx, { sessionId: input.sessionId, reason: 'revoked', endedBy: input.actor.userId });
    await recordAudit(trx, { actor: input.actor, action: 'session.revoked', record: { type: 'session', id: input.sessionId }, origin: input.origin, details: { userId: session.user_id } });
  });
}

export async function createOrganization(input: {
  context: AppContext;
  actor: UserActor;
  request: z.infer<typeof createOrganizationRequestSchema>;
  origin: RequestOrigin;
}): Promise<{ id: string }> {
  const { context, request } = input;
  requirePermission(input.actor, 'organizations.manage');
  if (await selectOrganizationByCode(context.database.db, request.code)) {
    throw new AppError('conflict', `An organization with code ${request.code} exists`, { fields: [{ field: 'body.code', message: 'is already used' }] });
  }
  const parent = await resolveParent(context, request.parentCode);
  const regionIds = await resolveRegions(context, request.regionCodes);
  return context.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('organizations')
      .values({
        code: request.code,
        kind: request.kind,
        name_ru: request.name.ru,
        name_kk: request.name.kk,
        name_en: request.name.en,
        abbreviation_ru: request.abbreviation.ru,
        abbreviation_kk: request.abbreviation.kk,
        abbreviation_en: request.abbreviation.en,
        by_agreement: request.byAgreement,
        parent_id: parent?.id ?? null,
        public_phone: request.publicPhone,
        capacity: request.capacity,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceOrganizationRegions(trx, created.id, regionIds);
    await recordAudit(trx, {
      actor: input.actor,
      action: 'organization.created',
      record: { type: 'organization', id: created.id },
      fields: Object.keys(request),
      origin: input.origin,
    });
    return { id: created.id };
  });
}

export async function updateOrganization(input: {
  context: AppContext;
  actor: UserActor;
  organizationId: string;
  request: z.infer<typeof updateOrganizationRequestSchema>;
  origin: RequestOrigin;
}): Promise<void> {
  const { context, request } = input;
  requirePermission(input.actor, 'organizations.manage');
  if (!(await selectOrganizationById(context.database.db, input.organizationId))) {
    throw new AppError('not_found', 'No such organization');
  }
  const parent = await resolveParent(context, request.parentCode);
  if (parent && (await ancestorIds(context.database.db, parent.id)).includes(input.organizationId)) {
    throw new AppError('unprocessable', 'An organization cannot be placed under itself or one of its own units', {
      fields: [{ field: 'body.parentCode', message: 'would make a cycle' }],
    });
  }
  const regionIds = request.regionCodes ? await resolveRegions(context, request.regionCodes) : null;
  await context.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organizations')
      .set({
        updated_at: new Date(),
        ...(request.name ? { name_ru: request.name.ru, name_kk: request.name.kk, name_en: request.name.en } : {}),
        ...(request.abbreviation
          ? { abbreviation_ru: request.abbreviation.ru, abbreviation_kk: request.abbreviation.kk, abbreviation_en: request.abbreviation.en }
          : {}),
        ...(request.byAgreement !== undefined ? { by_agreement: request.byAgreement } : {}),
        ...(request.parentCode === null ? { parent_id: null } : parent ? { parent_id: parent.id } : {}),
        ...(request.publicPhone !== undefined ? { public_phone: request.publicPhone } : {}),
        ...(request.capacity !== undefined ? { capacity: request.capacity } : {}),
      })
      .where('id', '=', input.organizationId)
      .execute();
    if (regionIds) {
      await replaceOrganizationRegions(trx, input.organizationId, regionIds);
    }
    await recordAudit(trx, {
      actor: input.actor,
      action: 'organization.updated',
      record: { type: 'organization', id: input.organizationId },
      fields: Object.keys(request),
      origin: input.origin,
    });
  });
}

/**
 * Names of the staff who acted, for the audit trail's readers: the trail names
 * actors by id (never by email), and an auditor, who may not browse the
 * directory, still has to see who did what. The caller has checked audit.read.
 */
export async function staffNamesForAudit(input: { context: AppContext; userIds: string[] }): Promise<Map<string, string>> {
  const rows = await selectDisplayNamesSealed(input.context.database.db, [...new Set(input.userIds)]);
  return new Map(rows.map((row) => [row.id, openDisplayName(input.context.vaultKeys, row.id, row.display_name_sealed)]));
}

/** The user with this email, under any key of the keyring, for the audit search by email; null when none. */
export async function userIdByEmail(input: { context: AppContext; email: string }): Promise<string | null> {
  const [id] = await selectUserIdsByEmailDigests(input.context.database.db, staffEmailDigests(input.context.vaultKeys, input.email));
  return id ?? null;
}

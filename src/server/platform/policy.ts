import { AppError } from '../../shared/errors.js';
import { scopeOf, type Permission, type Scope } from '../../shared/permissions.js';
import type { Actor, UserActor } from './actor.js';

/**
 * The one place that decides whether an actor may use a permission, and how
 * far it reaches. The system actor (CLI, seeding) has every permission with
 * scope 'all': its uses are few, named and audited.
 */
export function can(actor: Actor, permission: Permission): Scope | null {
  if (actor.kind === 'system') {
    return 'all';
  }
  return scopeOf(actor.roles, permission);
}

export function requirePermission(actor: Actor, permission: Permission): Scope {
  const scope = can(actor, permission);
  if (!scope) {
    throw new AppError('forbidden', `Your roles do not allow ${permission}`);
  }
  return scope;
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') {
    throw new AppError('forbidden', 'This operation needs a signed-in user');
  }
  return actor;
}

/** Whether a record owned by organizationId, with the given involved organizations, is within scope. */
export function recordInScope(
  actor: Actor,
  scope: Scope,
  record: { organizationId: string; createdBy?: string | null; involvedOrganizationIds?: readonly string[] },
): boolean {
  if (actor.kind === 'system' || scope === 'all') {
    return true;
  }
  switch (scope) {
    case 'own':
      return record.createdBy === actor.userId;
    case 'organization':
      return record.organizationId === actor.organizationId;
    case 'involved':
      return record.organizationId === actor.organizationId || (record.involvedOrganizationIds ?? []).includes(actor.organizationId);
  }
}

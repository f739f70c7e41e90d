import { permissionTable, roles as allRoles, type Role } from './permissions.js';

// Who may hand out which role, as a plain function of who grants, to whom and
// what: the users service refuses by it, the administrator's form offers by it.
// A role is worth no more than the reach of its grant: an organization's
// administrator may only make roles whose reach stays inside the organization,
// or an administrator could make a colleague (or, before, itself) a national
// auditor reading who looked at which victim across the country.

/**
 * Roles that reach beyond the user's own organization: any role granting
 * some permission with scope 'all', and the analyst, whose statistics cover
 * every organization even without a scoped permission here.
 */
export const nationalRoles: readonly Role[] = allRoles.filter(
  (role) => role === 'analyst' || Object.values(permissionTable[role]).some((scope) => scope === 'all'),
);

export function isNationalRole(role: Role): boolean {
  return nationalRoles.includes(role);
}

/** Roles this granter may give or take away, to users within its users.manage reach. */
export function grantableRoles(granterRoles: readonly Role[]): Role[] {
  if (granterRoles.includes('national_administrator')) {
    return [...allRoles];
  }
  if (granterRoles.includes('administrator')) {
    return allRoles.filter((role) => !isNationalRole(role));
  }
  return [];
}

export type GrantRefusal =
  /** Nobody changes their own roles, whoever they are. */
  | { reason: 'own_roles' }
  /** The roles named reach beyond the organization: only a national administrator grants or removes them. */
  | { reason: 'national_only'; roles: Role[] }
  /** The user belongs to another organization than the granter's, whose administrator cannot reach it. */
  | { reason: 'other_organization' };

export interface RoleGrant {
  granter: { userId: string; organizationId: string; roles: readonly Role[] };
  /** userId null: a user being created. currentRoles: what the user holds now. */
  grantee: { userId: string | null; organizationId: string; currentRoles: readonly Role[] };
  /** The roles the user is to hold afterwards. */
  roles: readonly Role[];
}

/** Null when the grant may go ahead, else why not. Both roles added and roles removed must be the granter's to give. */
export function refuseGrant(grant: RoleGrant): GrantRefusal | null {
  const { granter, grantee } = grant;
  const after = new Set(grant.roles);
  const before = new Set(grantee.currentRoles);
  const changed = [...allRoles].filter((role) => after.has(role) !== before.has(role));
  if (changed.length === 0) {
    return null;
  }
  if (grantee.userId !== null && grantee.userId === granter.userId) {
    return { reason: 'own_roles' };
  }
  if (!granter.roles.includes('national_administrator') && grantee.organizationId !== granter.organizationId) {
    return { reason: 'other_organization' };
  }
  const allowed = grantableRoles(granter.roles);
  const beyond = changed.filter((role) => !allowed.includes(role));
  return beyond.length > 0 ? { reason: 'national_only', roles: beyond } : null;
}

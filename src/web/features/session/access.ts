import { scopeOf, type Permission, type Role } from '../../../shared/permissions.js';

/** Whether any of the roles grants the permission: the UI hides what the API would refuse. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  return scopeOf(roles, permission) !== null;
}

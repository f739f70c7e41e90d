import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Permission } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/actor.js';
import { requirePermission } from '../../platform/policy.js';

/**
 * How far a user reaches among criminal proceedings: the proceedings their
 * body registered or investigates, in the regions they work in (an empty
 * region list: nationwide, as for the rest of Senim). A proceeding is the
 * investigative file; case workers never read it here, only the summary of
 * the proceedings linked to their case (justice/case-proceedings).
 */
export type ProceedingReach = { kind: 'all' } | { kind: 'body'; organizationId: string; regionIds: readonly number[] };

export function proceedingReachOf(actor: Actor, permission: Extract<Permission, 'proceedings.read' | 'proceedings.manage'>): ProceedingReach {
  const scope = requirePermission(actor, permission);
  if (actor.kind === 'system' || scope === 'all') {
    return { kind: 'all' };
  }
  return { kind: 'body', organizationId: actor.organizationId, regionIds: actor.regionIds };
}

/** True for the rows of criminal_proceedings (under alias) within reach. */
export function proceedingInReach(reach: ProceedingReach, alias = 'criminal_proceedings'): RawBuilder<boolean> {
  if (reach.kind === 'all') {
    return sql<boolean>`true`;
  }
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const body = sql`(${column('investigating_organization_id')} = ${reach.organizationId}::uuid or ${column('registering_organization_id')} = ${reach.organizationId}::uuid)`;
  if (reach.regionIds.length === 0) {
    return sql<boolean>`${body}`;
  }
  return sql<boolean>`(${body} and ${column('region_id')} in (${sql.join(reach.regionIds.map((id) => sql`${id}`))}))`;
}

/** Out of reach and missing look the same, so that a register number cannot be probed. */
export function proceedingNotFound(): AppError {
  return new AppError('not_found', 'No such criminal proceeding in your reach');
}

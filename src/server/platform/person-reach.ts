import { sql, type RawBuilder } from 'kysely';
import type { Permission } from '../../shared/permissions.js';
import type { UserActor } from './actor.js';
import { requirePermission } from './policy.js';

/**
 * How far a user reaches among persons and their cases. One rule for both,
 * because a person's identity tells as much as the case about them:
 *
 * - the user's organization is involved with the person; a law-enforcement
 *   body only through the person's consent to share with it (a
 *   'police_consent' involvement, which goes when the consent is withdrawn);
 * - a child (a person with a case under 18 or of unknown age) only to workers
 *   named on a case of that person, whatever role their organization gives them.
 *
 * Row-level security (migrations 0016, senim_person_readable, and 0013 for the
 * case rows) applies the same rule as the wall behind this.
 */
export type Reach =
  | { kind: 'all' }
  | { kind: 'involved'; organizationId: string; userId: string; lawEnforcement: boolean };

export function reachOf(actor: UserActor, permission: Permission): Reach {
  const scope = requirePermission(actor, permission);
  if (scope === 'all') {
    return { kind: 'all' };
  }
  return { kind: 'involved', organizationId: actor.organizationId, userId: actor.userId, lawEnforcement: actor.organizationLawEnforcement };
}

/** Under 18 or of unknown age, as isChild() in case-pathway.ts, for the case rows under alias. */
export function childCaseOf(alias: 'nrm_cases' | 'c'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.age_basis`)} = 'unknown' or ${sql.ref(`${alias}.age_years`)} is null or ${sql.ref(`${alias}.age_years`)} < 18)`;
}

/** The involvement through which an organization reaches a person: any, or for police only the consent's. */
export function organizationReachesPerson(reach: Extract<Reach, { kind: 'involved' }>, personId: RawBuilder<unknown>): RawBuilder<boolean> {
  const basis = reach.lawEnforcement ? sql` and i.basis = 'police_consent'` : sql``;
  return sql<boolean>`exists (
    select 1 from person_involvements i
    where i.person_id = ${personId} and i.organization_id = ${reach.organizationId}::uuid${basis})`;
}

/** The SQL that is true for the person ids (personId: a column or value) within reach. */
export function personInReach(reach: Reach, personId: RawBuilder<unknown>): RawBuilder<boolean> {
  if (reach.kind === 'all') {
    return sql<boolean>`true`;
  }
  return sql<boolean>`(${organizationReachesPerson(reach, personId)}
    and (not exists (select 1 from nrm_cases c where c.person_id = ${personId} and ${childCaseOf('c')})
      or exists (
        select 1 from case_workers w join nrm_cases c on c.id = w.case_id
        where c.person_id = ${personId} and w.user_id = ${reach.userId}::uuid)))`;
}

import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Permission } from '../../../shared/permissions.js';
import type { Database } from '../../db/schema.js';
import type { UserActor } from '../../platform/actor.js';
import { childCaseOf, organizationReachesPerson, reachOf, type Reach } from '../../platform/person-reach.js';

/**
 * How far a user reaches among cases: the reach of platform/person-reach.ts,
 * which persons use too. A case is visible to the organizations involved with
 * its person; a law-enforcement body only on the person's consent to share
 * with police; and a child's case only to workers named on it. Row-level
 * security on the same involvements is the wall behind this.
 */
export type CaseReach = Reach;

export function caseReachOf(actor: UserActor, permission: Permission): CaseReach {
  return reachOf(actor, permission);
}

export async function isLawEnforcement(db: Kysely<Database> | Transaction<Database>, organizationId: string): Promise<boolean> {
  const organization = await db.selectFrom('organizations').select('law_enforcement').where('id', '=', organizationId).executeTakeFirst();
  return organization?.law_enforcement ?? false;
}

/** The SQL that is true for the case rows (table nrm_cases) within reach. */
export function caseVisible(reach: CaseReach): RawBuilder<boolean> {
  if (reach.kind === 'all') {
    return sql<boolean>`true`;
  }
  // Row-level security applies the same organizations; the application says it first, as everywhere.
  // Other organizations read the reach kept on the case row (0013): a comparison per row, not a look-up.
  const organizationReaches = reach.lawEnforcement
    ? organizationReachesPerson(reach, sql.ref('nrm_cases.person_id'))
    : sql<boolean>`nrm_cases.involved_organization_ids @> array[${reach.organizationId}::uuid]`;
  return sql<boolean>`(${organizationReaches}
    and (not ${childCase} or exists (
      select 1 from case_workers w where w.case_id = nrm_cases.id and w.user_id = ${reach.userId}::uuid)))`;
}

/** Under 18 or of unknown age, as isChild() in case-pathway.ts. */
export const childCase = childCaseOf('nrm_cases');

export function notInReach(): AppError {
  return new AppError('not_found', 'No such case in your reach');
}

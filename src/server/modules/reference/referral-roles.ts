import type { ServiceType } from '../../../shared/case.schemas.js';
import type { OrganizationSeed } from './kazakhstan/seed-types.js';

// Defaults for a new installation's organizations in the referral mechanism;
// the national administrator changes them afterwards, and loading reference
// data again never overwrites that.

/** Police, financial police, security and border service, prosecutors: they see a case only with consent. */
export const lawEnforcementCodes: ReadonlySet<string> = new Set(['MIA', 'AFM', 'NSC', 'NSC-BS', 'PGO', 'PGO-CLSSA']);

/**
 * Under the Criteria, organizations providing special social services
 * identify victims, and so do the police (MIA), independently of any
 * criminal case.
 */
export function mayIdentifyByDefault(organization: Pick<OrganizationSeed, 'code' | 'kind'>): boolean {
  return organization.kind === 'ngo' || organization.kind === 'crisis_centre' || organization.kind === 'shelter' || organization.code === 'MIA';
}

const allServices: ServiceType[] = ['social_welfare', 'medical', 'psychological', 'educational', 'employment', 'cultural', 'economic', 'legal'];

/** Shelters and crisis centres offer the whole Standard; NGOs the non-residential part of it. */
export function defaultServiceTypes(organization: Pick<OrganizationSeed, 'kind'>): ServiceType[] {
  if (organization.kind === 'shelter' || organization.kind === 'crisis_centre') {
    return allServices;
  }
  if (organization.kind === 'ngo') {
    return ['social_welfare', 'psychological', 'legal', 'employment'];
  }
  return [];
}

import type { Selectable } from 'kysely';
import type {
  CaseSummary,
  ExploitationForm,
  PathwayStep,
  ReferralSource,
  caseServiceSchema,
  consentSchema,
  identificationDecisionSchema,
  meetingContexts,
  referralSchema,
} from '../../../shared/case.schemas.js';
import type { z } from 'zod';
import type { CaseConsentsTable, CaseReferralsTable, CaseServicesTable, IdentificationDecisionsTable } from '../../db/schema.js';
import type { CaseSummaryRow } from './case.repo.js';
import { isChild, isForeign } from './case-pathway.js';

// Database rows to the API's shapes. Nothing here reads the identity vault.

/** A row read directly (instants as Date) or nested through json_agg (instants as ISO strings). */
export type ReadRow<Row> = { [K in keyof Row]: Row[K] extends Date ? Date | string : Row[K] extends Date | null ? Date | string | null : Row[K] };

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function caseSummaryOf(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    code: row.code,
    personId: row.person_id,
    status: row.status,
    step: row.step as PathwayStep,
    episode: row.episode,
    possibleRetrafficking: row.possible_retrafficking,
    ownerOrganizationId: row.owner_organization_id,
    regionCode: row.region_code,
    referralSource: row.referral_source as ReferralSource,
    meetingContext: row.meeting_context as (typeof meetingContexts)[number],
    firstContactDate: row.first_contact_date,
    createdAt: iso(row.created_at),
    sex: row.sex,
    ageYears: row.age_years,
    ageBasis: row.age_basis,
    child: isChild(row.age_years, row.age_basis),
    citizenship: row.citizenship,
    foreign: isForeign(row.citizenship),
    latestDecision: row.latest_decision,
    exploitationForms: row.exploitation_forms as ExploitationForm[],
  };
}

export function consentOf(row: ReadRow<Selectable<CaseConsentsTable>>): z.infer<typeof consentSchema> {
  return {
    id: row.id,
    scope: row.scope,
    organizationId: row.organization_id,
    given: row.given,
    method: row.method,
    recordedAt: iso(row.recorded_at),
    withdrawnAt: isoOrNull(row.withdrawn_at),
  };
}

export function referralOf(row: ReadRow<Selectable<CaseReferralsTable>> & { case_code: string }): z.infer<typeof referralSchema> {
  return {
    id: row.id,
    caseId: row.case_id,
    caseCode: row.case_code,
    fromOrganizationId: row.from_organization_id,
    toOrganizationId: row.to_organization_id,
    serviceTypes: row.service_types as z.infer<typeof referralSchema>['serviceTypes'],
    reason: row.reason,
    requestedAt: iso(row.requested_at),
    status: row.status,
    respondedAt: isoOrNull(row.responded_at),
    declineReason: row.decline_reason,
    placement: row.placement,
    placementFrom: row.placement_from,
    placementTo: row.placement_to,
    consentOverridden: row.consent_overridden,
  };
}

export function serviceOf(row: ReadRow<Selectable<CaseServicesTable>>): z.infer<typeof caseServiceSchema> {
  return {
    id: row.id,
    serviceType: row.service_type as z.infer<typeof caseServiceSchema>['serviceType'],
    providerOrganizationId: row.provider_organization_id,
    referralId: row.referral_id,
    status: row.status,
    plannedFrom: row.planned_from,
    plannedTo: row.planned_to,
    deliveredOn: row.delivered_on,
    notes: row.notes,
  };
}

export function decisionOf(row: ReadRow<Selectable<IdentificationDecisionsTable>>): z.infer<typeof identificationDecisionSchema> {
  return {
    id: row.id,
    organizationId: row.organization_id,
    decidedAt: iso(row.decided_at),
    outcome: row.outcome,
    exploitationForms: row.exploitation_forms as ExploitationForm[],
    traffickingScope: row.trafficking_scope,
    reasons: row.reasons,
    reviewsDecisionId: row.reviews_decision_id,
  };
}

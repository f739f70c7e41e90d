// The rules of the referral pathway that refuse a step, by name. The API sends
// the name as a problem's `reason` beside its English detail, so the web says
// the rule in the reader's language without reading the English.

export const caseRefusals = {
  case_closed: { code: 'conflict', detail: 'The case is closed: reopen it first' },
  processing_consent_first: { code: 'conflict', detail: 'Record the person’s consent to processing before screening' },
  child_questionnaire: { code: 'unprocessable', detail: 'The person is a child or of uncertain age: use the questionnaire for children' },
  referral_already_answered: { code: 'conflict', detail: 'This referral was answered already' },
  no_free_places: { code: 'conflict', detail: 'No free places: every bed is taken. Decline, or end a placement first' },
  not_authorized_to_identify: { code: 'unprocessable', detail: 'Your organization is not authorized to identify victims under the Criteria' },
  decision_exists: { code: 'conflict', detail: 'The case has a decision already: record a review of it instead' },
  consent_already_withdrawn: { code: 'conflict', detail: 'This consent was already withdrawn' },
  not_foreign: { code: 'conflict', detail: 'The person is a citizen of Kazakhstan: migration status applies to foreign and stateless persons' },
  not_child: { code: 'conflict', detail: 'The person is an adult: child protection applies to children and to persons of uncertain age' },
  referral_needs_open_case: { code: 'conflict', detail: 'Referrals are made while the case is open' },
  own_organization: { code: 'unprocessable', detail: 'Refer to another organization: your own organization already works on the case' },
  police_not_provider: { code: 'unprocessable', detail: 'Police are not service providers: record the consent to share with police instead' },
  service_not_offered: { code: 'unprocessable', detail: 'The organization does not offer every service requested' },
  no_referral_consent: { code: 'conflict', detail: 'The person has not agreed to be referred to this organization: record the consent first' },
  services_open: { code: 'conflict', detail: 'Services are still planned or in progress: mark them delivered or cancelled first' },
  in_follow_up: { code: 'conflict', detail: 'The case is in follow-up: record a follow-up contact that ends it' },
  not_in_follow_up: { code: 'conflict', detail: 'Follow-up contacts are recorded after closure, while the case is in follow-up' },
  already_open: { code: 'conflict', detail: 'The case is open already' },
  provider_not_accepted: { code: 'conflict', detail: 'This provider has not accepted a referral for the case: a service follows an accepted referral' },
  child_not_anonymous: { code: 'unprocessable', detail: 'A child cannot be notified anonymously: open a case so that protection begins' },
} as const satisfies Record<string, { code: 'conflict' | 'unprocessable'; detail: string }>;

export type CaseRefusal = keyof typeof caseRefusals;

export const caseRefusalNames = Object.keys(caseRefusals) as CaseRefusal[];

export function isCaseRefusal(reason: string | undefined): reason is CaseRefusal {
  return reason !== undefined && Object.hasOwn(caseRefusals, reason);
}

import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api-client.js';
import { translateFieldMessage, type FieldErrors } from '../../components/field-errors.js';

// The case API's problems as the case page shows them: field problems beside
// their fields, refusals by the rule that refused, in the reader's language.

/** 'body.overrideConsent.reason' → 'overrideConsent': a form field per top-level request field. */
export function caseFieldErrors<Field extends string>(error: unknown, fields: readonly Field[], t: TFunction): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const [place, name] = problem.field.split('.');
    const field = place === 'body' || place === 'query' ? fields.find((candidate) => candidate === name) : undefined;
    if (field === undefined) {
      continue;
    }
    const message = translateCaseMessage(problem.message, t);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

// The API words its field messages in English; these are the ones the case forms meet most.
const caseMessages: readonly [RegExp, (t: TFunction) => string][] = [
  [/must not be empty/u, (t) => t('caseView.fieldErrors.empty')],
  [/YYYY-MM-DD|invalid (iso )?date/iu, (t) => t('caseView.fieldErrors.date')],
  [/at least one form of exploitation/u, (t) => t('caseView.fieldErrors.exploitationForm')],
  [/at least one service/u, (t) => t('caseView.fieldErrors.service')],
  [/answer at least one indicator/u, (t) => t('caseView.fieldErrors.answer')],
  [/say why/u, (t) => t('caseView.fieldErrors.reason')],
  [/^Invalid (option|input)/u, (t) => t('caseView.fieldErrors.choose')],
  [/required when delivered/u, (t) => t('caseView.fieldErrors.deliveredOn')],
  [/^is before/u, (t) => t('caseView.fieldErrors.endsBeforeStart')],
  [/not a user of an involved organization/u, (t) => t('caseView.fieldErrors.notInvolvedUser')],
  [/has not accepted a referral/u, (t) => t('caseView.fieldErrors.providerNotAccepted')],
  [/name the decision reviewed|not a decision of this case/u, (t) => t('caseView.fieldErrors.reviewedDecision')],
];

function translateCaseMessage(message: string, t: TFunction): string {
  for (const [pattern, translate] of caseMessages) {
    if (pattern.test(message)) {
      return translate(t);
    }
  }
  return translateFieldMessage(message, t);
}

export type RefusalKey =
  | 'closed'
  | 'processingConsentFirst'
  | 'childQuestionnaire'
  | 'alreadyAnswered'
  | 'noFreePlaces'
  | 'notAuthorized'
  | 'decisionExists'
  | 'alreadyWithdrawn'
  | 'notForeign'
  | 'notChild'
  | 'referralWhileOpen'
  | 'ownOrganization'
  | 'policeNotProvider'
  | 'notOffered'
  | 'noReferralConsent'
  | 'servicesOpen'
  | 'inFollowUp'
  | 'notInFollowUp'
  | 'alreadyOpen'
  | 'providerNotAccepted';

// The rules the case API enforces, by the wording of its refusals, so the reader gets them in their language.
const refusals: readonly [RegExp, RefusalKey][] = [
  [/case is (already )?closed/u, 'closed'],
  [/consent to processing before screening/u, 'processingConsentFirst'],
  [/questionnaire for children/u, 'childQuestionnaire'],
  [/referral was already/u, 'alreadyAnswered'],
  [/No free places/u, 'noFreePlaces'],
  [/not authorized to identify/u, 'notAuthorized'],
  [/has a decision already/u, 'decisionExists'],
  [/consent was already withdrawn/u, 'alreadyWithdrawn'],
  [/citizen of Kazakhstan/u, 'notForeign'],
  [/person is an adult/u, 'notChild'],
  [/Referrals are made while the case is open/u, 'referralWhileOpen'],
  [/your own organization already works/u, 'ownOrganization'],
  [/Police are not service providers/u, 'policeNotProvider'],
  [/does not offer/u, 'notOffered'],
  [/not agreed to be referred/u, 'noReferralConsent'],
  [/still planned or in progress/u, 'servicesOpen'],
  [/in follow-up: record a follow-up contact/u, 'inFollowUp'],
  [/recorded after closure/u, 'notInFollowUp'],
  [/open already/u, 'alreadyOpen'],
  [/not accepted a referral/u, 'providerNotAccepted'],
];

/** Which of the API's rules refused a change, from the wording of its detail; null for one this page does not know. */
export function refusalOf(detail: string): RefusalKey | null {
  return refusals.find(([pattern]) => pattern.test(detail))?.[1] ?? null;
}

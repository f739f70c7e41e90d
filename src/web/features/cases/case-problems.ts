import type { TFunction } from 'i18next';
import { isCaseRefusal, type CaseRefusal } from '../../../shared/case-refusals.js';
import { ApiProblem } from '../../api-client.js';
import { describeError } from '../../components/query-result.js';
import { translateFieldMessage, type FieldErrors, type FieldProblemWords, type KnownMessage } from '../../components/field-errors.js';

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
    const message = translateCaseMessage(problem, t);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

// The API words its field messages in English; these are the ones the case forms meet most.
const caseMessages: readonly KnownMessage[] = [
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
  [/is in the future/u, (t) => t('cases.intake.firstContactDateFuture')],
  [/^not offered/u, (t) => t('caseView.refusals.service_not_offered')],
  [/is your own organization/u, (t) => t('caseView.fieldErrors.ownOrganization')],
  [/is a law-enforcement body/u, (t) => t('caseView.fieldErrors.policeNotProvider')],
  [/open a case for a child/u, (t) => t('caseView.fieldErrors.childNeedsCase')],
  [/no such organization/u, (t) => t('caseView.unknownOrganization')],
];

/** A field problem of the case forms in the reader's language: the case rules' wording first, then the general rules. */
export function translateCaseMessage(problem: FieldProblemWords, t: TFunction): string {
  return translateFieldMessage(problem, t, caseMessages);
}

/** The pathway rule that refused a step, as the API names it in the problem's reason; null for a problem that names none. */
export function refusalOf(problem: { reason?: string | undefined }): CaseRefusal | null {
  return isCaseRefusal(problem.reason) ? problem.reason : null;
}

/**
 * A refused change: the rule the server applied, in the reader's language,
 * says more than the generic code. A conflict the page has no rule for is told
 * in the server's words (`unnamedRule`); anything else as its code.
 */
export function describeRefusal(error: unknown, t: TFunction, unnamedRule: (detail: string) => string): { message: string; requestId: string | null } {
  const described = describeError(error, t);
  if (!(error instanceof ApiProblem)) {
    return described;
  }
  const rule = refusalOf(error.problem);
  if (rule !== null) {
    return { message: t(`caseView.refusals.${rule}`), requestId: described.requestId };
  }
  if (error.problem.code === 'conflict' || error.problem.code === 'unprocessable') {
    return { message: unnamedRule(error.problem.detail), requestId: described.requestId };
  }
  return described;
}

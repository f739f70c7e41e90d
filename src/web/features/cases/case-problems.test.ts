import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api-client.js';
import { caseFieldErrors, describeRefusal, refusalOf } from './case-problems.js';

// Stands in for i18next: shows the key, so the test sees which translation was chosen.
const t = ((key: string) => key) as unknown as TFunction;

function problem(code: 'validation_failed' | 'conflict', detail: string, errors: { field: string; message: string }[] = []): ApiProblem {
  return new ApiProblem({ type: 'about:blank', title: code, status: code === 'conflict' ? 409 : 400, code, detail, instance: '/api/v1/cases', requestId: 'req-1', errors });
}

describe('field problems of the case forms', () => {
  it('land on the top-level field of the request, translated where the wording is known', () => {
    const error = problem('validation_failed', 'The request has invalid fields', [
      { field: 'body.overrideConsent.reason', message: 'must not be empty' },
      { field: 'body.exploitationForms', message: 'an identification names at least one form of exploitation' },
      { field: 'body.plannedTo', message: 'is before plannedFrom' },
      { field: 'body.notes', message: 'Something new the page has no words for' },
    ]);
    expect(caseFieldErrors(error, ['overrideConsent', 'exploitationForms', 'plannedTo', 'notes'], t)).toEqual({
      overrideConsent: 'caseView.fieldErrors.empty',
      exploitationForms: 'caseView.fieldErrors.exploitationForm',
      plannedTo: 'caseView.fieldErrors.endsBeforeStart',
      notes: 'Something new the page has no words for',
    });
  });

  it('say in the reader\'s words what the case services refuse, not only what the schemas do', () => {
    const error = problem('validation_failed', 'The request has invalid fields', [
      { field: 'body.firstContactDate', message: 'is in the future' },
      { field: 'body.serviceTypes', message: 'not offered: legal, medical' },
      { field: 'body.toOrganizationId', message: 'is your own organization' },
      { field: 'body.ageGroup', message: 'open a case for a child' },
    ]);
    expect(caseFieldErrors(error, ['firstContactDate', 'serviceTypes', 'toOrganizationId', 'ageGroup'], t)).toEqual({
      firstContactDate: 'cases.intake.firstContactDateFuture',
      serviceTypes: 'caseView.refusals.service_not_offered',
      toOrganizationId: 'caseView.fieldErrors.ownOrganization',
      ageGroup: 'caseView.fieldErrors.childNeedsCase',
    });
  });

  it('leave out fields the form does not have and problems outside the body', () => {
    const error = problem('validation_failed', 'The request has invalid fields', [
      { field: 'params.id', message: 'must be a UUID' },
      { field: 'body.somethingElse', message: 'must not be empty' },
    ]);
    expect(caseFieldErrors(error, ['reason'], t)).toEqual({});
    expect(caseFieldErrors(new Error('offline'), ['reason'], t)).toEqual({});
  });

  it('join two problems of one field', () => {
    const error = problem('validation_failed', 'x', [
      { field: 'body.deliveredOn', message: 'required when delivered' },
      { field: 'body.deliveredOn', message: 'must be YYYY-MM-DD' },
    ]);
    expect(caseFieldErrors(error, ['deliveredOn'], t).deliveredOn).toBe('caseView.fieldErrors.deliveredOn caseView.fieldErrors.date');
  });
});

describe('refusals', () => {
  it('are told apart by the rule the API names, whatever its English wording', () => {
    const refused = new ApiProblem({
      type: 'about:blank',
      title: 'conflict',
      status: 409,
      code: 'conflict',
      detail: 'Wording the page has never seen',
      instance: '/api/v1/cases',
      requestId: 'req-1',
      reason: 'no_referral_consent',
    });
    expect(refusalOf(refused.problem)).toBe('no_referral_consent');
    expect(describeRefusal(refused, t, (detail) => detail)).toEqual({ message: 'caseView.refusals.no_referral_consent', requestId: 'req-1' });
  });

  it('leave a conflict without a named rule to the server’s own words, and other problems to their code', () => {
    const unnamed = problem('conflict', 'The moon is in the wrong phase');
    expect(refusalOf(unnamed.problem)).toBeNull();
    expect(describeRefusal(unnamed, t, (detail) => `refused: ${detail}`).message).toBe('refused: The moon is in the wrong phase');
    expect(describeRefusal(problem('validation_failed', 'x'), t, (detail) => detail).message).toBe('errors.validation_failed');
    expect(refusalOf({ reason: 'wrong_credentials' })).toBeNull();
  });
});

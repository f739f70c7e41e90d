import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api-client.js';
import { checkReportDraft, emptyReportDraft, parseIndicator, reportFieldErrors, reportRequestOf } from './report-form.js';

const t = ((key: string) => key) as unknown as TFunction;

describe('the report form', () => {
  it('asks for the state of the work, what was done, and why it cannot be done', () => {
    expect(checkReportDraft(emptyReportDraft, t)).toEqual({ workStatus: 'planReport.workStatusMissing', narrative: 'planReport.narrativeMissing' });
    expect(checkReportDraft({ ...emptyReportDraft, workStatus: 'cannot_be_done', narrative: 'No money' }, t)).toEqual({
      cannotReason: 'planReport.cannotReasonMissing',
    });
  });

  it('takes whole counts and money with a decimal comma, empty meaning not recorded', () => {
    expect(parseIndicator('peopleTrained', ' 40 ')).toBe(40);
    expect(parseIndicator('peopleTrained', '')).toBeNull();
    expect(parseIndicator('peopleTrained', '4.5')).toBeUndefined();
    expect(parseIndicator('moneySpentThousandsKzt', '1 250,5')).toBe(1250.5);
    expect(parseIndicator('moneySpentThousandsKzt', '-3')).toBeUndefined();
  });

  it('sends the reason only when the work cannot be done', () => {
    const draft = {
      ...emptyReportDraft,
      workStatus: 'done' as const,
      narrative: ' 40 inspectors trained ',
      cannotReason: 'left over',
      indicators: { ...emptyReportDraft.indicators, peopleTrained: '40' },
    };
    expect(reportRequestOf(draft, { measure: 1, periodLabel: '2012' }, true)).toEqual({
      measure: 1,
      periodLabel: '2012',
      workStatus: 'done',
      narrative: '40 inspectors trained',
      cannotReason: null,
      indicators: { peopleTrained: 40, eventsHeld: null, cases: null, moneySpentThousandsKzt: null },
      submit: true,
    });
  });

  it('puts the server’s field problems on the form’s fields, indicators included', () => {
    const error = new ApiProblem({
      type: 'about:blank',
      title: 'x',
      status: 400,
      code: 'validation_failed',
      detail: 'x',
      instance: '/api/v1/plans/1/reports',
      requestId: 'req-1',
      errors: [
        { field: 'body.indicators.cases', message: 'too big' },
        { field: 'body.cannotReason', message: 'is required' },
        { field: 'body.measure', message: 'no such measure' },
      ],
    });
    expect(reportFieldErrors(error, t)).toEqual({ cases: 'too big', cannotReason: 'fieldErrors.required' });
  });
});

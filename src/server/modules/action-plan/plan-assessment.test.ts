import { describe, expect, it } from 'vitest';
import { measuresForNextPlan, ruleForNextPlan } from './next-plan-draft.js';
import { assessPlan, bodyFulfilment, measureFulfilment, type AssessedObligation, type AssessedReport } from './plan-assessment.js';

const annual = (measure: number, organizationCode: string, year: number): AssessedObligation => ({
  measure,
  organizationCode,
  periodLabel: String(year),
  periodEnd: `${year}-12-31`,
  dueDate: `${year + 1}-01-20`,
});

const received = (obligation: AssessedObligation, workStatus: AssessedReport['workStatus'], money: number | null = null, status: AssessedReport['status'] = 'accepted'): AssessedReport => ({
  ...obligation,
  status,
  workStatus,
  moneySpentThousandsKzt: money,
});

describe('fulfilment of a measure by one body', () => {
  const due = [annual(1, 'MLSP', 2012), annual(1, 'MLSP', 2013)];
  it('is done only when the last report says done and every report came in', () => {
    expect(bodyFulfilment({ due, received: [received(due[0]!, 'in_progress'), received(due[1]!, 'done')] })).toBe('done');
    expect(bodyFulfilment({ due, received: [received(due[1]!, 'done')] })).toBe('partly');
  });
  it('is partly done while work is reported in progress, not done when nothing was or could be done', () => {
    expect(bodyFulfilment({ due, received: [received(due[0]!, 'done'), received(due[1]!, 'in_progress')] })).toBe('partly');
    expect(bodyFulfilment({ due, received: [received(due[0]!, 'in_progress'), received(due[1]!, 'cannot_be_done')] })).toBe('partly');
    expect(bodyFulfilment({ due, received: [received(due[0]!, 'not_started'), received(due[1]!, 'cannot_be_done')] })).toBe('not_done');
    expect(bodyFulfilment({ due, received: [] })).toBe('never_reported');
  });
  it('adds up over bodies', () => {
    expect(measureFulfilment(['done', 'done'])).toBe('done');
    expect(measureFulfilment(['done', 'never_reported'])).toBe('partly');
    expect(measureFulfilment(['not_done', 'never_reported'])).toBe('not_done');
    expect(measureFulfilment(['never_reported'])).toBe('never_reported');
    expect(measureFulfilment([])).toBe('never_reported');
  });
});

describe('the end-of-plan assessment', () => {
  const obligations = [2012, 2013, 2014].flatMap((year) => [annual(1, 'MLSP', year), annual(1, 'MIA', year), annual(2, 'MCI', year)]);
  const assessment = assessPlan({
    plan: { title: 'Plan 2012-2014', coordinator: 'MJ', fromYear: 2012, toYear: 2014 },
    measures: [
      { number: 1, action: 'Train labour inspectors', costs: { kind: 'amounts', perYear: [{ year: 2012, thousandsKzt: 100.1 }, { year: 2013, thousandsKzt: 100.2 }], note: '' }, bodies: [{ organizationCode: 'MLSP', lead: true }, { organizationCode: 'MIA', lead: false }] },
      { number: 2, action: 'Inform the public', costs: { kind: 'not_required' }, bodies: [{ organizationCode: 'MCI', lead: true }] },
    ],
    obligations,
    reports: [
      received(annual(1, 'MLSP', 2012), 'in_progress', 40.1),
      received(annual(1, 'MLSP', 2013), 'in_progress', 50.2),
      received(annual(1, 'MLSP', 2014), 'done', 0.1, 'submitted'),
      received(annual(1, 'MIA', 2012), 'done', 999, 'returned'),
    ],
    organizationName: (code) => `Body ${code}`,
    on: '2014-12-31',
    language: 'en',
  });

  it('judges each measure by its bodies and counts only reports sent in', () => {
    expect(assessment.measures.map((measure) => [measure.number, measure.fulfilment, measure.bodies.map((body) => `${body.organizationCode} ${body.fulfilment} ${body.reportsReceived}/${body.reportsDue}`)])).toEqual([
      [1, 'partly', ['MLSP done 3/2', 'MIA never_reported 0/2']],
      [2, 'never_reported', ['MCI never_reported 0/2']],
    ]);
    expect(assessment.totals).toEqual({ measures: 2, done: 0, partly: 1, not_done: 0, never_reported: 1 });
  });

  it('sets the money spent against the estimate, year by year', () => {
    expect(assessment.measures[0]?.money).toEqual([
      { year: 2012, estimateThousandsKzt: 100.1, spentThousandsKzt: 40.1 },
      { year: 2013, estimateThousandsKzt: 100.2, spentThousandsKzt: 50.2 },
      { year: 2014, estimateThousandsKzt: null, spentThousandsKzt: 0.1 },
    ]);
    expect(assessment.money.find((row) => row.year === 2013)).toEqual({ year: 2013, estimateThousandsKzt: 100.2, spentThousandsKzt: 50.2 });
  });

  it('lists every report due by the day of the assessment that never came in', () => {
    expect(assessment.neverReported.map((gap) => `${gap.measure} ${gap.organizationName} ${gap.periodLabel}`)).toEqual([
      '1 Body MIA 2012',
      '1 Body MIA 2013',
      '2 Body MCI 2012',
      '2 Body MCI 2013',
    ]);
  });
});

describe('the draft of the next plan', () => {
  const base = { completionForm: 'Information to MJ', deadlineText: 'Annually, by January 20th', fundingText: '-', fundingSources: [], bodies: ['MLSP'] };
  it('carries the measures not fulfilled and those that run throughout, renumbered, with their bodies and rules moved to the new years', () => {
    const carried = measuresForNextPlan({
      from: { fromYear: 2012, toYear: 2014 },
      to: { fromYear: 2015, toYear: 2017 },
      measures: [
        { ...base, number: 1, action: 'Done and over', deadlineRule: { kind: 'annual', month: 1, day: 20 }, fulfilment: 'done' },
        { ...base, number: 2, action: 'Half done', deadlineRule: { kind: 'annual', month: 1, day: 20 }, fulfilment: 'partly' },
        { ...base, number: 3, action: 'Always on', deadlineText: 'During 2012-2014', deadlineRule: { kind: 'throughout', from: '2012-01-01', to: '2014-12-31' }, fulfilment: 'done' },
        { ...base, number: 4, action: 'Never reported', deadlineText: '3rd quarter of 2012', deadlineRule: { kind: 'once', from: '2012-07-01', due: '2012-09-30', label: '3rd quarter of 2012' }, fulfilment: 'never_reported' },
      ],
    });
    expect(carried.map((measure) => [measure.number, measure.carriedFrom, measure.action, measure.deadlineText])).toEqual([
      [1, 2, 'Half done', 'Annually, by January 20th'],
      [2, 3, 'Always on', ''],
      [3, 4, 'Never reported', ''],
    ]);
    expect(carried[1]?.deadlineRule).toEqual({ kind: 'throughout', from: '2015-01-01', to: '2017-12-31' });
    expect(carried[2]?.deadlineRule).toMatchObject({ kind: 'once', from: '2015-07-01', due: '2015-09-30' });
    expect(carried[0]?.bodies).toEqual(['MLSP']);
  });

  it('moves 29 February to the 28th in a common year', () => {
    expect(ruleForNextPlan({ kind: 'once', from: '2012-02-01', due: '2012-02-29', label: 'February 2012' }, { fromYear: 2012 }, { fromYear: 2015, toYear: 2017 })).toMatchObject({ due: '2015-02-28' });
  });
});

import { describe, expect, it } from 'vitest';
import { nextPlanDraftOf, nextPlanProblems, nextPlanRequestOf } from './next-plan-form.js';

const plan = { periodFromYear: 2012, periodToYear: 2014 };

describe('the form seeding the next plan', () => {
  it('proposes a plan as long as this one, from the year after it ends', () => {
    expect(nextPlanDraftOf(plan)).toEqual({ title: '', periodFromYear: '2015', periodToYear: '2017' });
  });

  it('names what is missing or wrong', () => {
    expect(nextPlanProblems({ title: '', periodFromYear: '2015', periodToYear: '2017' }, plan)).toEqual({ title: 'titleMissing' });
    expect(nextPlanProblems({ title: 'Plan for 2015-2017', periodFromYear: '2012', periodToYear: '20x7' }, plan)).toEqual({ periodFromYear: 'startsTooEarly', periodToYear: 'yearInvalid' });
    expect(nextPlanProblems({ title: 'Plan for 2015-2017', periodFromYear: '2015', periodToYear: '2014' }, plan)).toEqual({ periodToYear: 'endsBeforeStart' });
    expect(nextPlanProblems({ title: 'Plan for 2015-2017', periodFromYear: '2015', periodToYear: '2017' }, plan)).toEqual({});
  });

  it('sends the years as numbers and the title trimmed', () => {
    expect(nextPlanRequestOf({ title: '  Plan for 2015-2017 ', periodFromYear: '2015', periodToYear: '2017' })).toEqual({ title: 'Plan for 2015-2017', periodFromYear: 2015, periodToYear: 2017 });
  });
});

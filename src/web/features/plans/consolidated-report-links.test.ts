import { describe, expect, it } from 'vitest';
import { reportingDatesOf } from './consolidated-report-links.js';

describe('reporting dates of a plan', () => {
  it('are every 20 July and 20 January from the first year to the January after the last', () => {
    expect(reportingDatesOf({ periodFromYear: 2009, periodToYear: 2011 })).toEqual([
      '2009-07-20',
      '2010-01-20',
      '2010-07-20',
      '2011-01-20',
      '2011-07-20',
      '2012-01-20',
    ]);
  });
});

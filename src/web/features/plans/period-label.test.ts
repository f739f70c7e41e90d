import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatPeriod } from './period-label.js';

// Stands in for i18next: shows the key and its values, so the test sees which translation was chosen.
const t = ((key: string, values?: Record<string, unknown>) => (values === undefined ? key : `${key} ${JSON.stringify(values)}`)) as unknown as TFunction;

describe('reporting periods', () => {
  it('are named as a year, a quarter, a half or a span of years', () => {
    expect(formatPeriod({ periodLabel: '2012', periodStart: '2012-01-01', periodEnd: '2012-12-31' }, t, 'en')).toBe('planPeriods.year {"year":"2012"}');
    expect(formatPeriod({ periodLabel: '2009-Q3', periodStart: '2009-07-01', periodEnd: '2009-09-30' }, t, 'en')).toBe(
      'planPeriods.quarter {"year":"2009","quarter":"3"}',
    );
    expect(formatPeriod({ periodLabel: '2010-H2', periodStart: '2010-07-01', periodEnd: '2010-12-31' }, t, 'en')).toBe('planPeriods.secondHalf {"year":"2010"}');
    expect(formatPeriod({ periodLabel: '2009-2011', periodStart: '2009-01-01', periodEnd: '2011-12-31' }, t, 'en')).toBe(
      'planPeriods.years {"from":"2009","to":"2011"}',
    );
  });

  it('name a month in the interface language, and any other span by its dates', () => {
    expect(formatPeriod({ periodLabel: '2009-05', periodStart: '2009-05-01', periodEnd: '2009-05-31' }, t, 'en')).toBe('May 2009');
    expect(formatPeriod({ periodLabel: '2009-05-01..2009-06-15', periodStart: '2009-05-01', periodEnd: '2009-06-15' }, t, 'en')).toMatch(
      // Intl puts thin spaces around the dash.
      /^May 1\s–\sJune 15, 2009$/u,
    );
  });
});

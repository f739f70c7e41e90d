import { describe, expect, it } from 'vitest';
import { defaultProceedingFilters, proceedingFiltersFromParams, proceedingFiltersToParams, proceedingQueryOf } from './proceeding-filters.js';

describe('the proceedings list in the address bar', () => {
  it('asks for proceedings without movement for 60 days unless the investigator says otherwise', () => {
    const stalled = { ...defaultProceedingFilters, tab: 'stalled' as const };
    expect(proceedingQueryOf(stalled, 0)).toEqual({ worklist: 'stalled', days: 60, limit: 50, offset: 0 });
    expect(proceedingQueryOf({ ...stalled, days: '90' }, 50)).toEqual({ worklist: 'stalled', days: 90, limit: 50, offset: 50 });
  });

  it('keeps the number of days in the address, so a link sent on shows the same list', () => {
    expect(proceedingFiltersToParams({ ...defaultProceedingFilters, tab: 'stalled' })).toEqual({ list: 'stalled', days: '60' });
    const params = new URLSearchParams(proceedingFiltersToParams({ ...defaultProceedingFilters, tab: 'stalled', days: '120' }, 100));
    expect(proceedingFiltersFromParams(params)).toEqual({ ...defaultProceedingFilters, tab: 'stalled', days: '120' });
    expect(params.get('offset')).toBe('100');
  });

  it('drops what it cannot use instead of sending it to the server', () => {
    const filters = proceedingFiltersFromParams(new URLSearchParams('list=archive&days=0&stage=closed&article=x&number=12a'));
    expect(filters).toEqual(defaultProceedingFilters);
    expect(proceedingQueryOf(filters, 0)).toEqual({ limit: 50, offset: 0 });
  });

  it('sends the days only with the stalled list, and the other filters with any list', () => {
    const filters = { tab: 'suspended' as const, days: '30', stage: 'suspended_perpetrator_unknown' as const, articleId: '12', registerNumber: '2517 5003' };
    expect(proceedingQueryOf(filters, 0)).toEqual({ worklist: 'suspended', stage: 'suspended_perpetrator_unknown', articleId: 12, registerNumber: '25175003', limit: 50, offset: 0 });
    expect(proceedingFiltersToParams(filters)).toEqual({ list: 'suspended', stage: 'suspended_perpetrator_unknown', article: '12', number: '25175003' });
  });
});

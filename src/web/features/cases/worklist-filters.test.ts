import { describe, expect, it } from 'vitest';
import { caseQueryOf, casesPageSize, defaultFilters, filtersFromParams, filtersToParams, parseDays } from './worklist-filters.js';

describe('the worklist filters', () => {
  it('open on my cases, and ignore what the address should not carry', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(defaultFilters);
    expect(filtersFromParams(new URLSearchParams('list=everything&days=-3&status=lost&code=AB'))).toEqual(defaultFilters);
  });

  it('survive the round trip through the address, keeping it short', () => {
    const filters = { tab: 'decisions_overdue' as const, days: '5', status: 'active' as const, code: '' };
    const params = filtersToParams(filters, 50);
    expect(params).toEqual({ list: 'decisions_overdue', days: '5', status: 'active', offset: '50' });
    expect(filtersFromParams(new URLSearchParams(params))).toEqual(filters);
    expect(filtersToParams(defaultFilters)).toEqual({});
  });

  it('keep the number of days only where it means something', () => {
    expect(filtersToParams({ ...defaultFilters, tab: 'children_without_guardian', days: '5' })).toEqual({ list: 'children_without_guardian' });
    expect(caseQueryOf({ ...defaultFilters, tab: 'mine', days: '5' }, 0)).toEqual({ list: 'mine', limit: casesPageSize, offset: 0 });
    expect(caseQueryOf({ ...defaultFilters, tab: 'reflection_ending', days: '7' }, 0)).toEqual({ list: 'reflection_ending', days: 7, limit: casesPageSize, offset: 0 });
    expect(parseDays('366')).toBeNull();
    expect(parseDays(' 0 ')).toBe(0);
  });

  it('look a code up among every case in reach, whatever the tab', () => {
    expect(caseQueryOf({ ...defaultFilters, tab: 'incoming', code: ' KZ-AST ' }, 0)).toEqual({ list: 'in_reach', code: 'KZ-AST', limit: casesPageSize, offset: 0 });
  });

  it('ask no case list for the incoming referrals tab', () => {
    expect(caseQueryOf({ ...defaultFilters, tab: 'incoming' }, 0)).toBeNull();
  });
});

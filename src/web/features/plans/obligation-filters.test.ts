import { describe, expect, it } from 'vitest';
import { noObligationFilters, obligationFiltersFromParams, obligationFiltersToParams, obligationsPath } from './obligation-filters.js';

describe('obligation filters', () => {
  it('send only the filters in use', () => {
    expect(obligationsPath('p-1', noObligationFilters)).toBe('/api/v1/plans/p-1/obligations');
    expect(obligationsPath('p-1', { organization: 'MIA', status: 'missing', late: 'true' })).toBe(
      '/api/v1/plans/p-1/obligations?organization=MIA&status=missing&late=true',
    );
  });

  it('survive a round trip through the address bar, dropping values the API would refuse', () => {
    const filters = { organization: 'NGO-UCC', status: 'submitted', late: 'false' } as const;
    expect(obligationFiltersFromParams(new URLSearchParams(obligationFiltersToParams(filters)))).toEqual(filters);
    expect(obligationFiltersFromParams(new URLSearchParams('organization=a b&status=lost&late=maybe'))).toEqual(noObligationFilters);
  });
});

import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, organizationsListPath } from './organization-filters.js';

describe('organization filters in the address', () => {
  it('read a known kind and a region code, and ignore anything else', () => {
    expect(filtersFromParams(new URLSearchParams('kind=shelter&region=KZ-PAV'))).toEqual({ kind: 'shelter', region: 'KZ-PAV' });
    expect(filtersFromParams(new URLSearchParams('kind=prison&region=<script>'))).toEqual({ kind: '', region: '' });
  });

  it('write only the filters in use, and the offset past the first page', () => {
    expect(filtersToParams({ kind: '', region: '' })).toEqual({});
    expect(filtersToParams({ kind: 'crisis_centre', region: '' }, 50)).toEqual({ kind: 'crisis_centre', offset: '50' });
  });

  it('ask the reference list for one page of what the filters choose', () => {
    expect(organizationsListPath({ kind: 'shelter', region: 'KZ-ALA' }, 0)).toBe(
      '/api/v1/reference/organizations?limit=50&offset=0&kind=shelter&region=KZ-ALA',
    );
    expect(organizationsListPath({ kind: '', region: '' }, 100)).toBe('/api/v1/reference/organizations?limit=50&offset=100');
  });
});

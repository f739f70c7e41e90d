import { describe, expect, it } from 'vitest';
import { auditEventsPath, datesInOrder, filtersFromParams, filtersToParams, nextDay, noFilters } from './audit-filters.js';

describe('audit filters', () => {
  it('turn picked days into whole days in Astana, where the table tells the times, the end day included', () => {
    const path = auditEventsPath({ ...noFilters, from: '2026-03-01', to: '2026-03-31' }, 50);
    const query = new URL(path, 'http://senim.test').searchParams;
    expect(query.get('from')).toBe('2026-03-01T00:00:00+05:00');
    expect(query.get('to')).toBe('2026-04-01T00:00:00+05:00');
    expect(query.get('offset')).toBe('50');
    expect(query.get('limit')).toBe('50');
  });

  it('send only the filters in use', () => {
    const path = auditEventsPath({ ...noFilters, actor: ' worker@ngo.kz ', action: 'auth.signed_in', outcome: 'denied' }, 0);
    expect(path).toBe('/api/v1/audit/events?limit=50&offset=0&actor=worker%40ngo.kz&action=auth.signed_in&outcome=denied');
  });

  it('survive a round trip through the address bar, dropping values the API would refuse', () => {
    const filters = { ...noFilters, recordType: 'user', recordId: 'abc', from: '2026-02-28' };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(filters, 100)))).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('outcome=maybe&from=yesterday&to=2026-13-45'))).toEqual(noFilters);
  });

  it('know the day after the end of a month and of a leap February', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('refuse an end before the start', () => {
    expect(datesInOrder({ ...noFilters, from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(datesInOrder({ ...noFilters, from: '2026-03-02' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { todayInKazakhstan } from './kazakhstan-calendar.js';

describe("Kazakhstan's calendar", () => {
  it('is already tomorrow from 19:00 UTC, when Europe is still in the evening', () => {
    expect(todayInKazakhstan(new Date('2026-11-23T18:59:00Z'))).toBe('2026-11-23');
    expect(todayInKazakhstan(new Date('2026-11-23T19:00:00Z'))).toBe('2026-11-24');
    expect(todayInKazakhstan(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02');
  });
});

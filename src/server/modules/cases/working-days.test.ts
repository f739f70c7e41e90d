import { describe, expect, it } from 'vitest';
import { addWorkingDays, daysOff, isWorkingDay, subtractWorkingDays, workingDaysBetween } from './working-days.js';

describe('working days in Kazakhstan', () => {
  it('skips weekends: five working days from a Monday referral fall on the next Monday', () => {
    expect(addWorkingDays('2026-11-02', 5)).toBe('2026-11-09');
    expect(addWorkingDays('2026-11-06', 1)).toBe('2026-11-09');
  });

  it('skips public holidays and a day in lieu of one that falls on a weekend', () => {
    // 16 December 2026 is a Wednesday (Independence Day).
    expect(isWorkingDay('2026-12-16')).toBe(false);
    expect(addWorkingDays('2026-12-14', 3)).toBe('2026-12-18');
    // 8 March 2026 is a Sunday: Monday 9 March is off instead.
    expect(daysOff(2026).has('2026-03-09')).toBe(true);
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    // Nauryz, 21 to 23 March 2026: Saturday to Monday, so Tuesday and Wednesday are off too.
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
  });

  it('counts and subtracts consistently with adding', () => {
    expect(workingDaysBetween('2026-11-02', '2026-11-09')).toBe(5);
    expect(workingDaysBetween('2026-11-09', '2026-11-02')).toBe(-5);
    expect(subtractWorkingDays('2026-11-09', 5)).toBe('2026-11-02');
    expect(subtractWorkingDays(addWorkingDays('2026-12-28', 7), 7)).toBe('2026-12-28');
  });
});

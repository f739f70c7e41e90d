// Working days in Kazakhstan, for decision targets ("5 working days from
// referral"). Public holidays with fixed dates under the Law on Holidays; when
// one falls on a weekend the next working day is a day off. Kurban Ait moves
// with the lunar calendar and is not counted: a target computed across it is
// one day early, which errs on the side of the person.

const fixedHolidays = ['01-01', '01-02', '01-07', '03-08', '03-21', '03-22', '03-23', '05-01', '05-07', '05-09', '07-06', '08-30', '10-25', '12-16'];

function toUtcDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = toUtcDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDateOf(date);
}

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** The days off of a year: fixed holidays, and a working day in lieu of each that falls on a weekend. */
export function daysOff(year: number): Set<string> {
  const off = new Set<string>();
  for (const monthDay of fixedHolidays) {
    off.add(`${year}-${monthDay}`);
  }
  for (const monthDay of fixedHolidays) {
    const holiday = toUtcDate(`${year}-${monthDay}`);
    if (isWeekend(holiday)) {
      const inLieu = new Date(holiday);
      do {
        inLieu.setUTCDate(inLieu.getUTCDate() + 1);
      } while (isWeekend(inLieu) || off.has(isoDateOf(inLieu)));
      off.add(isoDateOf(inLieu));
    }
  }
  return off;
}

const daysOffByYear = new Map<number, Set<string>>();

export function isWorkingDay(isoDate: string): boolean {
  const date = toUtcDate(isoDate);
  const year = date.getUTCFullYear();
  let off = daysOffByYear.get(year);
  if (!off) {
    off = daysOff(year);
    daysOffByYear.set(year, off);
  }
  return !isWeekend(date) && !off.has(isoDate);
}

/** The date `count` working days after `isoDate` (the start day itself is not counted). */
export function addWorkingDays(isoDate: string, count: number): string {
  let current = isoDate;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) {
      remaining -= 1;
    }
  }
  return current;
}

/** The date `count` working days before `isoDate`. */
export function subtractWorkingDays(isoDate: string, count: number): string {
  let current = isoDate;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, -1);
    if (isWorkingDay(current)) {
      remaining -= 1;
    }
  }
  return current;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) {
    return -workingDaysBetween(to, from);
  }
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current)) {
      count += 1;
    }
  }
  return count;
}

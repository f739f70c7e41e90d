// Calendar arithmetic for reporting dates. Dates are ISO 'YYYY-MM-DD' strings,
// which compare correctly as text; Date.UTC keeps the host's time zone out of
// the result, so a due date never shifts by a day on a server in Almaty.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day `day` of a month, or the month's last day when it is shorter (20 February, 31 April). */
export function isoDateClamped({ year, month, day }: CalendarDay): string {
  return isoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDate({ year, month, day: daysInMonth(year, month) });
}

export function parseIsoDate(text: string): CalendarDay | null {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

/** The month after (year, month), rolling December over into January. */
export function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

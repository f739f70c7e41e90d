import type { DeadlineRule, PlanPeriod } from './deadline-rule.js';
import { isoDate, isoDateClamped, lastDayOfMonth, nextMonth, parseIsoDate } from './iso-date.js';

/**
 * Decree No. 462 of 2 April 2009, paragraph 3: every body named in the plan
 * reports on its fulfilment to the Ministry of Justice by July 20 and
 * January 20. A measure that runs "During 2009 - 2011" has no dates of its
 * own, so it reports on these.
 */
export const PLAN_REPORTING_DATES: ReadonlyArray<{ month: number; day: number }> = [
  { month: 1, day: 20 },
  { month: 7, day: 20 },
];

export interface ReportDue {
  /** '2009-Q1', '2009-H2', '2010', '2009-05'; or 'from..to' for a span that is none of these. */
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

/** The first of `dates` (month and day, any year) on or after `onOrAfter`. */
export function firstDateOnOrAfter({
  onOrAfter,
  dates,
}: {
  onOrAfter: string;
  dates: ReadonlyArray<{ month: number; day: number }>;
}): string {
  const start = parseIsoDate(onOrAfter);
  if (!start) {
    throw new Error(`not an ISO date: ${onOrAfter}`);
  }
  const [first] = [start.year, start.year + 1]
    .flatMap((year) => dates.map((date) => isoDateClamped({ year, ...date })))
    .filter((candidate) => candidate >= onOrAfter)
    .sort();
  if (first === undefined) {
    throw new Error('no reporting dates were given');
  }
  return first;
}

export type NamedPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: number }
  | { kind: 'year'; year: number }
  | { kind: 'years'; fromYear: number; toYear: number }
  | { kind: 'span'; from: string; to: string };

/** Names a span of days the way a plan would: a month, a quarter, a half-year, a year or a run of years. */
export function namePeriod({ from, to }: { from: string; to: string }): NamedPeriod {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  const wholeMonths = start !== null && end !== null && start.day === 1 && to === lastDayOfMonth(end.year, end.month);
  if (!wholeMonths || start.year > end.year) {
    return { kind: 'span', from, to };
  }
  if (start.year !== end.year) {
    return start.month === 1 && end.month === 12
      ? { kind: 'years', fromYear: start.year, toYear: end.year }
      : { kind: 'span', from, to };
  }
  const months = end.month - start.month + 1;
  const year = start.year;
  if (months === 1) {
    return { kind: 'month', year, month: start.month };
  }
  if (months === 3 && start.month % 3 === 1) {
    return { kind: 'quarter', year, quarter: (start.month + 2) / 3 };
  }
  if (months === 6 && start.month % 6 === 1) {
    return { kind: 'half', year, half: (start.month + 5) / 6 };
  }
  if (months === 12) {
    return { kind: 'year', year };
  }
  return { kind: 'span', from, to };
}

function periodLabel({ from, to }: { from: string; to: string }): string {
  const period = namePeriod({ from, to });
  switch (period.kind) {
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'half':
      return `${period.year}-H${period.half}`;
    case 'year':
      return String(period.year);
    case 'years':
      return `${period.fromYear}-${period.toYear}`;
    case 'span':
      return `${from}..${to}`;
  }
}

function planYears(planPeriod: PlanPeriod): number[] {
  const years: number[] = [];
  for (let year = planPeriod.fromYear; year <= planPeriod.toYear; year += 1) {
    years.push(year);
  }
  return years;
}

function halfYears(years: number[]): Array<{ start: string; end: string }> {
  return years.flatMap((year) => [
    { start: isoDate({ year, month: 1, day: 1 }), end: lastDayOfMonth(year, 6) },
    { start: isoDate({ year, month: 7, day: 1 }), end: lastDayOfMonth(year, 12) },
  ]);
}

function report({ start, end, due }: { start: string; end: string; due: string }): ReportDue {
  return { periodLabel: periodLabel({ from: start, to: end }), periodStart: start, periodEnd: end, dueDate: due };
}

/**
 * Every report a rule asks for, with the period it covers, in date order. A
 * report on the plan's last period falls due after the plan ends (2011-Q4 on
 * 2012-01-20) and still belongs to it. Recurring rules run over the plan's
 * years; 'once' and 'throughout' carry their own dates.
 */
export function reportingCalendar(rule: DeadlineRule, planPeriod: PlanPeriod): ReportDue[] {
  switch (rule.kind) {
    case 'once':
      return [report({ start: rule.from, end: rule.due, due: rule.due })];
    case 'annual': {
      const dates = [{ month: rule.month, day: rule.day }];
      return planYears(planPeriod).map((year) => {
        const end = lastDayOfMonth(year, 12);
        return report({ start: isoDate({ year, month: 1, day: 1 }), end, due: firstDateOnOrAfter({ onOrAfter: end, dates }) });
      });
    }
    case 'quarterly':
      return planYears(planPeriod).flatMap((year) =>
        [1, 2, 3, 4].map((quarter) =>
          report({
            start: isoDate({ year, month: quarter * 3 - 2, day: 1 }),
            end: lastDayOfMonth(year, quarter * 3),
            due: isoDateClamped({ ...nextMonth(year, quarter * 3), day: rule.dayOfFollowingMonth }),
          }),
        ),
      );
    case 'semiannual':
      return halfYears(planYears(planPeriod)).map(({ start, end }) =>
        report({ start, end, due: firstDateOnOrAfter({ onOrAfter: end, dates: rule.dates }) }),
      );
    case 'throughout': {
      const from = parseIsoDate(rule.from);
      const to = parseIsoDate(rule.to);
      if (!from || !to) {
        return [];
      }
      return halfYears(planYears({ fromYear: from.year, toYear: to.year }))
        .filter(({ start, end }) => end >= rule.from && start <= rule.to)
        .map(({ start, end }) => {
          const clippedEnd = end > rule.to ? rule.to : end;
          return report({
            start: start < rule.from ? rule.from : start,
            end: clippedEnd,
            due: firstDateOnOrAfter({ onOrAfter: clippedEnd, dates: PLAN_REPORTING_DATES }),
          });
        });
    }
  }
}

import { z } from 'zod';
import { normalizeCellText } from './cell-text.js';
import { daysInMonth, isoDate, lastDayOfMonth, parseIsoDate } from './iso-date.js';

// The description and the calendar live in their own files to keep each one
// short; callers take the whole rule API from here.
export { describeDeadlineRule } from './deadline-rule-description.js';
export { PLAN_REPORTING_DATES, reportingCalendar, type ReportDue } from './reporting-calendar.js';

export interface PlanPeriod {
  fromYear: number;
  toYear: number;
}

const isoDateSchema = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, 'must be a calendar date written YYYY-MM-DD');

// Checked against a leap year so that 29 February is accepted as a yearly date;
// reportingCalendar moves it to the 28th in other years.
const monthDaySchema = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .refine(({ month, day }) => day <= daysInMonth(2000, month), 'that month has no such day');

/**
 * How a measure's "Date of Performance" turns into due reports. Plain JSON, so
 * a coordinator can read it, correct it and have it validated again.
 *
 * - once: the measure names one period ("3rd quarter of 2009", "May of 2009").
 *   The work is due by the period's last day: "in the 3rd quarter" leaves the
 *   whole quarter to do it, so 2009-09-30, not 2009-07-01. `label` keeps the
 *   words the rule was read from.
 * - annual: one report per calendar year of the plan, due on month/day after
 *   the year closes ("Annually, by January 20th" reports on 2011 in 2012).
 * - quarterly: one report per quarter, due on that day of the next month.
 * - semiannual: one report per half-year, due on the first of `dates` after it.
 * - throughout: the measure runs over the whole span and reports on the
 *   plan's regular dates (PLAN_REPORTING_DATES, from the Decree), one report
 *   per half-year.
 */
export const deadlineRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), from: isoDateSchema, due: isoDateSchema, label: z.string().min(1) }),
    z.object({ kind: z.literal('annual'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
    z.object({ kind: z.literal('quarterly'), dayOfFollowingMonth: z.number().int().min(1).max(31) }),
    z.object({ kind: z.literal('semiannual'), dates: z.array(monthDaySchema).length(2) }),
    z.object({ kind: z.literal('throughout'), from: isoDateSchema, to: isoDateSchema }),
  ])
  .superRefine((rule, context) => {
    if (rule.kind === 'once' && rule.from > rule.due) {
      context.addIssue({ code: 'custom', path: ['due'], message: 'the due date comes before the period starts' });
    }
    if (rule.kind === 'throughout' && rule.from > rule.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'the period ends before it starts' });
    }
    if (rule.kind === 'annual' && rule.day > daysInMonth(2000, rule.month)) {
      context.addIssue({ code: 'custom', path: ['day'], message: 'that month has no such day' });
    }
  });

export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export type DeadlineParse = { rule: DeadlineRule } | { problem: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')})`;
const ORDINAL = '(?:st|nd|rd|th)?';
const BY = '(?:by|before|not later than)';
const DAY_MONTH = `(?:(?:the\\s+)?\\d{1,2}${ORDINAL}\\s+(?:of\\s+)?${MONTH}|${MONTH}\\s+\\d{1,2}${ORDINAL})`;
const QUARTER_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, i: 1, ii: 2, iii: 3, iv: 4 };

const ANNUAL = new RegExp(`^(?:annually|every year|each year),?\\s+${BY}\\s+(${DAY_MONTH})$`);
const QUARTERLY = new RegExp(
  `^quarterly,?\\s+${BY}\\s+the\\s+(\\d{1,2})${ORDINAL}(?:\\s+day)?\\s+of\\s+the\\s+month\\s+following\\s+the\\s+(?:reporting\\s+)?quarter$`,
);
const HALF_YEARLY = '(?:following the results of (?:6|six) months|semi-?annually|every (?:6|six) months|half-?yearly|twice a year)';
const SEMIANNUAL = new RegExp(`^${HALF_YEARLY},?\\s+${BY}\\s+(${DAY_MONTH})\\s+and\\s+(${DAY_MONTH})$`);
const ONCE_QUARTER = /^(?:in\s+(?:the\s+)?)?(\d|first|second|third|fourth|iv|i{1,3})(?:st|nd|rd|th)?\s+quarter\s+(?:of\s+)?(\d{4})$/;
const ONCE_HALF = /^(?:in\s+(?:the\s+)?)?(1|2|first|second)(?:st|nd)?\s+half(?:-year)?\s+(?:of\s+)?(\d{4})$/;
const ONCE_MONTH = new RegExp(`^(?:in\\s+|by\\s+(?:the\\s+end\\s+of\\s+)?)?${MONTH}\\s+(?:of\\s+)?(\\d{4})$`);
const ONCE_YEAR = /^(?:in\s+|by\s+the\s+end\s+of\s+)?(\d{4})$/;
const THROUGHOUT_SPAN = /^(?:(?:during|throughout|in the course of)\s+)?(\d{4})\s*(?:-|–|—|to)\s*(\d{4})(?:\s+years?)?$/;
const THROUGHOUT_YEAR = /^(?:during|throughout|in the course of)\s+(\d{4})$/;
// Plans say "constantly" for work with no dates of its own; it runs as long as the plan does.
const THROUGHOUT_PLAN = /^(?:constantly|permanently|continuously|on a (?:permanent|regular|continuous|ongoing) basis)$/;

function monthDayFrom(text: string): { month: number; day: number } | null {
  const day = /\d{1,2}/.exec(text);
  const month = new RegExp(MONTH).exec(text);
  if (!day || !month?.[1]) {
    return null;
  }
  const result = { month: MONTHS.indexOf(month[1]) + 1, day: Number(day[0]) };
  return result.day >= 1 && result.day <= daysInMonth(2000, result.month) ? result : null;
}

function quarterNumber(word: string): number | null {
  const quarter = /^\d$/.test(word) ? Number(word) : (QUARTER_WORDS[word] ?? null);
  return quarter !== null && quarter >= 1 && quarter <= 4 ? quarter : null;
}

function outsidePlan({ years, planPeriod }: { years: number[]; planPeriod: PlanPeriod }): string | null {
  const stray = years.find((year) => year < planPeriod.fromYear || year > planPeriod.toYear);
  return stray === undefined
    ? null
    : `names ${stray}, outside the plan period ${planPeriod.fromYear}-${planPeriod.toYear}; check the year`;
}

interface OncePeriod {
  label: string;
  from: string;
  due: string;
  year: number;
  planPeriod: PlanPeriod;
}

function once({ label, from, due, year, planPeriod }: OncePeriod): DeadlineParse {
  const stray = outsidePlan({ years: [year], planPeriod });
  return stray === null ? { rule: { kind: 'once', from, due, label } } : { problem: `"${label}" ${stray}` };
}

interface ThroughoutYears {
  label: string;
  fromYear: number;
  toYear: number;
  planPeriod: PlanPeriod;
}

function throughout({ label, fromYear, toYear, planPeriod }: ThroughoutYears): DeadlineParse {
  if (fromYear > toYear) {
    return { problem: `"${label}" ends before it starts` };
  }
  const stray = outsidePlan({ years: [fromYear, toYear], planPeriod });
  if (stray !== null) {
    return { problem: `"${label}" ${stray}` };
  }
  return {
    rule: { kind: 'throughout', from: isoDate({ year: fromYear, month: 1, day: 1 }), to: lastDayOfMonth(toYear, 12) },
  };
}

/**
 * Reads a "Date of Performance" cell. Anything it does not recognise comes
 * back as a problem for a person to settle; it never guesses a date.
 */
export function parseDeadlinePhrase(text: string, planPeriod: PlanPeriod): DeadlineParse {
  const label = normalizeCellText(text);
  const phrase = label.toLowerCase().replace(/\.$/, '');
  if (phrase === '' || phrase === '-') {
    return { problem: 'no date of performance is given' };
  }

  const annual = ANNUAL.exec(phrase);
  const annualDate = annual?.[1] ? monthDayFrom(annual[1]) : null;
  if (annualDate) {
    return { rule: { kind: 'annual', ...annualDate } };
  }

  const quarterly = QUARTERLY.exec(phrase);
  if (quarterly) {
    const day = Number(quarterly[1]);
    return day >= 1 && day <= 31
      ? { rule: { kind: 'quarterly', dayOfFollowingMonth: day } }
      : { problem: `"${label}" names day ${day}, which no month has` };
  }

  const semiannual = SEMIANNUAL.exec(phrase);
  const first = semiannual?.[1] ? monthDayFrom(semiannual[1]) : null;
  const second = semiannual?.[4] ? monthDayFrom(semiannual[4]) : null;
  if (first && second) {
    return { rule: { kind: 'semiannual', dates: [first, second] } };
  }

  const quarterMatch = ONCE_QUARTER.exec(phrase);
  const quarter = quarterMatch?.[1] ? quarterNumber(quarterMatch[1]) : null;
  if (quarterMatch && quarter !== null) {
    const year = Number(quarterMatch[2]);
    const from = isoDate({ year, month: quarter * 3 - 2, day: 1 });
    return once({ label, from, due: lastDayOfMonth(year, quarter * 3), year, planPeriod });
  }

  const half = ONCE_HALF.exec(phrase);
  if (half) {
    const which = half[1] === '1' || half[1] === 'first' ? 1 : 2;
    const year = Number(half[2]);
    const from = isoDate({ year, month: which === 1 ? 1 : 7, day: 1 });
    return once({ label, from, due: lastDayOfMonth(year, which * 6), year, planPeriod });
  }

  const month = ONCE_MONTH.exec(phrase);
  if (month?.[1]) {
    const monthNumber = MONTHS.indexOf(month[1]) + 1;
    const year = Number(month[2]);
    const from = isoDate({ year, month: monthNumber, day: 1 });
    return once({ label, from, due: lastDayOfMonth(year, monthNumber), year, planPeriod });
  }

  const wholeYear = ONCE_YEAR.exec(phrase);
  if (wholeYear) {
    const year = Number(wholeYear[1]);
    return once({ label, from: isoDate({ year, month: 1, day: 1 }), due: lastDayOfMonth(year, 12), year, planPeriod });
  }

  const span = THROUGHOUT_SPAN.exec(phrase);
  if (span) {
    return throughout({ label, fromYear: Number(span[1]), toYear: Number(span[2]), planPeriod });
  }
  const spanYear = THROUGHOUT_YEAR.exec(phrase);
  if (spanYear) {
    return throughout({ label, fromYear: Number(spanYear[1]), toYear: Number(spanYear[1]), planPeriod });
  }
  if (THROUGHOUT_PLAN.test(phrase)) {
    return throughout({ label, fromYear: planPeriod.fromYear, toYear: planPeriod.toYear, planPeriod });
  }

  return {
    problem: `"${label}" is not a deadline form we can read; choose a rule by hand: once, annual, quarterly, semi-annual or throughout a period`,
  };
}

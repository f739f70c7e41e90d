import type { DeadlineRule } from './deadline-rule.js';
import { parseIsoDate } from './iso-date.js';
import { namePeriod, PLAN_REPORTING_DATES } from './reporting-calendar.js';

export type DescriptionLanguage = 'ru' | 'en';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// Russian names a day of a month in the genitive ("20 января") and a month of
// a year in the nominative ("май 2009 г."), so it needs both lists.
const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const ROMAN = ['I', 'II', 'III', 'IV'];

function englishOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) {
    return `${n}th`;
  }
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function dayMonth(date: { month: number; day: number }, language: DescriptionLanguage): string {
  const months = language === 'ru' ? RU_MONTHS_GENITIVE : EN_MONTHS;
  return `${date.day} ${months[date.month - 1] ?? '?'}`;
}

function fullDate(iso: string, language: DescriptionLanguage): string {
  const date = parseIsoDate(iso);
  if (!date) {
    return iso;
  }
  return language === 'ru' ? `${dayMonth(date, 'ru')} ${date.year} г.` : `${dayMonth(date, 'en')} ${date.year}`;
}

function periodText({ from, to, language }: { from: string; to: string; language: DescriptionLanguage }): string {
  const period = namePeriod({ from, to });
  const ru = language === 'ru';
  switch (period.kind) {
    case 'month':
      return ru
        ? `${RU_MONTHS[period.month - 1] ?? '?'} ${period.year} г.`
        : `${EN_MONTHS[period.month - 1] ?? '?'} ${period.year}`;
    case 'quarter':
      return ru
        ? `${ROMAN[period.quarter - 1] ?? '?'} квартал ${period.year} г.`
        : `${englishOrdinal(period.quarter)} quarter of ${period.year}`;
    case 'half':
      return ru
        ? `${ROMAN[period.half - 1] ?? '?'} полугодие ${period.year} г.`
        : `${englishOrdinal(period.half)} half of ${period.year}`;
    case 'year':
      return ru ? `${period.year} г.` : String(period.year);
    case 'years':
      return ru ? `${period.fromYear}–${period.toYear} гг.` : `${period.fromYear}–${period.toYear}`;
    case 'span':
      return ru
        ? `с ${fullDate(period.from, 'ru')} по ${fullDate(period.to, 'ru')}`
        : `from ${fullDate(period.from, 'en')} to ${fullDate(period.to, 'en')}`;
  }
}

function listOfDates(dates: ReadonlyArray<{ month: number; day: number }>, language: DescriptionLanguage): string {
  const parts = dates.map((date) => dayMonth(date, language));
  return parts.join(language === 'ru' ? ' и ' : ' and ');
}

/** The rule in words, so a coordinator can check an imported rule against the plan's own text. */
export function describeDeadlineRule(rule: DeadlineRule, language: DescriptionLanguage): string {
  const ru = language === 'ru';
  switch (rule.kind) {
    case 'once': {
      const period = periodText({ from: rule.from, to: rule.due, language });
      return ru ? `Однократно, до ${fullDate(rule.due, 'ru')} (${period})` : `Once, by ${fullDate(rule.due, 'en')} (${period})`;
    }
    case 'annual':
      return ru
        ? `Ежегодно, до ${dayMonth(rule, 'ru')}, за истекший календарный год`
        : `Annually, by ${dayMonth(rule, 'en')}, on the calendar year just ended`;
    case 'quarterly':
      return ru
        ? `Ежеквартально, до ${rule.dayOfFollowingMonth} числа месяца, следующего за отчётным кварталом`
        : `Quarterly, by the ${englishOrdinal(rule.dayOfFollowingMonth)} of the month following the reporting quarter`;
    case 'semiannual':
      return ru
        ? `Раз в полугодие, до ${listOfDates(rule.dates, 'ru')}, за истекшее полугодие`
        : `Every six months, by ${listOfDates(rule.dates, 'en')}, on the half-year just ended`;
    case 'throughout': {
      const span = periodText({ from: rule.from, to: rule.to, language });
      const kind = namePeriod({ from: rule.from, to: rule.to }).kind;
      const dates = listOfDates(PLAN_REPORTING_DATES, language);
      // "В течение" takes the genitive, which only the year forms ("2009 г.") survive unchanged.
      const ruLead = kind === 'year' || kind === 'years' ? 'В течение' : kind === 'span' ? 'В период' : 'Период:';
      return ru
        ? `${ruLead} ${span}; отчёт раз в полугодие, до ${dates}`
        : `${kind === 'span' ? 'Throughout the period' : 'Throughout'} ${span}; reported every six months, by ${dates}`;
    }
  }
}

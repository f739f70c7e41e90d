import type { TFunction } from 'i18next';
import { formatDateRange } from '../../components/formatting.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

export interface ReportingPeriod {
  /** As the reporting calendar names it: '2012', '2009-Q1', '2010-H2', '2009-05', '2009-2011'. */
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
}

/** A reporting period in words of the interface language; an unusual span as its dates. */
export function formatPeriod({ periodLabel, periodStart, periodEnd }: ReportingPeriod, t: TFunction, language: UiLanguage): string {
  if (/^\d{4}$/u.test(periodLabel)) {
    return t('planPeriods.year', { year: periodLabel });
  }
  const quarter = /^(\d{4})-Q([1-4])$/u.exec(periodLabel);
  if (quarter !== null) {
    return t('planPeriods.quarter', { year: quarter[1], quarter: quarter[2] });
  }
  const half = /^(\d{4})-H([12])$/u.exec(periodLabel);
  if (half !== null) {
    return t(half[2] === '1' ? 'planPeriods.firstHalf' : 'planPeriods.secondHalf', { year: half[1] });
  }
  if (/^\d{4}-\d{2}$/u.test(periodLabel)) {
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${periodStart}T00:00:00Z`));
  }
  const years = /^(\d{4})-(\d{4})$/u.exec(periodLabel);
  if (years !== null) {
    return t('planPeriods.years', { from: years[1], to: years[2] });
  }
  return formatDateRange(periodStart, periodEnd, language);
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from './plans-api.js';

/** Every 20 January and 20 July on which a consolidated report on the plan falls due. */
export function reportingDatesOf(plan: Pick<PlanSummary, 'periodFromYear' | 'periodToYear'>): string[] {
  const dates: string[] = [];
  for (let year = plan.periodFromYear; year <= plan.periodToYear; year += 1) {
    dates.push(`${year}-07-20`, `${year + 1}-01-20`);
  }
  return dates;
}

const formats = ['docx', 'pdf', 'xlsx'] as const;

/** The coordinating body's consolidated report for the Government, by reporting date, as documents to download. */
export function ConsolidatedReportLinks({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dates = reportingDatesOf(plan);
  const [date, setDate] = useState(dates[0] ?? '');
  const [language, setLanguage] = useState<'ru' | 'en'>(i18n.language === 'en' ? 'en' : 'ru');
  const href = (format: (typeof formats)[number]) =>
    `/api/v1/plans/${encodeURIComponent(plan.id)}/consolidated-report?date=${date}&format=${format}&language=${language}`;
  return (
    <section className="filters" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.consolidatedHeading')}</h2>
      <p>{t('plan.consolidatedIntro')}</p>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('plan.reportingDate')}</label>
          <select
            id={`${id}-date`}
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
            }}
          >
            {dates.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('plan.documentLanguage')}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value === 'en' ? 'en' : 'ru');
            }}
          >
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>
      <p className="pagination-buttons">
        {formats.map((format) => (
          <a key={format} className="button button-secondary" href={href(format)} download>
            {t('plan.download', { format: format.toUpperCase() })}
          </a>
        ))}
      </p>
    </section>
  );
}

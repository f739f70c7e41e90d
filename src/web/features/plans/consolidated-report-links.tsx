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

export type DocumentFormat = (typeof formats)[number];
export type DocumentLanguage = 'ru' | 'en';

/** The documents for the Government are written in Russian or English; Kazakh readers get the Russian. */
export function useDocumentLanguage(): [DocumentLanguage, (language: DocumentLanguage) => void] {
  const { i18n } = useTranslation();
  return useState<DocumentLanguage>(i18n.language === 'en' ? 'en' : 'ru');
}

export function DocumentLanguageField({ id, value, onChange }: { id: string; value: DocumentLanguage; onChange: (language: DocumentLanguage) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('plan.documentLanguage')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value === 'en' ? 'en' : 'ru');
        }}
      >
        <option value="ru">Русский</option>
        <option value="en">English</option>
      </select>
    </div>
  );
}

/** One download link per format. */
export function DocumentDownloads({ href }: { href: (format: DocumentFormat) => string }) {
  const { t } = useTranslation();
  return (
    <p className="pagination-buttons">
      {formats.map((format) => (
        <a key={format} className="button button-secondary" href={href(format)} download>
          {t('plan.download', { format: format.toUpperCase() })}
        </a>
      ))}
    </p>
  );
}

/** The coordinating body's consolidated report for the Government, by reporting date, as documents to download. */
export function ConsolidatedReportLinks({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const dates = reportingDatesOf(plan);
  const [date, setDate] = useState(dates[0] ?? '');
  const [language, setLanguage] = useDocumentLanguage();
  const href = (format: DocumentFormat) => `/api/v1/plans/${encodeURIComponent(plan.id)}/consolidated-report?date=${date}&format=${format}&language=${language}`;
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
        <DocumentLanguageField id={`${id}-language`} value={language} onChange={setLanguage} />
      </div>
      <DocumentDownloads href={href} />
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { publishedReportSchema } from '../../../shared/commission.schemas.js';
import type { z } from 'zod';
import { formatDate } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { publishReport, publishedReportLink, type Commission } from './commission-api.js';
import { useAction } from './commission-parts.js';

type PublishedReport = z.infer<typeof publishedReportSchema>;

/** Links to the consolidated reports on the decisions that the working body published. */
export function PublishedReportList({ reports }: { reports: readonly PublishedReport[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (reports.length === 0) {
    return <p>{t('commission.noReports')}</p>;
  }
  return (
    <ul>
      {reports.map((report) => (
        <li key={report.id}>
          <a href={publishedReportLink(report.id)} download>
            {t('commission.reportLink', { date: formatDate(report.reportingDate, language), language: report.language.toUpperCase() })}
          </a>
        </li>
      ))}
    </ul>
  );
}

const publishFields = ['date', 'language'] as const;

export function ReportsSection({ commission, onChange }: { commission: Commission; onChange: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const formId = useId();
  const [date, setDate] = useState('');
  const [reportLanguage, setReportLanguage] = useState<'ru' | 'en'>('ru');
  const action = useAction(publishFields, (field) => `${formId}-${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => publishReport(commission.id, { date, language: reportLanguage }), onChange);
  };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.reportsHeading')}</h2>
      <PublishedReportList reports={commission.reports} />
      {commission.canManage && can(me.roles, 'plan_reports.review') && (
        <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
          <h3 id={`${formId}-heading`}>{t('commission.publishHeading')}</h3>
          <p className="note">{t('commission.publishNote')}</p>
          {action.summary}
          <TextField id={`${formId}-date`} label={t('commission.reportingDate')} type="date" value={date} error={action.fieldErrors.date} onChange={(event) => setDate(event.target.value)} />
          <SelectField
            id={`${formId}-language`}
            label={t('commission.reportLanguage')}
            value={reportLanguage}
            error={action.fieldErrors.language}
            onChange={(event) => setReportLanguage(event.target.value === 'en' ? 'en' : 'ru')}
          >
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </SelectField>
          <p className="form-actions">
            <button type="submit" className="button" disabled={action.busy}>
              {t('commission.publish')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

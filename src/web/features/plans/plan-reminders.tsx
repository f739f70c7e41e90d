import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reminderListSchema } from '../../../shared/plan.schemas.js';
import { formatDate } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSignedInUser } from '../session/session-context.js';
import { planPath, ownReportLink, type PlanReminder, type PlanSummary } from './plans-api.js';

/**
 * Reports coming due within ten days and reports overdue: the coordinating
 * body sees every body's, any other body its own. There is no mail: this list
 * is where the reminder is delivered.
 */
export function PlanReminders({ plan, coordinating, organizationName }: { plan: PlanSummary; coordinating: boolean; organizationName: (code: string) => string }) {
  const { t } = useTranslation();
  const query = useApiQuery(coordinating ? `${planPath(plan.id)}/reminders` : '/api/v1/plan-reminders', reminderListSchema);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('planReminders.heading')}</h2>
      <p>{coordinating ? t('planReminders.introCoordinating') : t('planReminders.introOwn')}</p>
      <QueryResult query={query}>
        {(list) => (
          <RemindersTable reminders={list.items.filter((item) => item.planId === plan.id)} ownBody={!coordinating} organizationName={organizationName} />
        )}
      </QueryResult>
    </section>
  );
}

export function reminderWhenKey(reminder: Pick<PlanReminder, 'kind' | 'days'>): 'planReminders.overdue' | 'planReminders.dueToday' | 'planReminders.dueIn' {
  if (reminder.kind === 'overdue') {
    return 'planReminders.overdue';
  }
  return reminder.days === 0 ? 'planReminders.dueToday' : 'planReminders.dueIn';
}

function RemindersTable({ reminders, ownBody, organizationName }: { reminders: PlanReminder[]; ownBody: boolean; organizationName: (code: string) => string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const captionId = useId();
  if (reminders.length === 0) {
    return <p>{t('planReminders.none')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('planReminders.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planReminders.colWhen')}</th>
            <th scope="col">{t('plan.colMeasure')}</th>
            <th scope="col">{t('plan.colBody')}</th>
            <th scope="col">{t('plan.colPeriod')}</th>
            <th scope="col">{t('plan.colDueDate')}</th>
            <th scope="col">{t('plan.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {reminders.map((reminder) => (
            <tr key={`${reminder.measure}|${reminder.organizationCode}|${reminder.periodLabel}`}>
              <td>{reminder.kind === 'overdue' ? <strong className="late-mark">{t(reminderWhenKey(reminder), { days: reminder.days })}</strong> : t(reminderWhenKey(reminder), { days: reminder.days })}</td>
              <td className="numeric">
                {ownBody && reminder.organizationCode === me.organization.code ? (
                  <Link to={ownReportLink(reminder.planId, reminder.measure, reminder.periodLabel)}>{reminder.measure}</Link>
                ) : (
                  reminder.measure
                )}
              </td>
              <td>{organizationName(reminder.organizationCode)}</td>
              <td className="nowrap">{reminder.periodLabel}</td>
              <td className="nowrap">{formatDate(reminder.dueDate, language)}</td>
              <td>{t(`planReportStatus.${reminder.reportStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

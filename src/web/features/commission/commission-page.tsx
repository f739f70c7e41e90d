import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { commissionSchema } from '../../../shared/commission.schemas.js';
import { formatDate, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { commissionPath, meetingLink, scheduleMeeting, type Commission } from './commission-api.js';
import { MeetingWarnings, OrganizationName, useAction } from './commission-parts.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { MembersSection } from './members-section.js';
import { ReportsSection } from './reports-section.js';
import { WorkingBodySection } from './working-body-section.js';
import { agendaFromText } from './meeting-form.js';

/** A commission: its meetings with warnings, members and working body history; the working body schedules meetings here. */
export function CommissionPage() {
  const { commissionId = '' } = useParams();
  const query = useApiQuery(commissionPath(commissionId), commissionSchema);
  return <QueryResult query={query}>{(commission) => <CommissionView commission={commission} onChange={query.retry} />}</QueryResult>;
}

function CommissionView({ commission, onChange }: { commission: Commission; onChange: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const name = pickText(commission.name, language);
  return (
    <>
      <title>{t('commission.documentTitle', { name })}</title>
      <p className="back-link">
        <Link to="/commissions">{t('commission.backToList')}</Link>
      </p>
      <h1>{name}</h1>
      <dl className="details">
        <div>
          <dt>{t('commission.workingBody')}</dt>
          <dd>{commission.workingBody ? <OrganizationName organization={commission.workingBody} /> : t('common.none')}</dd>
        </div>
        {commission.akimat && (
          <div>
            <dt>{t('commission.akimat')}</dt>
            <dd>
              <OrganizationName organization={commission.akimat} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('commission.establishedOn')}</dt>
          <dd>{formatDate(commission.establishedOn, language)}</dd>
        </div>
        <div>
          <dt>{t('commission.noticeDays')}</dt>
          <dd>{commission.noticeDays}</dd>
        </div>
        <div>
          <dt>{t('commission.nextMeetingDueBy')}</dt>
          <dd>{commission.nextMeetingDueBy ? formatDate(commission.nextMeetingDueBy, language) : t('common.none')}</dd>
        </div>
      </dl>
      <MeetingWarnings warnings={commission.warnings} />
      <p>
        <Link to={`/plans/${encodeURIComponent(commission.decisionsPlanId)}`}>{t('commission.decisionsPlanLink')}</Link>
      </p>
      <MeetingsSection commission={commission} />
      <ReportsSection commission={commission} onChange={onChange} />
      <MembersSection commission={commission} onChange={onChange} />
      <WorkingBodySection commission={commission} onChange={onChange} />
    </>
  );
}

function MeetingsSection({ commission }: { commission: Commission }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  const meetings = [...commission.meetings].reverse();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.meetingsHeading')}</h2>
      {meetings.length === 0 ? (
        <p>{t('commission.noMeetings')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId}>{t('commission.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commission.colNumber')}</th>
                <th scope="col">{t('commission.colDate')}</th>
                <th scope="col">{t('commission.colPlace')}</th>
                <th scope="col">{t('commission.colStatus')}</th>
                <th scope="col">{t('commission.colNotices')}</th>
                <th scope="col">{t('commission.colDecisions')}</th>
                <th scope="col">{t('commission.colMinutes')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.number}>
                  <th scope="row">
                    <Link to={meetingLink(commission.id, meeting.number)}>{t('commission.meetingNumber', { number: meeting.number })}</Link>
                  </th>
                  <td className="nowrap">{formatDate(meeting.date, language)}</td>
                  <td>{meeting.place}</td>
                  <td>{t(`commission.status.${meeting.status}`)}</td>
                  <td className="numeric">{meeting.noticesSent}</td>
                  <td className="numeric">{meeting.decisions}</td>
                  <td>{meeting.minutesPublished ? t('commission.published') : t('commission.notPublished')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {commission.canManage && <ScheduleMeetingForm commissionId={commission.id} />}
    </section>
  );
}

const scheduleFields = ['date', 'place', 'agenda'] as const;

function ScheduleMeetingForm({ commissionId }: { commissionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formId = useId();
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const action = useAction(scheduleFields, (field) => `${formId}-${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(
      () => scheduleMeeting(commissionId, { date, place, agenda: agendaFromText(agenda) }),
      (meeting) => {
        void navigate(meetingLink(commissionId, meeting.number));
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.scheduleHeading')}</h3>
      {action.summary}
      <TextField id={`${formId}-date`} label={t('commission.meetingDate')} type="date" value={date} error={action.fieldErrors.date} onChange={(event) => setDate(event.target.value)} />
      <TextField id={`${formId}-place`} label={t('commission.meetingPlace')} value={place} error={action.fieldErrors.place} onChange={(event) => setPlace(event.target.value)} />
      <TextAreaField id={`${formId}-agenda`} label={t('commission.agenda')} hint={t('commission.agendaHint')} rows={5} value={agenda} error={action.fieldErrors.agenda} onChange={setAgenda} />
      <p className="form-actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('commission.schedule')}
        </button>
      </p>
    </form>
  );
}

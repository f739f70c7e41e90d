import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { meetingSchema } from '../../../shared/commission.schemas.js';
import { formatDate, formatDateTimeInKazakhstan, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { cancelMeeting, commissionLink, meetingPath, sendNotice, type CommissionMeeting } from './commission-api.js';
import { MeetingWarnings, OrganizationName, useAction } from './commission-parts.js';
import { DecisionForm, MinutesForm } from './meeting-forms.js';

/** One meeting: agenda, notice to each member, minutes and decisions; the working body acts on it here. */
export function MeetingPage() {
  const { commissionId = '', number = '' } = useParams();
  const query = useApiQuery(meetingPath(commissionId, Number(number)), meetingSchema);
  const [changed, setChanged] = useState<CommissionMeeting | null>(null);
  return (
    <QueryResult query={query}>
      {(loaded) => {
        const meeting = changed !== null && changed.number === loaded.number && changed.commissionId === loaded.commissionId ? changed : loaded;
        return <MeetingView meeting={meeting} onChange={setChanged} />;
      }}
    </QueryResult>
  );
}

function MeetingView({ meeting, onChange }: { meeting: CommissionMeeting; onChange: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const heading = t('commission.meetingHeading', { number: meeting.number, name: pickText(meeting.commissionName, language) });
  const agendaId = useId();
  return (
    <>
      <title>{t('commission.meetingDocumentTitle', { number: meeting.number })}</title>
      <p className="back-link">
        <Link to={commissionLink(meeting.commissionId)}>{t('commission.backToCommission')}</Link>
      </p>
      <h1>{heading}</h1>
      <dl className="details">
        <div>
          <dt>{t('commission.colDate')}</dt>
          <dd>{formatDate(meeting.date, language)}</dd>
        </div>
        <div>
          <dt>{t('commission.colPlace')}</dt>
          <dd>{meeting.place}</dd>
        </div>
        <div>
          <dt>{t('commission.colStatus')}</dt>
          <dd>{t(`commission.status.${meeting.status}`)}</dd>
        </div>
        <div>
          <dt>{t('commission.noticeDueBy')}</dt>
          <dd>{formatDate(meeting.noticeDueBy, language)}</dd>
        </div>
      </dl>
      <MeetingWarnings warnings={meeting.warning ? [meeting.warning] : []} />
      <section aria-labelledby={agendaId}>
        <h2 id={agendaId}>{t('commission.agenda')}</h2>
        <ol>
          {meeting.agenda.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </section>
      <NoticesSection meeting={meeting} onChange={onChange} />
      <MinutesSection meeting={meeting} onChange={onChange} />
      <DecisionsSection meeting={meeting} onChange={onChange} />
    </>
  );
}

function NoticesSection({ meeting, onChange }: { meeting: CommissionMeeting; onChange: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  const action = useAction([], () => '');
  const scheduled = meeting.status === 'scheduled';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.noticesHeading')}</h2>
      {action.summary}
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('commission.noticesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commission.colOrganization')}</th>
              <th scope="col">{t('commission.colSentAt')}</th>
              <th scope="col">{t('commission.colStanding')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.notices.map((notice) => (
              <tr key={notice.organization.code}>
                <th scope="row">
                  <OrganizationName organization={notice.organization} />
                </th>
                <td>{notice.sentAt ? formatDateTimeInKazakhstan(notice.sentAt, language) : t('commission.notSent')}</td>
                <td>{t(`commission.standing.${notice.standing}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {meeting.canManage && scheduled && (
        <p className="form-actions">
          <button type="button" className="button" disabled={action.busy} onClick={() => action.run(() => sendNotice(meeting.commissionId, meeting.number), onChange)}>
            {t('commission.sendNotice')}
          </button>{' '}
          <button type="button" className="button button-warning" disabled={action.busy} onClick={() => action.run(() => cancelMeeting(meeting.commissionId, meeting.number), onChange)}>
            {t('commission.cancelMeeting')}
          </button>
        </p>
      )}
    </section>
  );
}

function MinutesSection({ meeting, onChange }: { meeting: CommissionMeeting; onChange: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.minutesHeading')}</h2>
      {meeting.minutes === null ? (
        <p>{t('commission.noMinutes')}</p>
      ) : (
        <>
          <p className="note">{meeting.minutesPublished ? t('commission.minutesPublished') : t('commission.minutesMembersOnly')}</p>
          <p className="preserve-lines">{meeting.minutes}</p>
        </>
      )}
      {meeting.canManage && meeting.status !== 'cancelled' && <MinutesForm meeting={meeting} onDone={onChange} />}
    </section>
  );
}

function DecisionsSection({ meeting, onChange }: { meeting: CommissionMeeting; onChange: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.decisionsHeading')}</h2>
      <p>
        <Link to={`/plans/${encodeURIComponent(meeting.decisionsPlanId)}`}>{t('commission.decisionsPlanLink')}</Link>
      </p>
      {meeting.decisions.length === 0 ? (
        <p>{t('commission.noDecisions')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId}>{t('commission.decisionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commission.colNumber')}</th>
                <th scope="col">{t('commission.colDecision')}</th>
                <th scope="col">{t('commission.colResponsible')}</th>
                <th scope="col">{t('commission.colDueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.decisions.map((decision) => (
                <tr key={decision.position}>
                  <th scope="row">{`${meeting.number}.${decision.position}`}</th>
                  <td className="preserve-lines">{decision.text}</td>
                  <td>
                    {decision.responsible.map((body, index) => (
                      <span key={body.organization.code}>
                        {index > 0 && ', '}
                        <OrganizationName organization={body.organization} />
                        {body.lead && <> ({t('commission.lead')})</>}
                      </span>
                    ))}
                  </td>
                  <td className="nowrap">{formatDate(decision.dueDate, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {meeting.canManage && meeting.status === 'held' && <DecisionForm meeting={meeting} onDone={onChange} />}
    </section>
  );
}

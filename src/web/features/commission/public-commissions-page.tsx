import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { publicCommissionListSchema } from '../../../shared/commission.schemas.js';
import { formatDate, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { publicCommissionsPath } from './commission-api.js';
import { PublishedReportList } from './reports-section.js';

type PublicCommission = ReturnType<typeof publicCommissionListSchema.parse>['items'][number];

/** For anyone, signed in or not: each commission's meetings and the minutes its working body published. */
export function PublicCommissionsPage() {
  const { t } = useTranslation();
  const query = useApiQuery(publicCommissionsPath, publicCommissionListSchema);
  return (
    <>
      <title>{t('commission.publicDocumentTitle')}</title>
      <h1>{t('commission.publicHeading')}</h1>
      <p className="lead">{t('commission.publicIntro')}</p>
      <QueryResult query={query}>
        {(list) => (list.items.length === 0 ? <p>{t('commission.noCommissions')}</p> : list.items.map((commission) => <PublicCommissionSection key={commission.id} commission={commission} />))}
      </QueryResult>
    </>
  );
}

function PublicCommissionSection({ commission }: { commission: PublicCommission }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{pickText(commission.name, language)}</h2>
      {commission.meetings.length === 0 ? (
        <p>{t('commission.noMeetings')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId}>{t('commission.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commission.colNumber')}</th>
                <th scope="col">{t('commission.colDate')}</th>
                <th scope="col">{t('commission.colStatus')}</th>
                <th scope="col">{t('commission.colMinutes')}</th>
              </tr>
            </thead>
            <tbody>
              {commission.meetings.map((meeting) => (
                <tr key={meeting.number}>
                  <th scope="row">{t('commission.meetingNumber', { number: meeting.number })}</th>
                  <td className="nowrap">{formatDate(meeting.date, language)}</td>
                  <td>{t(`commission.status.${meeting.status}`)}</td>
                  <td className="preserve-lines">{meeting.minutes ?? t('commission.notPublished')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      <h3>{t('commission.reportsHeading')}</h3>
      <PublishedReportList reports={commission.reports} />
    </section>
  );
}

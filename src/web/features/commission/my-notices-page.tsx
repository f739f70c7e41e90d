import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { myNoticesSchema } from '../../../shared/commission.schemas.js';
import { formatDate, formatDateTimeInKazakhstan, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { meetingLink, myNoticesPath } from './commission-api.js';

/** Notices of meetings with their agenda, sent to the user's organization: there is no e-mail, members read them here. */
export function MyNoticesPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const query = useApiQuery(myNoticesPath, myNoticesSchema);
  const listId = useId();
  return (
    <>
      <title>{t('commission.noticesDocumentTitle')}</title>
      <p className="back-link">
        <Link to="/commissions">{t('commission.backToList')}</Link>
      </p>
      <h1 id={listId}>{t('commission.myNoticesHeading')}</h1>
      <QueryResult query={query}>
        {(notices) =>
          notices.items.length === 0 ? (
            <p>{t('commission.noNotices')}</p>
          ) : (
            <ul className="plain-list" aria-labelledby={listId}>
              {notices.items.map((notice) => (
                <li key={`${notice.commissionId}-${notice.meetingNumber}`} className="panel">
                  <h2>
                    <Link to={meetingLink(notice.commissionId, notice.meetingNumber)}>
                      {t('commission.meetingHeading', { number: notice.meetingNumber, name: pickText(notice.commissionName, language) })}
                    </Link>
                  </h2>
                  <p>
                    {t('commission.noticeLine', {
                      date: formatDate(notice.date, language),
                      place: notice.place,
                      status: t(`commission.status.${notice.status}`),
                      sentAt: formatDateTimeInKazakhstan(notice.sentAt, language),
                    })}
                  </p>
                  <ol>
                    {notice.agenda.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )
        }
      </QueryResult>
    </>
  );
}

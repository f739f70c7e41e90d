import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commissionListSchema } from '../../../shared/commission.schemas.js';
import { formatDate, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { commissionLink, commissionsPath } from './commission-api.js';
import { OrganizationName } from './commission-parts.js';

/** The commissions the user's organization sits on or serves as working body. */
export function CommissionsPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const query = useApiQuery(commissionsPath, commissionListSchema);
  const captionId = useId();
  return (
    <>
      <title>{t('commission.listDocumentTitle')}</title>
      <h1>{t('commission.listHeading')}</h1>
      <p className="lead">{t('commission.listIntro')}</p>
      <p>
        <Link to="/commission-notices">{t('commission.myNoticesLink')}</Link> · <Link to="/public/commissions">{t('commission.publicLink')}</Link>
      </p>
      {can(me.roles, 'commission.manage') && (
        <p>
          <Link className="button" to="/commissions/new">
            {t('commission.newHeading')}
          </Link>
        </p>
      )}
      <QueryResult query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('commission.noneForYou')}</p>
          ) : (
            <TableScroller captionId={captionId}>
              <table>
                <caption id={captionId}>{t('commission.listCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('commission.colName')}</th>
                    <th scope="col">{t('commission.workingBody')}</th>
                    <th scope="col">{t('commission.nextMeetingDueBy')}</th>
                    <th scope="col">{t('commission.colWarnings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((commission) => (
                    <tr key={commission.id}>
                      <th scope="row">
                        <Link to={commissionLink(commission.id)}>{pickText(commission.name, language)}</Link>
                      </th>
                      <td>{commission.workingBody ? <OrganizationName organization={commission.workingBody} /> : t('common.none')}</td>
                      <td className="nowrap">{commission.nextMeetingDueBy ? formatDate(commission.nextMeetingDueBy, language) : t('common.none')}</td>
                      <td className="numeric">{commission.warnings.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )
        }
      </QueryResult>
    </>
  );
}

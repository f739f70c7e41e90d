import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { userPageSchema } from '../../../shared/directory.schemas.js';
import { scopeOf } from '../../../shared/permissions.js';
import { formatList } from '../../components/formatting.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSignedInUser } from '../session/session-context.js';
import { useRegionNames } from './use-region-names.js';
import { usersListPath, type User } from './users-api.js';

interface CreatedNotice {
  created: { displayName: string; email: string };
}

function isCreatedNotice(state: unknown): state is CreatedNotice {
  return (
    typeof state === 'object' &&
    state !== null &&
    'created' in state &&
    typeof state.created === 'object' &&
    state.created !== null &&
    'email' in state.created &&
    'displayName' in state.created
  );
}

/** The users an administrator (or coordinator) can see: their organization's, or everyone's. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const offset = offsetParam(params.get('offset'));
  const query = useApiQuery(usersListPath(offset), userPageSchema);
  const readScope = scopeOf(me.roles, 'users.read');
  const canManage = scopeOf(me.roles, 'users.manage') !== null;
  const notice = isCreatedNotice(location.state) ? location.state.created : null;

  return (
    <>
      <title>{t('users.documentTitle')}</title>
      <h1>{t('users.heading')}</h1>
      <p className="lead">{readScope === 'all' ? t('users.introAll') : t('users.introOrganization')}</p>
      {notice !== null && (
        <p className="notice notice-success" role="status">
          {t('users.created', { name: notice.displayName, email: notice.email })}
        </p>
      )}
      {canManage && (
        <p>
          <Link className="button" to="/admin/users/new">
            {t('users.add')}
          </Link>
        </p>
      )}
      <QueryResult query={query}>
        {(page) => (
          <>
            <UsersTable users={page.items} />
            <Pagination
              offset={page.page.offset}
              limit={page.page.limit}
              total={page.page.total}
              onGo={(next) => {
                setParams(next === 0 ? {} : { offset: String(next) });
              }}
            />
          </>
        )}
      </QueryResult>
    </>
  );
}

function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const regionName = useRegionNames();
  if (users.length === 0) {
    return <p>{t('users.none')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colName')}</th>
            <th scope="col">{t('users.colEmail')}</th>
            <th scope="col">{t('users.colOrganization')}</th>
            <th scope="col">{t('users.colRoles')}</th>
            <th scope="col">{t('users.colRegions')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colMfa')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.status === 'disabled' ? 'is-ended' : undefined}>
              <th scope="row">
                <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
              </th>
              <td className="wrap-anywhere">{user.email}</td>
              <td className="nowrap">{user.organizationCode}</td>
              <td>{formatList(user.roles.map((role) => t(`roles.${role}`)), language)}</td>
              <td>
                {user.regionCodes.length === 0
                  ? t('users.regionsOfOrganization')
                  : formatList(user.regionCodes.map(regionName), language)}
              </td>
              <td>{user.status === 'active' ? t('users.statusActive') : t('users.statusDisabled')}</td>
              <td>{user.mfaEnrolled ? t('users.mfaEnrolled') : t('users.mfaNotEnrolled')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

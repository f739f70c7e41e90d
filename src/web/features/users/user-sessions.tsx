import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionListSchema } from '../../../shared/directory.schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { revokeSession, userSessionsPath, type User, type UserSession } from './users-api.js';

const endReasonLabel = {
  logout: 'sessions.reasonLogout',
  revoked: 'sessions.reasonRevoked',
  user_disabled: 'sessions.reasonUserDisabled',
  idle: 'sessions.reasonIdle',
  expired: 'sessions.reasonExpired',
} as const;

function isKnownReason(reason: string): reason is keyof typeof endReasonLabel {
  return reason in endReasonLabel;
}

function isActive(session: UserSession, now: number): boolean {
  return session.endedAt === null && new Date(session.expiresAt).getTime() > now;
}

/** A user's sessions, newest first, with a way to end any that is still open. */
export function UserSessions({ user }: { user: User }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useApiQuery(userSessionsPath(user.id), sessionListSchema);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sessions.heading')}</h2>
      <p className="field-hint">{t('sessions.intro')}</p>
      <QueryResult query={query}>
        {(list) => <SessionTable user={user} sessions={list.items} onChanged={query.retry} />}
      </QueryResult>
    </section>
  );
}

interface SessionTableProps {
  user: User;
  sessions: UserSession[];
  onChanged: () => void;
}

function SessionTable({ user, sessions, onChanged }: SessionTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; requestId: string | null } | null>(null);
  const now = Date.now();

  if (sessions.length === 0) {
    return <p>{t('sessions.none')}</p>;
  }

  const stateOf = (session: UserSession): string => {
    if (isActive(session, now)) {
      return t('sessions.active');
    }
    const reason = session.endReason ?? (session.endedAt === null ? 'expired' : null);
    const reasonText = reason === null ? null : isKnownReason(reason) ? t(endReasonLabel[reason]) : reason;
    const when = session.endedAt ?? session.expiresAt;
    return t('sessions.ended', { time: formatDateTimeInKazakhstan(when, language), reason: reasonText ?? t('common.none') });
  };

  return (
    <>
      {failure !== null && (
        <ErrorSummary title={t('sessions.endFailed')} message={failure.message} requestId={failure.requestId} requestIdLabel={t('common.requestId')} />
      )}
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('sessions.caption', { name: user.displayName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.colStarted')}</th>
              <th scope="col">{t('sessions.colLastSeen')}</th>
              <th scope="col">{t('sessions.colState')}</th>
              <th scope="col">{t('sessions.colAddress')}</th>
              <th scope="col">{t('sessions.colBrowser')}</th>
              <th scope="col">{t('sessions.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className={isActive(session, now) ? undefined : 'is-ended'}>
                <th scope="row" className="nowrap">
                  <time dateTime={session.createdAt}>{formatDateTimeInKazakhstan(session.createdAt, language)}</time>
                </th>
                <td className="nowrap">
                  <time dateTime={session.lastSeenAt}>{formatDateTimeInKazakhstan(session.lastSeenAt, language)}</time>
                </td>
                <td>{stateOf(session)}</td>
                <td className="nowrap">{session.ip ?? t('common.none')}</td>
                <td className="user-agent">{session.userAgent ?? t('common.none')}</td>
                <td>
                  {isActive(session, now) && (
                    <button
                      type="button"
                      className="button button-warning button-small"
                      disabled={busyId !== null}
                      onClick={() => {
                        setBusyId(session.id);
                        setFailure(null);
                        revokeSession(session.id).then(
                          () => {
                            setBusyId(null);
                            onChanged();
                          },
                          (error: unknown) => {
                            setBusyId(null);
                            setFailure(describeError(error, t));
                          },
                        );
                      }}
                    >
                      {t('sessions.end')}
                      <span className="visually-hidden">
                        {' '}
                        {t('sessions.endWhich', { time: formatDateTimeInKazakhstan(session.createdAt, language) })}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { userSchema } from '../../../shared/directory.schemas.js';
import { roles as allRoles, scopeOf, type Role } from '../../../shared/permissions.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { formatDateTimeInKazakhstan, formatList } from '../../components/formatting.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSignedInUser } from '../session/session-context.js';
import { grantableRoles, RegionCheckboxes, RoleCheckboxes } from './role-region-fields.js';
import { useRegionNames } from './use-region-names.js';
import { PasswordResetAction } from './password-reset-action.js';
import { UserSessions } from './user-sessions.js';
import { updateUser, userPath, type User, type UserChange } from './users-api.js';

/** One user: details, the administrator's actions on the account, and its sessions. */
export function UserPage() {
  const { userId = '' } = useParams();
  const query = useApiQuery(userPath(userId), userSchema);
  return <QueryResult query={query}>{(user) => <UserDetails key={user.id} initial={user} />}</QueryResult>;
}

type Feedback = { kind: 'done'; message: string } | { kind: 'failed'; message: string; requestId: string | null } | null;

function UserDetails({ initial }: { initial: User }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const regionName = useRegionNames();
  const [user, setUser] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  // Disabling, a new set of roles or a reset authenticator end the user's sessions: the list is reloaded.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const failureRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const canManage = scopeOf(me.roles, 'users.manage') !== null;
  const canRevoke = scopeOf(me.roles, 'sessions.revoke') !== null;
  const isSelf = user.id === me.user.id;

  useEffect(() => {
    if (feedback?.kind === 'failed') {
      failureRef.current?.focus();
    }
  }, [feedback]);

  /** Sends a change; returns the error for the caller to show by field, having shown anything else here. */
  const change = async (body: UserChange, doneMessage: string): Promise<unknown> => {
    setBusy(true);
    setFeedback(null);
    try {
      setUser(await updateUser(user.id, body));
      setFeedback({ kind: 'done', message: doneMessage });
      setSessionsVersion((version) => version + 1);
      return null;
    } catch (error) {
      return error;
    } finally {
      setBusy(false);
    }
  };

  const showFailure = (error: unknown) => {
    setFeedback({ kind: 'failed', ...describeError(error, t) });
  };

  return (
    <>
      <title>{t('user.documentTitle', { name: user.displayName })}</title>
      <p className="back-link">
        <Link to="/admin/users">{t('user.backToList')}</Link>
      </p>
      <h1>{user.displayName}</h1>
      {isSelf && <p className="note">{t('user.yourself')}</p>}
      <dl className="details">
        <div>
          <dt>{t('users.colEmail')}</dt>
          <dd className="wrap-anywhere">{user.email}</dd>
        </div>
        <div>
          <dt>{t('users.colOrganization')}</dt>
          <dd>{user.organizationCode}</dd>
        </div>
        <div>
          <dt>{t('users.colRoles')}</dt>
          <dd>{formatList(user.roles.map((role) => t(`roles.${role}`)), language)}</dd>
        </div>
        <div>
          <dt>{t('users.colRegions')}</dt>
          <dd>{user.regionCodes.length === 0 ? t('users.regionsOfOrganization') : formatList(user.regionCodes.map(regionName), language)}</dd>
        </div>
        <div>
          <dt>{t('users.colStatus')}</dt>
          <dd>{user.status === 'active' ? t('users.statusActive') : t('users.statusDisabled')}</dd>
        </div>
        <div>
          <dt>{t('users.colMfa')}</dt>
          <dd>{user.mfaEnrolled ? t('users.mfaEnrolled') : t('users.mfaNotEnrolled')}</dd>
        </div>
        <div>
          <dt>{t('user.createdAt')}</dt>
          <dd>
            <time dateTime={user.createdAt}>{formatDateTimeInKazakhstan(user.createdAt, language)}</time>
          </dd>
        </div>
      </dl>

      <div role="status" className={feedback?.kind === 'done' ? 'notice notice-success' : undefined}>
        {feedback?.kind === 'done' ? feedback.message : null}
      </div>
      {feedback?.kind === 'failed' && (
        <ErrorSummary
          ref={failureRef}
          title={t('user.actionFailed')}
          message={feedback.message}
          requestId={feedback.requestId}
          requestIdLabel={t('common.requestId')}
        />
      )}

      {canManage && !isSelf && (
        <section className="panel" aria-labelledby={`${headingId}-account`}>
          <h2 id={`${headingId}-account`}>{t('user.accountHeading')}</h2>
          <div className="action">
              <p className="field-hint">{user.status === 'active' ? t('user.disableHint') : t('user.enableHint')}</p>
              <button
                type="button"
                className={user.status === 'active' ? 'button button-warning' : 'button'}
                disabled={busy}
                onClick={() => {
                  const next = user.status === 'active' ? 'disabled' : 'active';
                  void change({ status: next }, next === 'disabled' ? t('user.disabled') : t('user.enabled')).then((error) => {
                    if (error !== null) {
                      showFailure(error);
                    }
                  });
                }}
              >
                {user.status === 'active' ? t('user.disable') : t('user.enable')}
              </button>
          </div>
          <div className="action">
            <p className="field-hint">{t('user.resetMfaHint')}</p>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || !user.mfaEnrolled}
              onClick={() => {
                void change({ resetMfa: true }, t('user.mfaReset')).then((error) => {
                  if (error !== null) {
                    showFailure(error);
                  }
                });
              }}
            >
              {t('user.resetMfa')}
            </button>
          </div>
          {/* Only a national administrator takes over the password of a user with national reach; the server refuses it too. */}
          {user.roles.every((role) => grantableRoles(me.roles).includes(role)) && (
            <PasswordResetAction
              userId={user.id}
              onReset={() => {
                setSessionsVersion((version) => version + 1);
              }}
            />
          )}
        </section>
      )}

      {canManage && (
        <RolesForm
          user={user}
          busy={busy}
          onSave={async (body) => {
            if (body === null) {
              setFeedback({ kind: 'done', message: t('user.nothingChanged') });
              return null;
            }
            return change(body, t('user.rolesSaved'));
          }}
          onFailure={showFailure}
        />
      )}

      {canRevoke && <UserSessions key={sessionsVersion} user={user} />}
    </>
  );
}

type RolesField = 'roles' | 'regionCodes';
const rolesFields: readonly RolesField[] = ['roles', 'regionCodes'];

interface RolesFormProps {
  user: User;
  busy: boolean;
  /** Null body: nothing changed. Resolves to the error, or null when saved. */
  onSave: (body: UserChange | null) => Promise<unknown>;
  onFailure: (error: unknown) => void;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function RolesForm({ user, busy, onSave, onFailure }: RolesFormProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const id = useId();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [regionCodes, setRegionCodes] = useState<string[]>(user.regionCodes);
  const [errors, setErrors] = useState<FieldErrors<RolesField>>({});
  // Roles the editor may not grant stay visible but locked, so that saving does not silently drop them;
  // one's own roles are all locked, as nobody changes their own.
  const grantable = grantableRoles(me.roles);
  const isSelf = user.id === me.user.id;
  const available = [...new Set([...grantable, ...user.roles])];
  const locked = isSelf ? available : user.roles.filter((role) => !grantable.includes(role));
  const rolesHint = isSelf ? t('user.ownRoles') : grantable.length < allRoles.length ? `${t('userForm.rolesHint')} ${t('userForm.nationalOnly')}` : undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setErrors({ roles: t('fieldErrors.rolesRequired') });
      document.getElementById(`${id}-roles`)?.focus();
      return;
    }
    setErrors({});
    const body: UserChange = {
      ...(sameSet(roles, user.roles) ? {} : { roles }),
      ...(sameSet(regionCodes, user.regionCodes) ? {} : { regionCodes }),
    };
    const error = await onSave(Object.keys(body).length === 0 ? null : body);
    if (error === null) {
      return;
    }
    const byField = fieldErrorsOf(error, rolesFields, t);
    if (hasFieldErrors(byField)) {
      setErrors(byField);
    }
    onFailure(error);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('user.rolesHeading')}</h2>
      <p className="field-hint">{t('user.rolesChangeHint')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <RoleCheckboxes
          idPrefix={`${id}-roles`}
          available={available}
          selected={roles}
          locked={locked}
          {...(rolesHint === undefined ? {} : { hint: rolesHint })}
          error={errors.roles}
          onChange={setRoles}
        />
        <RegionCheckboxes idPrefix={`${id}-regions`} selected={regionCodes} error={errors.regionCodes} onChange={setRegionCodes} />
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('user.saveRoles')}
          </button>
        </p>
      </form>
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../../shared/permissions.js';
import { LoadingMessage, ProblemMessage } from '../../components/query-result.js';
import { can } from './access.js';
import { ForcedPasswordChange } from './password-change-page.js';
import { signInLink, signInPath } from './return-path.js';
import { useSession, useSignedInUser } from './session-context.js';

/** Route element for pages that need a signed-in user: anyone else goes to the sign-in page and comes back. */
export function RequireSignIn() {
  const { state, retry } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <LoadingMessage />;
    case 'unavailable':
      return <ProblemMessage error={state.error} onRetry={retry} />;
    case 'signed-in':
      // A password an administrator reset must be replaced before any page works.
      return state.me.session.passwordChangeRequired ? <ForcedPasswordChange /> : <Outlet />;
    case 'anonymous':
    case 'pending':
      // Who chose to sign out is not brought back to where they left; who was cut off is.
      return (
        <Navigate
          replace
          to={
            state.status === 'anonymous' && state.reason === 'signed-out'
              ? signInPath
              : signInLink({
                  returnTo: `${location.pathname}${location.search}`,
                  expired: state.status === 'anonymous' && state.reason === 'expired',
                })
          }
        />
      );
  }
}

export interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

/** A page a role may not use is not in the navigation; opened by its address, it says so. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const me = useSignedInUser();
  return can(me.roles, permission) ? children : <NotAllowedPage />;
}

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('notAllowed.documentTitle')}</title>
      <h1>{t('notAllowed.heading')}</h1>
      <p>{t('notAllowed.body')}</p>
      <p>
        <Link to="/">{t('notFound.backToStart')}</Link>
      </p>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { pickText } from '../../components/formatting.js';
import { describeError } from '../../components/query-result.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { signInLink, signInPath } from '../session/return-path.js';
import { useSession } from '../session/session-context.js';

/** Who is signed in, from which organization, and the way out; or the way in. */
export function AccountStatus() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { state, signOut } = useSession();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (state.status === 'loading') {
    return null;
  }
  if (state.status !== 'signed-in') {
    if (location.pathname === signInPath) {
      return null;
    }
    return (
      <div className="account">
        <Link className="account-sign-in" to={signInLink({ returnTo: `${location.pathname}${location.search}` })}>
          {t('shell.signIn')}
        </Link>
      </div>
    );
  }

  const { me } = state;
  return (
    <div className="account">
      <p className="account-who">
        <span className="visually-hidden">{t('shell.signedInAs')} </span>
        <span className="account-name">{me.user.displayName}</span>
        <span className="account-organization">{pickText(me.organization.name, language)}</span>
      </p>
      <Link className="account-password" to="/account/password">
        {t('shell.changePassword')}
      </Link>
      <button
        type="button"
        className="account-sign-out"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailure(null);
          signOut().then(
            () => {
              setBusy(false);
            },
            (error: unknown) => {
              setBusy(false);
              setFailure(describeError(error, t).message);
            },
          );
        }}
      >
        {t('shell.signOut')}
      </button>
      {failure !== null && (
        <p className="account-failure" role="alert">
          {t('shell.signOutFailed')} {failure}
        </p>
      )}
    </div>
  );
}

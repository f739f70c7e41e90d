import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LoadingMessage } from '../../components/query-result.js';
import { safeReturnPath } from './return-path.js';
import { useSession } from './session-context.js';
import { CodeForm, type Enrolment } from './code-form.js';
import { CredentialsForm } from './credentials-form.js';
import { secretOf } from './totp-secret.js';

type Step = { kind: 'credentials'; notice: 'start-again' | null } | { kind: 'code'; enrolment: Enrolment | null };

/** Password first, then, for roles that need it, the authenticator code (and its set-up on first sign-in). */
export function SignInPage() {
  const { t } = useTranslation();
  const { state: session, abandonSignIn } = useSession();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step | null>(null);
  const returnTo = safeReturnPath(params.get('returnTo'));

  if (session.status === 'signed-in') {
    // A reset password is replaced first, on a page behind the sign-in guard, whatever was asked for.
    return <Navigate replace to={session.me.session.passwordChangeRequired ? '/account/password' : returnTo} />;
  }
  if (session.status === 'loading') {
    return <LoadingMessage />;
  }

  // After a reload in the middle of signing in, the code step can go on; an enrolment cannot, its key is gone.
  const current: Step =
    step ?? (session.status === 'pending' && session.mfa === 'required' ? { kind: 'code', enrolment: null } : { kind: 'credentials', notice: null });
  const expired = params.get('expired') === '1' && current.kind === 'credentials';
  const signedOut = session.status === 'anonymous' && session.reason === 'signed-out' && current.kind === 'credentials';

  return (
    <div className="narrow-page">
      <title>{t('signIn.documentTitle')}</title>
      <h1>{t('signIn.heading')}</h1>
      {expired && (
        <p className="notice notice-warning" role="status">
          {t('session.expired')}
        </p>
      )}
      {signedOut && !expired && (
        <p className="notice" role="status">
          {t('session.signedOut')}
        </p>
      )}
      {current.kind === 'credentials' && current.notice === 'start-again' && (
        <p className="notice notice-warning" role="status">
          {t('signIn.startAgain')}
        </p>
      )}
      {current.kind === 'credentials' ? (
        <CredentialsForm
          onPasswordAccepted={(result) => {
            if (result.mfa === 'enroll') {
              const secret = result.otpauthUrl === undefined ? null : secretOf(result.otpauthUrl);
              setStep({ kind: 'code', enrolment: { secret, qrSvg: result.otpauthQrSvg ?? null } });
            } else if (result.mfa === 'required') {
              setStep({ kind: 'code', enrolment: null });
            }
          }}
        />
      ) : (
        <CodeForm
          enrolment={current.enrolment}
          onStartAgain={(reason) => {
            void abandonSignIn();
            setStep({ kind: 'credentials', notice: reason === 'expired' ? 'start-again' : null });
          }}
        />
      )}
    </div>
  );
}

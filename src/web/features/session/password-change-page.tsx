import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from './password-change-form.js';
import { useSession } from './session-context.js';

/** Reached from the account menu: a signed-in user replaces their password. */
export function PasswordChangePage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<number | null>(null);
  return (
    <>
      <title>{t('passwordChange.documentTitle')}</title>
      <h1>{t('passwordChange.heading')}</h1>
      <p>{t('passwordChange.intro')}</p>
      <div role="status" className={done === null ? undefined : 'notice notice-success'}>
        {done === null ? null : `${t('passwordChange.done')} ${t('passwordChange.otherSessionsEnded', { count: done })}`}
      </div>
      <PasswordChangeForm onChanged={setDone} />
    </>
  );
}

/**
 * Shown instead of any page while the password an administrator handed over
 * is still in use: the server refuses everything else until it is replaced.
 */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <>
      <title>{t('passwordChange.documentTitle')}</title>
      <h1>{t('passwordChange.forcedHeading')}</h1>
      <p>{t('passwordChange.forcedIntro')}</p>
      <PasswordChangeForm
        replacesOneTimePassword
        onChanged={() => {
          // The server has lifted the restriction; if /me cannot say so now, a reload asks it afresh.
          refresh().catch(() => {
            window.location.reload();
          });
        }}
      />
    </>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordResetSchema } from '../../../shared/auth.schemas.js';
import { sendJson } from '../../api-client.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { describeError } from '../../components/query-result.js';
import { userPath } from './users-api.js';

export interface PasswordResetActionProps {
  userId: string;
  /** The user's sessions ended: the page reloads its list. */
  onReset: () => void;
}

/**
 * An administrator's reset of a user's password. The one-time password is
 * shown here once, for the administrator to pass on; the user must replace it
 * at the next sign-in.
 */
export function PasswordResetAction({ userId, onReset }: PasswordResetActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; requestId: string | null } | null>(null);

  const reset = async () => {
    setBusy(true);
    setFailure(null);
    setTemporaryPassword(null);
    try {
      const result = await sendJson('POST', `${userPath(userId)}/password-reset`, { schema: passwordResetSchema });
      setTemporaryPassword(result.temporaryPassword);
      onReset();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="action">
      <p className="field-hint" id={`${id}-hint`}>
        {t('passwordReset.hint')}
      </p>
      <button type="button" className="button button-secondary" aria-describedby={`${id}-hint`} disabled={busy} onClick={() => void reset()}>
        {t('passwordReset.button')}
      </button>
      <div role="status">
        {temporaryPassword !== null && (
          <div className="notice notice-success">
            <p>{t('passwordReset.done')}</p>
            <p>
              <code className="one-time-password">{temporaryPassword}</code>
            </p>
            <p>{t('passwordReset.shownOnce')}</p>
          </div>
        )}
      </div>
      {failure !== null && (
        <ErrorSummary title={t('passwordReset.failed')} message={failure.message} requestId={failure.requestId} requestIdLabel={t('common.requestId')} />
      )}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { describeError } from '../../components/query-result.js';
import { TextField } from '../../components/text-field.js';
import { useSession } from './session-context.js';
import { classifySignInError } from './sign-in-problem.js';
import { groupSecret, isSixDigitCode, normalizeCode } from './totp-secret.js';
import { useSignInProblemText } from './use-sign-in-problem-text.js';

/** What the server sent for setting up the authenticator on first sign-in. */
export interface Enrolment {
  secret: string | null;
  qrSvg: string | null;
}

export interface CodeFormProps {
  /** Null when the authenticator is set up already and only the code is owed. */
  enrolment: Enrolment | null;
  /** 'cancelled': the user chose another account; 'expired': the half-open session is gone. */
  onStartAgain: (reason: 'cancelled' | 'expired') => void;
}

export function CodeForm({ enrolment, onStartAgain }: CodeFormProps) {
  const { t } = useTranslation();
  const { submitCode } = useSession();
  const problemText = useSignInProblemText();
  const id = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<{ message: string; requestId: string | null } | null>(null);
  const [focusTarget, setFocusTarget] = useState<'code' | 'summary' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Setting up starts with reading the instructions, so focus starts at their heading; otherwise at the field.
  useEffect(() => {
    if (enrolment === null) {
      codeRef.current?.focus();
    } else {
      headingRef.current?.focus();
    }
  }, [enrolment]);

  useEffect(() => {
    if (focusTarget === null) {
      return;
    }
    (focusTarget === 'code' ? codeRef : summaryRef).current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalized = normalizeCode(code);
    if (!isSixDigitCode(normalized)) {
      setCodeError(t('signIn.codeFormat'));
      setProblem(null);
      setFocusTarget('code');
      return;
    }
    setBusy(true);
    try {
      await submitCode(normalized);
    } catch (error) {
      const classified = classifySignInError(error, 'code');
      if (classified.kind === 'start-again') {
        onStartAgain('expired');
        return;
      }
      if (classified.kind === 'code-invalid' || classified.kind === 'code-replayed') {
        setCodeError(problemText(classified));
        setProblem(null);
        setCode('');
        setFocusTarget('code');
        return;
      }
      setCodeError(undefined);
      setProblem(classified.kind === 'other' ? describeError(classified.error, t) : { message: problemText(classified), requestId: null });
      setFocusTarget('summary');
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {enrolment === null ? t('signIn.codeHeading') : t('signIn.enrolHeading')}
      </h2>
      {enrolment === null ? <p>{t('signIn.codeIntro')}</p> : <EnrolmentSteps enrolment={enrolment} />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        {problem !== null && (
          <ErrorSummary
            ref={summaryRef}
            title={t('signIn.problemTitle')}
            message={problem.message}
            requestId={problem.requestId}
            requestIdLabel={t('common.requestId')}
          />
        )}
        <TextField
          ref={codeRef}
          id={`${id}-code`}
          className="input-code"
          label={t('signIn.code')}
          hint={t('signIn.codeHint')}
          error={codeError}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          spellCheck={false}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
          }}
        />
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('signIn.confirm')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              onStartAgain('cancelled');
            }}
          >
            {t('signIn.otherAccount')}
          </button>
        </p>
      </form>
    </section>
  );
}

function EnrolmentSteps({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('signIn.enrolIntro')}</p>
      <ol className="steps">
        <li>{t('signIn.enrolStepApp')}</li>
        <li>
          {t('signIn.enrolStepScan')}
          {enrolment.qrSvg !== null && (
            <img
              className="totp-qr"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
              alt={t('signIn.qrAlt')}
              width={200}
              height={200}
            />
          )}
        </li>
        {enrolment.secret !== null && (
          <li>
            {t('signIn.enrolStepManual')}
            <code className="totp-secret">
              {groupSecret(enrolment.secret)}
            </code>
            <span className="field-hint">{t('signIn.secretHint')}</span>
          </li>
        )}
        <li>{t('signIn.enrolStepCode')}</li>
      </ol>
    </>
  );
}

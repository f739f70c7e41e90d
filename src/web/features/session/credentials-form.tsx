import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { describeError } from '../../components/query-result.js';
import { TextField } from '../../components/text-field.js';
import type { SignInResponse } from './session-api.js';
import { useSession } from './session-context.js';
import { classifySignInError } from './sign-in-problem.js';
import { useSignInProblemText } from './use-sign-in-problem-text.js';

type Field = 'email' | 'password';
const fields: readonly Field[] = ['email', 'password'];

export interface CredentialsFormProps {
  /** Called when the password is right but an authenticator code is still owed. */
  onPasswordAccepted: (result: SignInResponse) => void;
}

export function CredentialsForm({ onPasswordAccepted }: CredentialsFormProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const problemText = useSignInProblemText();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<{ message: string; requestId: string | null } | null>(null);
  // Where focus goes after a failed attempt; set together with the error, applied once it is on screen.
  const [focusTarget, setFocusTarget] = useState<Field | 'summary' | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  useEffect(() => {
    if (focusTarget === null) {
      return;
    }
    const target = { email: emailRef, password: passwordRef, summary: summaryRef }[focusTarget];
    target.current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const fieldId = (field: Field) => `${id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FieldErrors<Field> = {};
    if (email.trim() === '') {
      missing.email = t('signIn.emailMissing');
    }
    if (password === '') {
      missing.password = t('signIn.passwordMissing');
    }
    if (hasFieldErrors(missing)) {
      setErrors(missing);
      setProblem(null);
      setFocusTarget(missing.email === undefined ? 'password' : 'email');
      return;
    }
    setBusy(true);
    try {
      const result = await signIn({ email: email.trim(), password });
      // 'none' makes the session signed in, and the page moves on by itself.
      if (result.mfa !== 'none') {
        onPasswordAccepted(result);
      }
    } catch (error) {
      const byField = fieldErrorsOf(error, fields, t);
      if (hasFieldErrors(byField)) {
        setErrors(byField);
        setProblem(null);
        setFocusTarget(byField.email === undefined ? 'password' : 'email');
        return;
      }
      const classified = classifySignInError(error, 'credentials');
      setErrors({});
      setProblem(classified.kind === 'other' ? describeError(classified.error, t) : { message: problemText(classified), requestId: null });
      if (classified.kind === 'wrong-credentials' || classified.kind === 'locked') {
        setPassword('');
      }
      setFocusTarget('summary');
    } finally {
      setBusy(false);
    }
  };

  const summaryId = `${id}-problem`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-describedby={problem === null ? undefined : summaryId}>
      {problem !== null && (
        <ErrorSummary
          id={summaryId}
          ref={summaryRef}
          title={t('signIn.problemTitle')}
          message={problem.message}
          requestId={problem.requestId}
          requestIdLabel={t('common.requestId')}
        />
      )}
      <TextField
        ref={emailRef}
        id={fieldId('email')}
        label={t('signIn.email')}
        type="email"
        name="email"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        value={email}
        error={errors.email}
        onChange={(event) => {
          setEmail(event.target.value);
        }}
      />
      <TextField
        ref={passwordRef}
        id={fieldId('password')}
        label={t('signIn.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        error={errors.password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
      />
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </p>
    </form>
  );
}

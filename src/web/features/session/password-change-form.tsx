import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api-client.js';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { translateFieldMessage, type KnownMessage } from '../../components/field-errors.js';
import { describeError } from '../../components/query-result.js';
import { TextField } from '../../components/text-field.js';
import { postPasswordChange } from './session-api.js';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
type Errors = Partial<Record<Field, string>>;

// What the password change route says in English, in the reader's words.
const passwordMessages: readonly KnownMessage[] = [
  [/^is wrong$/u, (t) => t('passwordChange.currentWrong')],
  [/must differ from the current password/u, (t) => t('passwordChange.sameAsCurrent')],
];

function fieldErrorsOf(error: unknown, t: Parameters<typeof translateFieldMessage>[1]): Errors {
  const errors: Errors = {};
  if (!(error instanceof ApiProblem)) {
    return errors;
  }
  for (const problem of error.problem.errors ?? []) {
    const name = problem.field.split('.')[1];
    if (name === 'currentPassword' || name === 'newPassword') {
      const message = translateFieldMessage(problem, t, passwordMessages);
      errors[name] = errors[name] === undefined ? message : `${errors[name]} ${message}`;
    }
  }
  return errors;
}

export interface PasswordChangeFormProps {
  /** Called with the number of the user's other sessions that were ended. */
  onChanged: (otherSessionsEnded: number) => void;
  /** The password to replace is the one-time one an administrator handed over, not one the person chose. */
  replacesOneTimePassword?: boolean;
}

/** The current password, then the new one twice; the server applies the same policy as everywhere. */
export function PasswordChangeForm({ onChanged, replacesOneTimePassword = false }: PasswordChangeFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<{ message: string; requestId: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fieldId = (field: Field) => `${id}-${field}`;

  useEffect(() => {
    if (failure !== null || Object.keys(errors).length > 0) {
      summaryRef.current?.focus();
    }
  }, [failure, errors]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Errors = {};
    if (values.currentPassword === '') {
      missing.currentPassword = t('fieldErrors.required');
    }
    if (values.newPassword === '') {
      missing.newPassword = t('fieldErrors.required');
    } else if (values.repeatPassword !== values.newPassword) {
      missing.repeatPassword = t('passwordChange.repeatDiffers');
    }
    setFailure(null);
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const ended = await postPasswordChange({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      onChanged(ended);
    } catch (error) {
      const byField = fieldErrorsOf(error, t);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? null : describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const items: ErrorSummaryItem[] = (Object.entries(errors) as [Field, string | undefined][])
    .filter((entry): entry is [Field, string] => entry[1] !== undefined)
    .map(([field, message]) => ({ fieldId: fieldId(field), message }));
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <TextField
      id={fieldId(name)}
      label={label}
      {...(hint === undefined ? {} : { hint })}
      type={show ? 'text' : 'password'}
      autoComplete={autoComplete}
      spellCheck={false}
      value={values[name]}
      error={errors[name]}
      onChange={(event) => {
        const value = event.target.value;
        setValues((previous) => ({ ...previous, [name]: value }));
      }}
    />
  );

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {(failure !== null || items.length > 0) && (
        <ErrorSummary
          ref={summaryRef}
          title={t('passwordChange.failed')}
          message={failure?.message ?? null}
          requestId={failure?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
          items={items}
        />
      )}
      {field('currentPassword', t(replacesOneTimePassword ? 'passwordChange.currentOneTime' : 'passwordChange.current'), 'current-password')}
      {field('newPassword', t('passwordChange.new'), 'new-password', t('userForm.passwordHint'))}
      {field('repeatPassword', t('passwordChange.repeat'), 'new-password')}
      <p className="checkbox-field">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={show}
          onChange={(event) => {
            setShow(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-show`}>{t('userForm.showPassword')}</label>
      </p>
      <button type="submit" className="button" disabled={busy}>
        {t('passwordChange.submit')}
      </button>
    </form>
  );
}

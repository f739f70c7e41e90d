import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ErrorSummary, type ErrorSummaryItem } from './error-summary.js';
import type { FieldErrors } from './field-errors.js';

// The plumbing of a form that sends one request: its own checks first, then the
// server's field problems beside their fields and its refusal in words above
// the form, then the page loads the record again. The case page and the
// investigator's pages differ only in how they read a problem.

export type RequestFailure = { message: string; requestId: string | null };

export interface FieldPlace<Field extends string> {
  errors: FieldErrors<Field>;
  fieldId: (field: Field) => string;
}

/** How a feature reads a failed request: problems by field, else one message (a refusal in words). */
export interface ProblemReader {
  fieldErrors<Field extends string>(error: unknown, fields: readonly Field[], t: TFunction): FieldErrors<Field>;
  failure(error: unknown, t: TFunction): RequestFailure;
  /** The summary's title when the request was refused. */
  failedTitle(t: TFunction): string;
}

export interface RequestFormProps<Field extends string> {
  /** The form's heading; a form without one is named by `label` (a row's own small form). */
  heading?: string;
  label?: string;
  intro?: ReactNode;
  /** The form's fields, by their path in the request ('articles.0.part'). */
  fields: readonly Field[];
  submitLabel: string;
  submitClass?: string;
  /** What the form itself can tell is wrong, before asking the server. */
  check?: () => FieldErrors<Field>;
  /** Sends the request (throws on a problem) and resolves with the notice to show once done. */
  send: () => Promise<string>;
  onDone: (notice: string) => void;
  children?: (place: FieldPlace<Field>) => ReactNode;
}

export function RequestForm<Field extends string>({
  problems,
  heading,
  label,
  intro,
  fields,
  submitLabel,
  submitClass,
  check,
  send,
  onDone,
  children,
}: RequestFormProps<Field> & { problems: ProblemReader }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  const fieldId = (field: Field): string => `${id}-${field.replaceAll('.', '-')}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check?.() ?? {};
    if (Object.values(found).some((message) => message !== undefined)) {
      setErrors(found);
      setFailure(null);
      setFocusSummary(true);
      return;
    }
    setBusy(true);
    try {
      const notice = await send();
      setErrors({});
      setFailure(null);
      onDone(notice);
    } catch (error) {
      const byField = problems.fieldErrors(error, fields, t);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? null : problems.failure(error, t));
      setFocusSummary(true);
    } finally {
      setBusy(false);
    }
  };

  const items: ErrorSummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });
  const headingId = `${id}-heading`;

  return (
    <form
      noValidate
      className={heading === undefined ? 'case-row-form' : 'panel'}
      aria-labelledby={heading === undefined ? undefined : headingId}
      aria-label={heading === undefined ? label : undefined}
      onSubmit={(event) => void submit(event)}
    >
      {heading !== undefined && <h3 id={headingId}>{heading}</h3>}
      {intro}
      {(items.length > 0 || failure !== null) && (
        <ErrorSummary
          ref={summaryRef}
          title={failure === null ? t('common.errorSummaryTitle') : problems.failedTitle(t)}
          items={items}
          message={failure?.message ?? null}
          requestId={failure?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
        />
      )}
      {children?.({ errors, fieldId })}
      <p className="form-actions">
        <button type="submit" className={submitClass ?? 'button'} disabled={busy}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}

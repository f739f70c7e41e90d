import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import type { FieldErrors } from '../../components/field-errors.js';
import { FieldError } from '../../components/text-field.js';
import type { Organization } from '../organizations/organizations-api.js';
import { caseFieldErrors, describeRefusal } from './case-problems.js';
import type { CaseDetail } from './cases-api.js';

// The plumbing every form of the case page shares: send one request, show the
// server's field problems beside their fields and its refusal above the form,
// then let the page load the case again.

/** What every section of the case page is given. */
export interface CaseSectionProps {
  detail: CaseDetail;
  organizationName: (organizationId: string) => string;
  /** Every organization, for choosers; empty until the directory arrives. */
  organizations: readonly Organization[];
  /** After a change: the page loads the case again and shows the notice. */
  onChanged: (notice: string) => void;
}

type Failure = { message: string; requestId: string | null };


export interface FieldPlace<Field extends string> {
  errors: FieldErrors<Field>;
  fieldId: (field: Field) => string;
}

export interface CaseFormProps<Field extends string> {
  /** The form's heading; a form without one is named by `label` (a row's own small form). */
  heading?: string;
  label?: string;
  intro?: ReactNode;
  fields: readonly Field[];
  submitLabel: string;
  submitClass?: string;
  /** What the form itself can tell is missing, before asking the server. */
  check?: () => FieldErrors<Field>;
  /** Sends the request (throws on a problem) and resolves with the notice to show once done. */
  send: () => Promise<string>;
  onDone: (notice: string) => void;
  children?: (place: FieldPlace<Field>) => ReactNode;
}

export function CaseForm<Field extends string>({ heading, label, intro, fields, submitLabel, submitClass, check, send, onDone, children }: CaseFormProps<Field>) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  const fieldId = (field: Field): string => `${id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = check?.() ?? {};
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
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
      const byField = caseFieldErrors(error, fields, t);
      const fieldProblems = Object.keys(byField).length > 0;
      setErrors(byField);
      setFailure(fieldProblems ? null : describeRefusal(error, t, (detail) => detail));
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
          title={failure === null ? t('common.errorSummaryTitle') : t('caseView.saveFailed')}
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

export interface ChoiceGroupProps<Value extends string> {
  id: string;
  legend: string;
  options: readonly Value[];
  labelOf: (value: Value) => string;
  chosen: readonly Value[];
  onChange: (chosen: Value[]) => void;
  error?: string | undefined;
  hint?: string;
}

/** Several of a list, as checkboxes in a fieldset, with the fieldset's error. */
export function ChoiceGroup<Value extends string>({ id, legend, options, labelOf, chosen, onChange, error, hint }: ChoiceGroupProps<Value>) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((part) => part !== null).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} className={error === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'} aria-describedby={describedBy === '' ? undefined : describedBy}>
      <legend>{legend}</legend>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error !== undefined && <FieldError id={`${id}-error`} message={error} />}
      <ul className="checkbox-list checkbox-columns">
        {options.map((option) => (
          <li key={option} className="checkbox-field">
            <input
              id={`${id}-${option}`}
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) => {
                const checked = event.target.checked;
                onChange(checked ? [...chosen, option] : chosen.filter((value) => value !== option));
              }}
            />
            <label htmlFor={`${id}-${option}`}>{labelOf(option)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <p className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
    </p>
  );
}

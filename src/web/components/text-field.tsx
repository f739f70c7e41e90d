import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Ids of further text that describes the field, such as a note shared by several fields. */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}

/** What a control inside a FieldFrame must carry so that its hint and error are read with it. */
export interface FieldControlProps {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Ids of further text that describes the field, such as a note shared by several fields. */
  describedBy?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The label, hint and error around one control, tied to it with
 * aria-describedby so that a screen reader reads them when it gets focus.
 */
export function FieldFrame({ id, label, hint, error, describedBy: extraDescription, children }: FieldFrameProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, extraDescription ?? null, error === undefined ? null : errorId].filter(
    (part) => part !== null,
  );
  return (
    <div className={error === undefined ? 'field' : 'field has-error'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error !== undefined && <FieldError id={errorId} message={error} />}
      {children({
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': describedBy.length === 0 ? undefined : describedBy.join(' '),
      })}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function TextField({ id, label, hint, error, describedBy, ref, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} describedBy={describedBy}>
      {(control) => <input {...input} {...control} id={id} ref={ref} className={className} />}
    </FieldFrame>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldError } from './text-field.js';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled select whose hint and error are tied to it with aria-describedby, like TextField. */
export function SelectField({ id, label, hint, error, ref, children, ...select }: SelectFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId].filter((part) => part !== null);
  return (
    <div className={error === undefined ? 'field' : 'field has-error'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error !== undefined && <FieldError id={errorId} message={error} />}
      <select
        {...select}
        id={id}
        ref={ref}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy.length === 0 ? undefined : describedBy.join(' ')}
      >
        {children}
      </select>
    </div>
  );
}

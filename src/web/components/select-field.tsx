import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame } from './text-field.js';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled select with its hint and error, like TextField. */
export function SelectField({ id, label, hint, error, ref, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control} id={id} ref={ref}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './text-field.js';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled textarea with its hint and error, like TextField; other textarea attributes (maxLength...) pass through. */
export function TextAreaField({ id, label, hint, error, rows = 3, value, onChange, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          id={id}
          className="input-wide"
          rows={rows}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

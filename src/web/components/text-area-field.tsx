import { FieldFrame } from './text-field.js';

export interface TextAreaFieldProps {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled textarea with its hint and error, like TextField. */
export function TextAreaField({ id, label, hint, error, rows, value, onChange }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
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

import { RequestForm, type FieldPlace, type ProblemReader, type RequestFormProps } from '../../components/request-form.js';
import { FieldError } from '../../components/text-field.js';
import type { Organization } from '../organizations/organizations-api.js';
import { caseFieldErrors, describeRefusal } from './case-problems.js';
import type { CaseDetail } from './cases-api.js';

// What the case page's forms share: the request form of components/, reading
// a refused step as the referral pathway's rule in words.

/** What every section of the case page is given. */
export interface CaseSectionProps {
  detail: CaseDetail;
  organizationName: (organizationId: string) => string;
  /** Every organization, for choosers; empty until the directory arrives. */
  organizations: readonly Organization[];
  /** After a change: the page loads the case again and shows the notice. */
  onChanged: (notice: string) => void;
}

/** How the case page reads a failed request: its pathway rules' refusals in words. */
const caseProblems: ProblemReader = {
  fieldErrors: caseFieldErrors,
  failure: (error, t) => describeRefusal(error, t, (detail) => detail),
  failedTitle: (t) => t('caseView.saveFailed'),
};

export type { FieldPlace };

export type CaseFormProps<Field extends string> = RequestFormProps<Field>;

export function CaseForm<Field extends string>(props: CaseFormProps<Field>) {
  return <RequestForm problems={caseProblems} {...props} />;
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

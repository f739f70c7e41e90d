import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/permissions.js';
import { pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { FieldError } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useRegions } from './use-region-names.js';

// Which roles the signed-in administrator may grant is the server's rule (src/shared/role-grants.ts), offered here as is.
export { grantableRoles } from '../../../shared/role-grants.js';

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((entry) => entry !== item), item] : list.filter((entry) => entry !== item);
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  children: ReactNode;
}

/**
 * A fieldset whose hint and error are read with its legend. It takes focus
 * (tabIndex -1) when an error summary links to it.
 */
function CheckboxGroup({ id, legend, hint, error, children }: CheckboxGroupProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}
      aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
    >
      <legend>{legend}</legend>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {error !== undefined && <FieldError id={errorId} message={error} />}
      {children}
    </fieldset>
  );
}

export interface RoleCheckboxesProps {
  /** The fieldset's id, and the prefix of the checkbox ids. */
  idPrefix: string;
  available: readonly Role[];
  selected: readonly Role[];
  error: string | undefined;
  onChange: (roles: Role[]) => void;
  /** Roles shown but not changeable by this administrator (a national role the user holds, or every role of one's own account). */
  locked?: readonly Role[];
  /** Why some roles are not offered or are locked; the general hint otherwise. */
  hint?: string;
}

export function RoleCheckboxes({ idPrefix, available, selected, error, onChange, locked = [], hint }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup id={idPrefix} legend={t('userForm.roles')} hint={hint ?? t('userForm.rolesHint')} error={error}>
      <ul className="checkbox-list">
        {available.map((role) => {
          const id = `${idPrefix}-${role}`;
          return (
            <li key={role} className="checkbox-field">
              <input
                id={id}
                type="checkbox"
                checked={selected.includes(role)}
                disabled={locked.includes(role)}
                aria-describedby={`${id}-hint`}
                onChange={(event) => {
                  onChange(toggle(selected, role, event.target.checked));
                }}
              />
              <span className="checkbox-text">
                <label htmlFor={id}>{t(`roles.${role}`)}</label>
                <span id={`${id}-hint`} className="checkbox-hint">
                  {t(`roleHints.${role}`)}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </CheckboxGroup>
  );
}

export interface RegionCheckboxesProps {
  idPrefix: string;
  selected: readonly string[];
  error: string | undefined;
  onChange: (codes: string[]) => void;
  /** The group's name and hint; a user's regions by default. */
  legend?: string;
  hint?: string;
}

/** Regions from the public reference list, sorted by name in the interface language. */
export function RegionCheckboxes({ idPrefix, selected, error, onChange, legend, hint }: RegionCheckboxesProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const query = useRegions();
  return (
    <CheckboxGroup id={idPrefix} legend={legend ?? t('userForm.regions')} hint={hint ?? t('userForm.regionsHint')} error={error}>
      <QueryResult query={query}>
        {(page) => {
          const collator = new Intl.Collator(language);
          const regions = [...page.items].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));
          return (
            <ul className="checkbox-list checkbox-columns">
              {regions.map((region) => {
                const id = `${idPrefix}-${region.code}`;
                return (
                  <li key={region.code} className="checkbox-field">
                    <input
                      id={id}
                      type="checkbox"
                      checked={selected.includes(region.code)}
                      onChange={(event) => {
                        onChange(toggle(selected, region.code, event.target.checked));
                      }}
                    />
                    <label htmlFor={id}>{pickText(region.name, language)}</label>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryResult>
    </CheckboxGroup>
  );
}

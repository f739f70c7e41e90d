import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/field-errors.js';
import { pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { uiLanguages, type UiLanguage } from '../../i18n/ui-languages.js';
import { RegionCheckboxes } from '../users/role-region-fields.js';
import { asksCapacity, type FormMode, type OrganizationDraft, type OrganizationField } from './organization-form.js';
import { isOrganizationKind, organizationKinds, type Organization } from './organizations-api.js';

export interface OrganizationFieldsProps {
  mode: FormMode;
  draft: OrganizationDraft;
  onChange: Dispatch<SetStateAction<OrganizationDraft>>;
  errors: FieldErrors<OrganizationField>;
  fieldId: (field: OrganizationField) => string;
  /** Every organization, for the choice of parent. */
  directory: readonly Organization[];
  /** The organization being changed; null while adding one. */
  saved: Organization | null;
}

/**
 * The fields of an organization, for adding one and for changing one (then
 * without code and kind, which stay). A shelter's address is confidential
 * and is deliberately not among them.
 */
export function OrganizationFields({ mode, draft, onChange, errors, fieldId, directory, saved }: OrganizationFieldsProps) {
  const { t } = useTranslation();
  const set = <Key extends keyof OrganizationDraft>(key: Key, value: OrganizationDraft[Key]) => {
    onChange((previous) => ({ ...previous, [key]: value }));
  };
  const setText = (key: 'name' | 'abbreviation', language: UiLanguage, value: string) => {
    onChange((previous) => ({ ...previous, [key]: { ...previous[key], [language]: value } }));
  };
  const abbreviationNoteId = `${fieldId('abbreviation.ru')}-note`;
  const byAgreementId = fieldId('byAgreement');

  return (
    <>
      {mode === 'create' && (
        <>
          <TextField
            id={fieldId('code')}
            label={t('organizationForm.code')}
            hint={t('organizationForm.codeHint')}
            className="input-short"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            value={draft.code}
            error={errors.code}
            onChange={(event) => {
              set('code', event.target.value);
            }}
          />
          <SelectField
            id={fieldId('kind')}
            label={t('organizationForm.kind')}
            hint={t('organizationForm.kindHint')}
            value={draft.kind}
            error={errors.kind}
            onChange={(event) => {
              const value = event.target.value;
              set('kind', isOrganizationKind(value) ? value : '');
            }}
          >
            <option value="">{t('organizationForm.kindChoose')}</option>
            {organizationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organizationKinds.${kind}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {uiLanguages.map((language) => (
        <TextField
          key={language}
          id={fieldId(`name.${language}`)}
          label={t(`organizationForm.name.${language}`)}
          className="input-wide"
          lang={language}
          autoComplete="off"
          value={draft.name[language]}
          error={errors[`name.${language}`]}
          onChange={(event) => {
            setText('name', language, event.target.value);
          }}
        />
      ))}
      <p id={abbreviationNoteId} className="field-hint">
        {t('organizationForm.abbreviationHint')}
      </p>
      {uiLanguages.map((language) => (
        <TextField
          key={language}
          id={fieldId(`abbreviation.${language}`)}
          label={t(`organizationForm.abbreviation.${language}`)}
          describedBy={abbreviationNoteId}
          lang={language}
          autoComplete="off"
          value={draft.abbreviation[language]}
          error={errors[`abbreviation.${language}`]}
          onChange={(event) => {
            setText('abbreviation', language, event.target.value);
          }}
        />
      ))}
      <div className="field checkbox-field checkbox-with-hint">
        <input
          id={byAgreementId}
          type="checkbox"
          checked={draft.byAgreement}
          aria-describedby={`${byAgreementId}-hint`}
          onChange={(event) => {
            set('byAgreement', event.target.checked);
          }}
        />
        <span className="checkbox-text">
          <label htmlFor={byAgreementId}>{t('organizationForm.byAgreement')}</label>
          <span id={`${byAgreementId}-hint`} className="checkbox-hint">
            {t('organizationForm.byAgreementHint')}
          </span>
        </span>
      </div>
      <ParentSelect
        id={fieldId('parentCode')}
        value={draft.parentCode}
        error={errors.parentCode}
        directory={directory}
        saved={saved}
        onChange={(code) => {
          set('parentCode', code);
        }}
      />
      <RegionCheckboxes
        idPrefix={fieldId('regionCodes')}
        legend={t('organizationForm.regions')}
        hint={t('organizationForm.regionsHint')}
        selected={draft.regionCodes}
        error={errors.regionCodes}
        onChange={(codes) => {
          set('regionCodes', codes);
        }}
      />
      <TextField
        id={fieldId('publicPhone')}
        label={t('organizationForm.publicPhone')}
        hint={t('organizationForm.publicPhoneHint')}
        className="input-short"
        type="tel"
        autoComplete="off"
        value={draft.publicPhone}
        error={errors.publicPhone}
        onChange={(event) => {
          set('publicPhone', event.target.value);
        }}
      />
      {asksCapacity(draft, saved) && (
        <TextField
          id={fieldId('capacity')}
          label={t('organizationForm.capacity')}
          hint={t('organizationForm.capacityHint')}
          className="input-short"
          inputMode="numeric"
          autoComplete="off"
          value={draft.capacity}
          error={errors.capacity}
          onChange={(event) => {
            set('capacity', event.target.value);
          }}
        />
      )}
    </>
  );
}

/** The codes of an organization and of everything under it, which cannot become its parent. */
function selfAndBelow(code: string, directory: readonly Organization[]): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const organization of directory) {
      if (organization.parentCode !== null && found.has(organization.parentCode) && !found.has(organization.code)) {
        found.add(organization.code);
        grew = true;
      }
    }
  }
  return found;
}

interface ParentSelectProps {
  id: string;
  value: string;
  error: string | undefined;
  directory: readonly Organization[];
  saved: Organization | null;
  onChange: (code: string) => void;
}

function ParentSelect({ id, value, error, directory, saved, onChange }: ParentSelectProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const excluded = saved === null ? new Set<string>() : selfAndBelow(saved.code, directory);
  const collator = new Intl.Collator(language);
  const candidates = directory
    .filter((organization) => !excluded.has(organization.code))
    .sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));
  return (
    <SelectField
      id={id}
      label={t('organizationForm.parent')}
      hint={t('organizationForm.parentHint')}
      className="input-wide"
      value={value}
      error={error}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      <option value="">{t('organizationForm.parentNone')}</option>
      {candidates.map((organization) => (
        <option key={organization.code} value={organization.code}>
          {pickText(organization.name, language)} ({organization.code})
        </option>
      ))}
    </SelectField>
  );
}

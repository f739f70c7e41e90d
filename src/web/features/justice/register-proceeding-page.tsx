import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { codeArticleChoiceListSchema, investigatingUnits, proceduralStatuses } from '../../../shared/proceeding.schemas.js';
import { pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { OptionSelect, RegionSelect } from '../cases/intake-fields.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { useSignedInUser } from '../session/session-context.js';
import { useRegionNames } from '../users/use-region-names.js';
import { articleFields, ArticleRows } from './article-rows.js';
import { articleChoicesPath, proceedingLink, registerProceeding } from './justice-api.js';
import { JusticeForm, type FieldPlace } from './justice-form.js';
import { emptyRegisterDraft, emptyVictim, registerRequestOf, victimRowIndexes, type RegisterDraft, type VictimDraft } from './proceeding-form.js';
import { lawEnforcementBodies } from './proceeding-view.js';

const ownFields = ['registerNumber', 'registeredOn', 'registeringOrganizationId', 'investigatingOrganizationId', 'investigatingUnit', 'regionCode', 'victims'] as const;

/** A date the browser's date input accepts fully typed: the articles offered follow the Code in force on it. */
function completeDate(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/u.test(value) ? value : null;
}

/** Registers a proceeding as the Unified Register holds it, with its articles and the victims' cases. */
export function RegisterProceedingPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const registered = useRef<string | null>(null);
  const [draft, setDraft] = useState<RegisterDraft>(() => emptyRegisterDraft(me.organization.id, me.regions.length === 1 ? (me.regions[0] ?? '') : ''));
  const registeredOn = completeDate(draft.registeredOn);
  const articles = useApiQuery(articleChoicesPath(registeredOn), codeArticleChoiceListSchema);
  const choices = articles.status === 'success' ? articles.data.items : [];
  const change = (patch: Partial<RegisterDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };
  const fields = [...ownFields, ...articleFields(draft.articles), ...victimFields(draft.victims)];
  const edition = choices[0]?.edition;
  return (
    <div className="form-page">
      <title>{t('justice.register.documentTitle')}</title>
      <p className="back-link">
        <Link to="/proceedings">{t('justice.backToList')}</Link>
      </p>
      <h1>{t('justice.register.heading')}</h1>
      <p className="lead">{t('justice.register.intro')}</p>
      <JusticeForm
        label={t('justice.register.heading')}
        fields={fields}
        submitLabel={t('justice.register.submit')}
        send={async () => {
          const receipt = await registerProceeding(registerRequestOf(draft));
          registered.current = receipt.id;
          return t('justice.register.done', { number: receipt.registerNumber });
        }}
        onDone={(notice) => {
          if (registered.current !== null) {
            void navigate(proceedingLink(registered.current), { state: { notice } });
          }
        }}
      >
        {(place) => (
          <>
            <TextField
              id={place.fieldId('registerNumber')}
              label={t('justice.register.registerNumber')}
              hint={t('justice.register.registerNumberHint')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.registerNumber}
              error={place.errors.registerNumber}
              onChange={(event) => {
                change({ registerNumber: event.target.value });
              }}
            />
            <TextField
              id={place.fieldId('registeredOn')}
              label={t('justice.register.registeredOn')}
              hint={registeredOn === null || edition === undefined ? t('justice.register.registeredOnHint') : t('justice.register.editionInForce', { edition })}
              type="date"
              value={draft.registeredOn}
              error={place.errors.registeredOn}
              onChange={(event) => {
                change({ registeredOn: event.target.value });
              }}
            />
            <BodyFields draft={draft} place={place} onChange={change} />
            <ArticleRows
              rows={draft.articles}
              choices={choices}
              loading={articles.status === 'loading'}
              place={place}
              onChange={(rows) => {
                change({ articles: rows });
              }}
            />
            <VictimRows
              rows={draft.victims}
              place={place}
              onChange={(rows) => {
                change({ victims: rows });
              }}
            />
          </>
        )}
      </JusticeForm>
    </div>
  );
}

function BodyFields({ draft, place, onChange }: { draft: RegisterDraft; place: FieldPlace<string>; onChange: (patch: Partial<RegisterDraft>) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const regionName = useRegionNames();
  const directory = useOrganizationDirectory();
  const bodies = lawEnforcementBodies(directory.status === 'success' ? directory.data : [], me.organization.id);
  const bodyOptions = (
    <>
      {directory.status === 'loading' && <option value="">{t('common.loading')}</option>}
      {bodies.map((body) => (
        <option key={body.id} value={body.id}>
          {pickText(body.name, language)}
        </option>
      ))}
    </>
  );
  return (
    <>
      <SelectField
        id={place.fieldId('registeringOrganizationId')}
        label={t('justice.register.registeringBody')}
        className="input-wide"
        value={draft.registeringOrganizationId}
        error={place.errors.registeringOrganizationId}
        onChange={(event) => {
          onChange({ registeringOrganizationId: event.target.value });
        }}
      >
        {bodyOptions}
      </SelectField>
      <SelectField
        id={place.fieldId('investigatingOrganizationId')}
        label={t('justice.register.investigatingBody')}
        hint={t('justice.register.bodiesHint')}
        className="input-wide"
        value={draft.investigatingOrganizationId}
        error={place.errors.investigatingOrganizationId}
        onChange={(event) => {
          onChange({ investigatingOrganizationId: event.target.value });
        }}
      >
        {bodyOptions}
      </SelectField>
      <OptionSelect
        id={place.fieldId('investigatingUnit')}
        label={t('justice.register.unit')}
        value={draft.investigatingUnit}
        options={investigatingUnits}
        labelOf={(unit) => t(`justice.units.${unit}`)}
        choose={t('justice.register.unitNone')}
        error={place.errors.investigatingUnit}
        onChange={(investigatingUnit) => {
          onChange({ investigatingUnit });
        }}
      />
      {me.regions.length === 0 ? (
        <RegionSelect
          id={place.fieldId('regionCode')}
          label={t('justice.register.region')}
          value={draft.regionCode}
          error={place.errors.regionCode}
          onChange={(regionCode) => {
            onChange({ regionCode });
          }}
        />
      ) : (
        <SelectField
          id={place.fieldId('regionCode')}
          label={t('justice.register.region')}
          value={draft.regionCode}
          error={place.errors.regionCode}
          onChange={(event) => {
            onChange({ regionCode: event.target.value });
          }}
        >
          {me.regions.length > 1 && <option value="">{t('justice.choose')}</option>}
          {me.regions.map((code) => (
            <option key={code} value={code}>
              {regionName(code)}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/** The request paths a victim row's problems arrive under. */
function victimFields(rows: readonly VictimDraft[]): string[] {
  return victimRowIndexes(rows).flatMap((sent) => (sent === null ? [] : [`victims.${sent}`, `victims.${sent}.caseCode`, `victims.${sent}.proceduralStatus`]));
}

function VictimRows({ rows, place, onChange }: { rows: VictimDraft[]; place: FieldPlace<string>; onChange: (rows: VictimDraft[]) => void }) {
  const { t } = useTranslation();
  const sentIndexes = victimRowIndexes(rows);
  const listError = place.errors.victims;
  const change = (index: number, patch: Partial<VictimDraft>) => {
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  };
  return (
    <fieldset id={place.fieldId('victims')} tabIndex={-1} className={listError === undefined ? 'field-group' : 'field-group has-error'}>
      <legend>{t('justice.register.victims')}</legend>
      <p className="field-hint">{t('justice.register.victimsHint')}</p>
      {listError !== undefined && <p className="field-error">{listError}</p>}
      {rows.map((row, index) => {
        const sent = sentIndexes[index];
        const idOf = (name: string) => (sent === null || sent === undefined ? `${place.fieldId('victims')}-row${index}-${name}` : place.fieldId(`victims.${sent}.${name}`));
        const errorOf = (name: string) => (sent === null || sent === undefined ? undefined : (place.errors[`victims.${sent}.${name}`] ?? (name === 'caseCode' ? place.errors[`victims.${sent}`] : undefined)));
        return (
          <div key={index} className="entry-group" role="group" aria-label={t('justice.register.victimRow', { number: index + 1 })}>
            <TextField
              id={idOf('caseCode')}
              label={t('justice.caseCode')}
              hint={t('justice.caseCodeHint')}
              autoComplete="off"
              value={row.caseCode}
              error={errorOf('caseCode')}
              onChange={(event) => {
                change(index, { caseCode: event.target.value });
              }}
            />
            <OptionSelect
              id={idOf('proceduralStatus')}
              label={t('justice.proceduralStatus')}
              value={row.proceduralStatus}
              options={proceduralStatuses}
              labelOf={(status) => t(`justice.proceduralStatuses.${status}`)}
              error={errorOf('proceduralStatus')}
              onChange={(status) => {
                change(index, { proceduralStatus: status === '' ? 'victim' : status });
              }}
            />
            <p className="form-actions">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  onChange(rows.filter((_, at) => at !== index));
                }}
              >
                {t('justice.register.removeVictim')}
              </button>
            </p>
          </div>
        );
      })}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            onChange([...rows, { ...emptyVictim }]);
          }}
        >
          {t('justice.register.addVictim')}
        </button>
      </p>
    </fieldset>
  );
}

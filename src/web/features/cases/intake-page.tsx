import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { intakeReceiptListSchema, providerListSchema, serviceTypes, sexes, type ServiceType } from '../../../shared/case.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { organizationPageSchema } from '../../../shared/reference.schemas.js';
import { formatDateTimeInKazakhstan, formatList, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { FieldError, TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { CheckboxField, ChoiceGroup } from './case-form-section.js';
import { caseLink, intakeReceiptsPath, recordIntake, referralProvidersPath, type IntakeReceipt, type Provider } from './cases-api.js';
import { CitizenshipFields, MeetingFields, OptionSelect, PagedTable, ProblemsSummary, RegionSelect, useFormProblems } from './intake-fields.js';
import {
  ageBases,
  checkIntakeDraft,
  consentMethods,
  documentHolders,
  documentTypes,
  emptyDocument,
  emptyIntakeDraft,
  emptyName,
  intakeFieldOfPath,
  intakeFields,
  intakeRequestOf,
  nameKinds,
  providersFor,
  type DocumentDraft,
  type IntakeDraft,
  type IntakeField,
  type NameDraft,
} from './intake-form.js';

const recordedPageSize = 20;
const stateBodiesPath = '/api/v1/reference/organizations?kind=state_body&limit=200';

/** A first responder records who they met, without names unless the person gives them, and what the person agreed to. */
export function IntakePage() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<IntakeReceipt | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="form-page">
      <title>{t('cases.intake.documentTitle')}</title>
      <p className="back-link">
        <Link to="/cases">{t('cases.backToWorklists')}</Link>
      </p>
      <h1>{t('cases.intake.heading')}</h1>
      {receipt === null ? (
        <>
          <p className="lead">{t('cases.intake.intro')}</p>
          <IntakeForm key={formKey} onRecorded={setReceipt} />
        </>
      ) : (
        <IntakeReceiptPanel
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setFormKey((key) => key + 1);
          }}
        />
      )}
      {/* A new key after each intake loads the list again, with the new code in it. */}
      <RecordedIntakes key={`${formKey}-${receipt?.id ?? ''}`} />
    </div>
  );
}

function IntakeReceiptPanel({ receipt, onAnother }: { receipt: IntakeReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice notice-success" role="status" aria-labelledby="intake-recorded-heading">
      <h2 id="intake-recorded-heading">{t('cases.intake.recordedHeading')}</h2>
      <p>
        {t('cases.intake.caseCode')} <strong className="case-code">{receipt.code}</strong>
      </p>
      <p>{t('cases.intake.codeHint')}</p>
      {receipt.visibleToYou ? (
        <p>
          <Link to={caseLink(receipt.id)}>{t('cases.intake.openCase')}</Link>
        </p>
      ) : (
        <p>{t('cases.intake.notVisibleToYou')}</p>
      )}
      <p>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('cases.intake.another')}
        </button>
      </p>
    </section>
  );
}

function IntakeForm({ onRecorded }: { onRecorded: (receipt: IntakeReceipt) => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const id = useId();
  const today = todayInKazakhstan();
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyIntakeDraft(today, me.regions));
  const [busy, setBusy] = useState(false);
  const problems = useFormProblems<IntakeField>(intakeFieldOfPath);
  const { errors } = problems;
  const fieldId = (field: IntakeField): string => `${id}-${field}`;
  const change = (part: Partial<IntakeDraft>) => {
    setDraft((previous) => ({ ...previous, ...part }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkIntakeDraft(draft, today, t);
    if (Object.keys(found).length > 0) {
      problems.showErrors(found);
      return;
    }
    setBusy(true);
    try {
      const receipt = await recordIntake(intakeRequestOf(draft));
      problems.clear();
      if (receipt.visibleToYou) {
        void navigate(caseLink(receipt.id));
      } else {
        onRecorded(receipt);
      }
    } catch (error) {
      problems.showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ProblemsSummary problems={problems} fields={intakeFields} fieldId={fieldId} />

      <fieldset className="field-group">
        <legend>{t('cases.intake.meetingHeading')}</legend>
        <MeetingFields
          referralSource={{ id: fieldId('referralSource'), value: draft.referralSource, error: errors.referralSource }}
          meetingContext={{ id: fieldId('meetingContext'), value: draft.meetingContext, error: errors.meetingContext }}
          onChange={change}
        />
        <TextField
          id={fieldId('firstContactDate')}
          label={t('cases.intake.firstContactDate')}
          type="date"
          className="input-short"
          max={today}
          error={errors.firstContactDate}
          value={draft.firstContactDate}
          onChange={(event) => {
            change({ firstContactDate: event.target.value });
          }}
        />
        <RegionSelect
          id={fieldId('regionCode')}
          label={t('cases.intake.region')}
          error={errors.regionCode}
          value={draft.regionCode}
          onChange={(regionCode) => {
            change({ regionCode, referralOrganizationId: '' });
          }}
        />
      </fieldset>

      <fieldset className="field-group">
        <legend>{t('cases.intake.personHeading')}</legend>
        <OptionSelect
          id={fieldId('sex')}
          label={t('cases.intake.sex')}
          error={errors.sex}
          value={draft.sex}
          options={sexes}
          labelOf={(value) => t(`cases.sexes.${value}`)}
          onChange={(sex) => {
            change({ sex: sex === '' ? 'not_disclosed' : sex });
          }}
        />
        <TextField
          id={fieldId('age')}
          label={t('cases.intake.age')}
          hint={t('cases.intake.ageHint')}
          className="input-short"
          inputMode="numeric"
          autoComplete="off"
          error={errors.age}
          value={draft.age}
          onChange={(event) => {
            change({ age: event.target.value });
          }}
        />
        <OptionSelect
          id={fieldId('ageBasis')}
          label={t('cases.intake.ageBasis')}
          error={errors.ageBasis}
          value={draft.ageBasis}
          options={ageBases}
          labelOf={(value) => t(`cases.ageBases.${value}`)}
          onChange={(ageBasis) => {
            change({ ageBasis: ageBasis === '' ? 'unknown' : ageBasis });
          }}
        />
        <CitizenshipFields
          id={id}
          citizenship={draft.citizenship}
          otherCitizenship={draft.otherCitizenship}
          error={errors.otherCitizenship}
          onChange={change}
        />
        <TextAreaField
          id={fieldId('circumstances')}
          label={t('cases.intake.circumstances')}
          hint={t('cases.intake.circumstancesHint')}
          error={errors.circumstances}
          rows={5}
          value={draft.circumstances}
          onChange={(circumstances) => {
            change({ circumstances });
          }}
        />
      </fieldset>

      <fieldset className="field-group">
        <legend>{t('cases.intake.identityHeading')}</legend>
        <p className="field-hint">{t('cases.intake.identityHint')}</p>
        <CheckboxField
          id={`${id}-withIdentity`}
          label={t('cases.intake.withIdentity')}
          checked={draft.withIdentity}
          onChange={(withIdentity) => {
            change({ withIdentity });
          }}
        />
        {draft.withIdentity && <IdentityFields id={id} draft={draft} errors={errors} fieldId={fieldId} onChange={change} />}
      </fieldset>

      <ConsentFields id={id} draft={draft} error={errors.consents} fieldId={fieldId} onChange={change} />

      {/* Choosing a provider is part of referring, which not every role that records an intake may do. */}
      {can(me.roles, 'cases.refer') && (
        <fieldset className="field-group">
          <legend>{t('cases.intake.handOverHeading')}</legend>
          <CheckboxField
            id={`${id}-handOver`}
            label={t('cases.intake.handOver')}
            checked={draft.handOver}
            onChange={(handOver) => {
              change({ handOver });
            }}
          />
          {draft.handOver && <HandOverFields draft={draft} errors={errors} fieldId={fieldId} onChange={change} />}
        </fieldset>
      )}

      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('cases.intake.submit')}
        </button>
      </p>
    </form>
  );
}

interface PartProps {
  draft: IntakeDraft;
  errors: Partial<Record<IntakeField, string>>;
  fieldId: (field: IntakeField) => string;
  onChange: (part: Partial<IntakeDraft>) => void;
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((entry, at) => (at === index ? item : entry));
}

function IdentityFields({ id, draft, errors, fieldId, onChange }: PartProps & { id: string }) {
  const { t } = useTranslation();
  const setName = (index: number, name: NameDraft) => {
    onChange({ names: replaceAt(draft.names, index, name) });
  };
  const setDocument = (index: number, document: DocumentDraft) => {
    onChange({ documents: replaceAt(draft.documents, index, document) });
  };
  return (
    <>
      <fieldset id={fieldId('names')} tabIndex={-1} className={errors.names === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}>
        <legend>{t('cases.intake.names')}</legend>
        <p className="field-hint">{t('cases.intake.namesHint')}</p>
        {errors.names !== undefined && <FieldError id={`${fieldId('names')}-error`} message={errors.names} />}
        {draft.names.map((name, index) => {
          const prefix = `${id}-name-${index}`;
          const number = index + 1;
          return (
            <div key={prefix} className="entry-group" role="group" aria-label={t('cases.intake.nameNumber', { number })}>
              <TextField id={`${prefix}-family`} label={t('cases.intake.familyName')} autoComplete="off" value={name.family} onChange={(event) => { setName(index, { ...name, family: event.target.value }); }} />
              <TextField id={`${prefix}-given`} label={t('cases.intake.givenName')} autoComplete="off" value={name.given} onChange={(event) => { setName(index, { ...name, given: event.target.value }); }} />
              <TextField id={`${prefix}-patronymic`} label={t('cases.intake.patronymic')} autoComplete="off" value={name.patronymic} onChange={(event) => { setName(index, { ...name, patronymic: event.target.value }); }} />
              <OptionSelect id={`${prefix}-kind`} label={t('cases.intake.nameKind')} value={name.kind} options={nameKinds} labelOf={(value) => t(`cases.nameKinds.${value}`)} onChange={(kind) => { setName(index, { ...name, kind: kind === '' ? 'primary' : kind }); }} />
              <OptionSelect id={`${prefix}-basis`} label={t('cases.intake.nameBasis')} value={name.basis} options={['declared', 'documented'] as const} labelOf={(value) => t(`cases.identityBases.${value}`)} onChange={(basis) => { setName(index, { ...name, basis: basis === '' ? 'declared' : basis }); }} />
              {draft.names.length > 1 && (
                <button type="button" className="button button-secondary button-small" onClick={() => { onChange({ names: draft.names.filter((_, at) => at !== index) }); }}>
                  {t('cases.intake.removeName', { number })}
                </button>
              )}
            </div>
          );
        })}
        <p>
          <button type="button" className="button button-secondary" onClick={() => { onChange({ names: [...draft.names, { ...emptyName, kind: 'spelling' }] }); }}>
            {t('cases.intake.addName')}
          </button>
        </p>
      </fieldset>
      <TextField
        id={fieldId('birthDate')}
        label={t('cases.intake.birthDate')}
        hint={t('cases.intake.birthDateHint')}
        className="input-short"
        autoComplete="off"
        error={errors.birthDate}
        value={draft.birthDate}
        onChange={(event) => {
          onChange({ birthDate: event.target.value });
        }}
      />
      <OptionSelect
        id={`${id}-birthDateBasis`}
        label={t('cases.intake.birthDateBasis')}
        value={draft.birthDateBasis}
        options={['declared', 'documented', 'estimated'] as const}
        labelOf={(value) => t(`cases.ageBases.${value}`)}
        onChange={(birthDateBasis) => {
          onChange({ birthDateBasis: birthDateBasis === '' ? 'declared' : birthDateBasis });
        }}
      />
      <fieldset id={fieldId('documents')} tabIndex={-1} className={errors.documents === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}>
        <legend>{t('cases.intake.documents')}</legend>
        <p className="field-hint">{t('cases.intake.documentsHint')}</p>
        {errors.documents !== undefined && <FieldError id={`${fieldId('documents')}-error`} message={errors.documents} />}
        {draft.documents.map((document, index) => {
          const prefix = `${id}-document-${index}`;
          const number = index + 1;
          return (
            <div key={prefix} className="entry-group" role="group" aria-label={t('cases.intake.documentNumber', { number })}>
              <OptionSelect id={`${prefix}-type`} label={t('cases.intake.documentType')} value={document.type} options={documentTypes} labelOf={(value) => t(`cases.documentTypes.${value}`)} onChange={(type) => { setDocument(index, { ...document, type: type === '' ? 'other' : type }); }} />
              <TextField id={`${prefix}-number`} label={t('cases.intake.documentNo')} autoComplete="off" value={document.number} onChange={(event) => { setDocument(index, { ...document, number: event.target.value }); }} />
              <OptionSelect id={`${prefix}-heldBy`} label={t('cases.intake.documentHeldBy')} value={document.heldBy} options={documentHolders} labelOf={(value) => t(`cases.documentHolders.${value}`)} onChange={(heldBy) => { setDocument(index, { ...document, heldBy: heldBy === '' ? 'unknown' : heldBy }); }} />
              <button type="button" className="button button-secondary button-small" onClick={() => { onChange({ documents: draft.documents.filter((_, at) => at !== index) }); }}>
                {t('cases.intake.removeDocument', { number })}
              </button>
            </div>
          );
        })}
        <p>
          <button type="button" className="button button-secondary" onClick={() => { onChange({ documents: [...draft.documents, emptyDocument] }); }}>
            {t('cases.intake.addDocument')}
          </button>
        </p>
      </fieldset>
    </>
  );
}

function ConsentFields({ id, draft, error, fieldId, onChange }: Omit<PartProps, 'errors'> & { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const stateBodies = useApiQuery(stateBodiesPath, organizationPageSchema);
  const bodies = stateBodies.status === 'success' ? stateBodies.data.items : [];
  return (
    <fieldset id={fieldId('consents')} tabIndex={-1} className={error === undefined ? 'field-group' : 'field-group has-error'}>
      <legend>{t('cases.intake.consentsHeading')}</legend>
      <p className="field-hint">{t('cases.intake.consentsHint')}</p>
      {error !== undefined && <FieldError id={`${fieldId('consents')}-error`} message={error} />}
      <CheckboxField id={`${id}-consentProcessing`} label={t('cases.intake.consentProcessing')} checked={draft.consentProcessing} onChange={(consentProcessing) => { onChange({ consentProcessing }); }} />
      <CheckboxField id={`${id}-consentReferral`} label={t('cases.intake.consentReferral')} checked={draft.consentReferral} onChange={(consentReferral) => { onChange({ consentReferral }); }} />
      <CheckboxField id={`${id}-consentPolice`} label={t('cases.intake.consentPolice')} checked={draft.consentPolice} onChange={(consentPolice) => { onChange({ consentPolice }); }} />
      {draft.consentPolice && (
        <SelectField
          id={`${id}-policeOrganization`}
          label={t('cases.intake.policeOrganization')}
          value={draft.policeOrganizationId}
          onChange={(event) => {
            onChange({ policeOrganizationId: event.target.value });
          }}
        >
          <option value="">{t('cases.intake.anyLawEnforcement')}</option>
          {bodies.map((body) => (
            <option key={body.id} value={body.id}>
              {pickText(body.name, language)}
            </option>
          ))}
        </SelectField>
      )}
      {(draft.consentProcessing || draft.consentReferral || draft.consentPolice) && (
        <OptionSelect
          id={`${id}-consentMethod`}
          label={t('cases.intake.consentMethod')}
          value={draft.consentMethod}
          options={consentMethods}
          labelOf={(value) => t(`cases.consentMethods.${value}`)}
          onChange={(consentMethod) => {
            onChange({ consentMethod: consentMethod === '' ? 'oral' : consentMethod });
          }}
        />
      )}
      {!draft.consentPolice && <p className="note">{t('cases.intake.withoutPoliceConsent')}</p>}
    </fieldset>
  );
}

function HandOverFields({ draft, errors, fieldId, onChange }: PartProps) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup<ServiceType>
        id={fieldId('referralServices')}
        legend={t('cases.intake.referralServices')}
        options={serviceTypes}
        labelOf={(value) => t(`cases.serviceTypes.${value}`)}
        chosen={draft.referralServices}
        error={errors.referralServices}
        onChange={(referralServices) => {
          onChange({ referralServices });
        }}
      />
      {draft.regionCode === '' ? (
        <p id={fieldId('referralOrganizationId')} className="note">
          {t('cases.intake.chooseRegionFirst')}
        </p>
      ) : (
        <ProviderChoice
          id={fieldId('referralOrganizationId')}
          regionCode={draft.regionCode}
          services={draft.referralServices}
          chosen={draft.referralOrganizationId}
          error={errors.referralOrganizationId}
          onChange={(referralOrganizationId) => {
            onChange({ referralOrganizationId });
          }}
        />
      )}
      <TextAreaField
        id={fieldId('referralReason')}
        label={t('cases.intake.referralReason')}
        hint={t('cases.intake.referralReasonHint')}
        error={errors.referralReason}
        rows={3}
        value={draft.referralReason}
        onChange={(referralReason) => {
          onChange({ referralReason });
        }}
      />
      <CheckboxField
        id={`${fieldId('referralReason')}-placement`}
        label={t('cases.intake.referralPlacement')}
        checked={draft.referralPlacement}
        onChange={(referralPlacement) => {
          onChange({ referralPlacement });
        }}
      />
    </>
  );
}

interface ProviderChoiceProps {
  id: string;
  regionCode: string;
  services: readonly ServiceType[];
  chosen: string;
  error: string | undefined;
  onChange: (organizationId: string) => void;
}

/** The providers serving the region, with their free places, offering every service asked for. */
function ProviderChoice({ id, regionCode, services, chosen, error, onChange }: ProviderChoiceProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const query = useApiQuery(referralProvidersPath({ regionCode, serviceType: services[0] }), providerListSchema);
  const nameOf = (provider: Provider) => pickText(provider.name, language);
  return (
    <fieldset id={id} tabIndex={-1} className={error === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}>
      <legend>{t('cases.intake.referralOrganization')}</legend>
      {error !== undefined && <FieldError id={`${id}-error`} message={error} />}
      <QueryResult query={query}>
        {(list) => {
          const providers = providersFor(list.items, services, nameOf);
          if (providers.length === 0) {
            return <p>{t('cases.intake.noProviders')}</p>;
          }
          return (
            <ul className="checkbox-list radio-list">
              {providers.map((provider) => {
                const optionId = `${id}-${provider.organizationId}`;
                return (
                  <li key={provider.organizationId} className="checkbox-field checkbox-with-hint">
                    <input
                      id={optionId}
                      type="radio"
                      name={id}
                      checked={chosen === provider.organizationId}
                      aria-describedby={`${optionId}-hint`}
                      onChange={() => {
                        onChange(provider.organizationId);
                      }}
                    />
                    <span className="checkbox-text">
                      <label htmlFor={optionId}>{nameOf(provider)}</label>
                      <span id={`${optionId}-hint`} className="checkbox-hint">
                        {formatList(provider.serviceTypes.map((service) => t(`cases.serviceTypes.${service}`)), language)}
                        {'. '}
                        {provider.capacity === null || provider.free === null
                          ? t('cases.intake.capacityNotKept')
                          : t('cases.intake.freePlaces', { free: provider.free, capacity: provider.capacity })}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryResult>
    </fieldset>
  );
}

/** Cases this organization recorded, by code only: police who may not see a case still find the code they gave out. */
function RecordedIntakes() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <PagedTable
      heading={t('cases.intake.recordedListHeading')}
      caption={t('cases.intake.recordedCaption')}
      none={t('cases.intake.recordedNone')}
      pageSize={recordedPageSize}
      pathOf={intakeReceiptsPath}
      schema={intakeReceiptListSchema}
      columns={[t('cases.colCode'), t('cases.intake.colRecorded')]}
      row={(item) => ({ key: item.code, cells: [<span className="cell-code">{item.code}</span>, formatDateTimeInKazakhstan(item.recordedAt, language)] })}
    />
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { Organization } from '../organizations/organizations-api.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { commissionLink, createCommission } from './commission-api.js';
import { useAction } from './commission-parts.js';
import { commissionRequestOf, type CommissionDraft } from './meeting-form.js';

const fields = ['level', 'akimatCode', 'name', 'establishedOn', 'noticeDays', 'workingBody', 'rotation'] as const;

const emptyDraft: CommissionDraft = {
  level: 'national',
  akimatCode: '',
  name: { ru: '', kk: '', en: '' },
  establishedOn: '',
  noticeDays: '10',
  workingBody: '',
  rotationFirst: '',
  rotationSecond: '',
};

/** Sets up a commission: the national one, or a region's under its akimat, with its first working body. */
export function NewCommissionPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const formId = useId();
  const directory = useOrganizationDirectory();
  const [draft, setDraft] = useState<CommissionDraft>(emptyDraft);
  const action = useAction(fields, (field) => `${formId}-${field === 'name' ? 'name-ru' : field}`);
  const organizations = directory.status === 'success' ? directory.data : [];
  const bodies = organizations.filter((organization) => organization.kind === 'state_body' || organization.kind === 'akimat');
  const akimats = organizations.filter((organization) => organization.kind === 'akimat');
  const change = (patch: Partial<CommissionDraft>) => setDraft({ ...draft, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(
      () => createCommission(commissionRequestOf(draft)),
      (created) => {
        void navigate(commissionLink(created.id));
      },
    );
  };
  const options = (list: readonly Organization[]) =>
    list.map((organization) => (
      <option key={organization.code} value={organization.code}>
        {pickText(organization.name, language)}
      </option>
    ));
  return (
    <div className="form-page">
      <title>{t('commission.newDocumentTitle')}</title>
      <p className="back-link">
        <Link to="/commissions">{t('commission.backToList')}</Link>
      </p>
      <h1>{t('commission.newHeading')}</h1>
      <form onSubmit={submit} noValidate aria-label={t('commission.newHeading')}>
        {action.summary}
        <SelectField id={`${formId}-level`} label={t('commission.level')} value={draft.level} error={action.fieldErrors.level} onChange={(event) => change({ level: event.target.value === 'regional' ? 'regional' : 'national' })}>
          <option value="national">{t('commission.levelNational')}</option>
          <option value="regional">{t('commission.levelRegional')}</option>
        </SelectField>
        {draft.level === 'regional' && (
          <SelectField id={`${formId}-akimatCode`} label={t('commission.akimat')} value={draft.akimatCode} error={action.fieldErrors.akimatCode} onChange={(event) => change({ akimatCode: event.target.value })}>
            <option value="">{t('commission.choose')}</option>
            {options(akimats)}
          </SelectField>
        )}
        {(['ru', 'kk', 'en'] as const).map((nameLanguage) => (
          <TextField
            key={nameLanguage}
            id={`${formId}-name-${nameLanguage}`}
            label={t(`commission.name_${nameLanguage}`)}
            className="input-wide"
            value={draft.name[nameLanguage]}
            error={nameLanguage === 'ru' ? action.fieldErrors.name : undefined}
            onChange={(event) => change({ name: { ...draft.name, [nameLanguage]: event.target.value } })}
          />
        ))}
        <TextField id={`${formId}-establishedOn`} label={t('commission.establishedOn')} type="date" value={draft.establishedOn} error={action.fieldErrors.establishedOn} onChange={(event) => change({ establishedOn: event.target.value })} />
        <TextField id={`${formId}-noticeDays`} label={t('commission.noticeDays')} type="number" min={1} max={90} value={draft.noticeDays} error={action.fieldErrors.noticeDays} onChange={(event) => change({ noticeDays: event.target.value })} />
        <SelectField id={`${formId}-workingBody`} label={t('commission.workingBody')} value={draft.workingBody} error={action.fieldErrors.workingBody} onChange={(event) => change({ workingBody: event.target.value })}>
          <option value="">{t('commission.choose')}</option>
          {options(bodies)}
        </SelectField>
        <fieldset>
          <legend>{t('commission.rotationLegend')}</legend>
          {action.fieldErrors.rotation !== undefined && <p className="field-error">{action.fieldErrors.rotation}</p>}
          <SelectField id={`${formId}-rotation`} label={t('commission.rotationFirst')} value={draft.rotationFirst} onChange={(event) => change({ rotationFirst: event.target.value })}>
            <option value="">{t('commission.noRotation')}</option>
            {options(bodies)}
          </SelectField>
          <SelectField id={`${formId}-rotationSecond`} label={t('commission.rotationSecond')} value={draft.rotationSecond} onChange={(event) => change({ rotationSecond: event.target.value })}>
            <option value="">{t('commission.noRotation')}</option>
            {options(bodies)}
          </SelectField>
        </fieldset>
        <p className="form-actions">
          <button type="submit" className="button" disabled={action.busy}>
            {t('commission.create')}
          </button>
        </p>
      </form>
    </div>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { Organization } from '../organizations/organizations-api.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf, optionalDate } from './case-view.js';
import { updateChildProtection, type ChildProtection } from './cases-api.js';

const guardianKinds = ['none_yet', 'parent', 'guardian', 'legal_representative', 'guardianship_authority'] as const;
const childFields = ['guardianKind', 'guardianOrganizationId', 'bestInterestsAssessedOn', 'bestInterestsSummary', 'placementOrganizationId'] as const;
const placementKinds: readonly Organization['kind'][] = ['shelter', 'crisis_centre', 'state_body', 'akimat', 'ngo'];

/** A child (or a person whose age is uncertain): a guardian, the best interests assessment and where the child lives. */
export function CaseChildSection({ detail, organizationName, organizations, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const protection = detail.childProtection;

  return (
    <section id={caseSectionIds.child} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.child.heading')}</h2>
      <p className="field-hint">{t('caseView.child.intro')}</p>
      {protection === null ? (
        <p>{t('caseView.child.none')}</p>
      ) : (
        <dl className="details">
          <div>
            <dt>{t('caseView.child.guardian')}</dt>
            <dd>
              {t(`caseView.guardianKinds.${protection.guardianKind}`)}
              {protection.guardianOrganizationId !== null && `, ${organizationName(protection.guardianOrganizationId)}`}
            </dd>
          </div>
          <div>
            <dt>{t('caseView.child.bestInterests')}</dt>
            <dd>
              {protection.bestInterestsAssessedOn === null ? t('caseView.notRecorded') : formatDate(protection.bestInterestsAssessedOn, language)}
              {protection.bestInterestsSummary !== null && <p className="preserve-lines">{protection.bestInterestsSummary}</p>}
            </dd>
          </div>
          <div>
            <dt>{t('caseView.child.placement')}</dt>
            <dd>{protection.placementOrganizationId === null ? t('caseView.notRecorded') : organizationName(protection.placementOrganizationId)}</dd>
          </div>
        </dl>
      )}
      {can(me.roles, 'cases.services.manage') && detail.summary.status !== 'closed' && (
        <ChildProtectionForm caseId={detail.summary.id} current={protection} organizations={organizations} onChanged={onChanged} />
      )}
    </section>
  );
}

interface ChildProtectionFormProps {
  caseId: string;
  current: ChildProtection | null;
  organizations: readonly Organization[];
  onChanged: (notice: string) => void;
}

function ChildProtectionForm({ caseId, current, organizations, onChanged }: ChildProtectionFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [guardianKind, setGuardianKind] = useState<(typeof guardianKinds)[number]>(current?.guardianKind ?? 'none_yet');
  const [guardianOrganizationId, setGuardianOrganization] = useState(current?.guardianOrganizationId ?? '');
  const [bestInterestsAssessedOn, setAssessedOn] = useState(current?.bestInterestsAssessedOn ?? '');
  const [bestInterestsSummary, setSummary] = useState(current?.bestInterestsSummary ?? '');
  const [placementOrganizationId, setPlacement] = useState(current?.placementOrganizationId ?? '');
  const collator = new Intl.Collator(language);
  const byName = [...organizations].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));
  const placements = byName.filter((organization) => placementKinds.includes(organization.kind));
  const options = (list: readonly Organization[]) =>
    list.map((organization) => (
      <option key={organization.id} value={organization.id}>
        {pickText(organization.name, language)}
      </option>
    ));

  return (
    <CaseForm
      heading={t('caseView.child.formHeading')}
      fields={childFields}
      submitLabel={t('caseView.child.save')}
      send={async () => {
        await updateChildProtection(caseId, {
          guardianKind,
          guardianOrganizationId: guardianOrganizationId === '' ? null : guardianOrganizationId,
          bestInterestsAssessedOn: optionalDate(bestInterestsAssessedOn),
          bestInterestsSummary: bestInterestsSummary.trim() === '' ? null : bestInterestsSummary,
          placementOrganizationId: placementOrganizationId === '' ? null : placementOrganizationId,
        });
        return t('caseView.child.savedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <SelectField
            id={fieldId('guardianKind')}
            label={t('caseView.child.guardian')}
            error={errors.guardianKind}
            value={guardianKind}
            onChange={(event) => {
              setGuardianKind(oneOf(guardianKinds, event.target.value, 'none_yet'));
            }}
          >
            {guardianKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`caseView.guardianKinds.${kind}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId('guardianOrganizationId')}
            label={t('caseView.child.guardianOrganization')}
            hint={t('caseView.child.guardianOrganizationHint')}
            error={errors.guardianOrganizationId}
            value={guardianOrganizationId}
            onChange={(event) => {
              setGuardianOrganization(event.target.value);
            }}
          >
            <option value="">{t('caseView.notRecorded')}</option>
            {options(byName)}
          </SelectField>
          <TextField
            id={fieldId('bestInterestsAssessedOn')}
            type="date"
            label={t('caseView.child.assessedOn')}
            error={errors.bestInterestsAssessedOn}
            value={bestInterestsAssessedOn}
            onChange={(event) => {
              setAssessedOn(event.target.value);
            }}
          />
          <TextAreaField id={fieldId('bestInterestsSummary')} label={t('caseView.child.summary')} error={errors.bestInterestsSummary} rows={4} value={bestInterestsSummary} onChange={setSummary} />
          <SelectField
            id={fieldId('placementOrganizationId')}
            label={t('caseView.child.placement')}
            error={errors.placementOrganizationId}
            value={placementOrganizationId}
            onChange={(event) => {
              setPlacement(event.target.value);
            }}
          >
            <option value="">{t('caseView.notRecorded')}</option>
            {options(placements)}
          </SelectField>
        </>
      )}
    </CaseForm>
  );
}

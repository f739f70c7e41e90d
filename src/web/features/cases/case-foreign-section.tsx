import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, CheckboxField, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf, optionalDate } from './case-view.js';
import { updateMigrationStatus, type MigrationStatus } from './cases-api.js';

const documentStatuses = ['held', 'missing', 'withheld_by_exploiter', 'with_authorities', 'unknown'] as const;
const returnStatuses = ['none', 'requested', 'with_consulate', 'with_iom', 'completed'] as const;
const migrationFields = [
  'documentsStatus',
  'reflectionDays',
  'stayUntilCourtRuling',
  'nonPunishment',
  'nonPunishmentNote',
  'registrationExtendedUntil',
  'residencePermitUntil',
  'workPermitUntil',
  'returnStatus',
] as const;

/** A foreign or stateless person: documents, the reflection period, the right to stay, non-punishment, permits and return. */
export function CaseForeignSection({ detail, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const status = detail.migration;
  const dateOrNone = (date: string | null) => (date === null ? t('caseView.notRecorded') : formatDate(date, language));

  return (
    <section id={caseSectionIds.foreign} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.foreign.heading')}</h2>
      {status === null ? (
        <p>{t('caseView.foreign.none')}</p>
      ) : (
        <dl className="details">
          <div>
            <dt>{t('caseView.foreign.reflection')}</dt>
            <dd>
              {t('caseView.foreign.reflectionEnds', { date: formatDate(status.reflectionEndsOn, language), days: status.reflectionDays })}{' '}
              <strong>{status.reflectionDaysLeft > 0 ? t('caseView.daysLeft', { days: status.reflectionDaysLeft }) : t('caseView.foreign.reflectionOver')}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.documents')}</dt>
            <dd>{t(`caseView.documentStatus.${status.documentsStatus}`)}</dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.stay')}</dt>
            <dd>{status.stayUntilCourtRuling ? t('common.yes') : t('common.no')}</dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.nonPunishment')}</dt>
            <dd>
              {status.nonPunishment ? t('common.yes') : t('common.no')}
              {status.nonPunishmentNote !== null && <p className="preserve-lines">{status.nonPunishmentNote}</p>}
            </dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.registration')}</dt>
            <dd>{dateOrNone(status.registrationExtendedUntil)}</dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.residencePermit')}</dt>
            <dd>{dateOrNone(status.residencePermitUntil)}</dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.workPermit')}</dt>
            <dd>{dateOrNone(status.workPermitUntil)}</dd>
          </div>
          <div>
            <dt>{t('caseView.foreign.return')}</dt>
            <dd>{t(`caseView.returnStatus.${status.returnStatus}`)}</dd>
          </div>
        </dl>
      )}
      {can(me.roles, 'cases.services.manage') && detail.summary.status !== 'closed' && <MigrationForm caseId={detail.summary.id} current={status} onChanged={onChanged} />}
    </section>
  );
}

function MigrationForm({ caseId, current, onChanged }: { caseId: string; current: MigrationStatus | null; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [documentsStatus, setDocumentsStatus] = useState<(typeof documentStatuses)[number]>(current?.documentsStatus ?? 'unknown');
  const [reflectionDays, setReflectionDays] = useState(String(current?.reflectionDays ?? 30));
  const [stayUntilCourtRuling, setStay] = useState(current?.stayUntilCourtRuling ?? false);
  const [nonPunishment, setNonPunishment] = useState(current?.nonPunishment ?? false);
  const [nonPunishmentNote, setNonPunishmentNote] = useState(current?.nonPunishmentNote ?? '');
  const [registrationExtendedUntil, setRegistration] = useState(current?.registrationExtendedUntil ?? '');
  const [residencePermitUntil, setResidence] = useState(current?.residencePermitUntil ?? '');
  const [workPermitUntil, setWork] = useState(current?.workPermitUntil ?? '');
  const [returnStatus, setReturnStatus] = useState<(typeof returnStatuses)[number]>(current?.returnStatus ?? 'none');

  return (
    <CaseForm
      heading={t('caseView.foreign.formHeading')}
      fields={migrationFields}
      submitLabel={t('caseView.foreign.save')}
      send={async () => {
        const days = Number(reflectionDays);
        await updateMigrationStatus(caseId, {
          documentsStatus,
          // A number the API refuses still goes, so its problem shows beside the field.
          reflectionDays: Number.isFinite(days) && reflectionDays.trim() !== '' ? days : -1,
          stayUntilCourtRuling,
          nonPunishment,
          nonPunishmentNote: nonPunishmentNote.trim() === '' ? null : nonPunishmentNote,
          registrationExtendedUntil: optionalDate(registrationExtendedUntil),
          residencePermitUntil: optionalDate(residencePermitUntil),
          workPermitUntil: optionalDate(workPermitUntil),
          returnStatus,
        });
        return t('caseView.foreign.savedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <SelectField
            id={fieldId('documentsStatus')}
            label={t('caseView.foreign.documents')}
            error={errors.documentsStatus}
            value={documentsStatus}
            onChange={(event) => {
              setDocumentsStatus(oneOf(documentStatuses, event.target.value, 'unknown'));
            }}
          >
            {documentStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`caseView.documentStatus.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={fieldId('reflectionDays')}
            label={t('caseView.foreign.reflectionDays')}
            hint={t('caseView.foreign.reflectionDaysHint')}
            inputMode="numeric"
            className="input-short"
            error={errors.reflectionDays}
            value={reflectionDays}
            onChange={(event) => {
              setReflectionDays(event.target.value);
            }}
          />
          <CheckboxField id={fieldId('stayUntilCourtRuling')} label={t('caseView.foreign.stay')} checked={stayUntilCourtRuling} onChange={setStay} />
          <CheckboxField id={fieldId('nonPunishment')} label={t('caseView.foreign.nonPunishment')} checked={nonPunishment} onChange={setNonPunishment} />
          {nonPunishment && (
            <TextAreaField id={fieldId('nonPunishmentNote')} label={t('caseView.foreign.nonPunishmentNote')} error={errors.nonPunishmentNote} value={nonPunishmentNote} onChange={setNonPunishmentNote} />
          )}
          <TextField id={fieldId('registrationExtendedUntil')} type="date" label={t('caseView.foreign.registration')} error={errors.registrationExtendedUntil} value={registrationExtendedUntil} onChange={(event) => { setRegistration(event.target.value); }} />
          <TextField id={fieldId('residencePermitUntil')} type="date" label={t('caseView.foreign.residencePermit')} error={errors.residencePermitUntil} value={residencePermitUntil} onChange={(event) => { setResidence(event.target.value); }} />
          <TextField id={fieldId('workPermitUntil')} type="date" label={t('caseView.foreign.workPermit')} error={errors.workPermitUntil} value={workPermitUntil} onChange={(event) => { setWork(event.target.value); }} />
          <SelectField
            id={fieldId('returnStatus')}
            label={t('caseView.foreign.return')}
            error={errors.returnStatus}
            value={returnStatus}
            onChange={(event) => {
              setReturnStatus(oneOf(returnStatuses, event.target.value, 'none'));
            }}
          >
            {returnStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`caseView.returnStatus.${option}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </CaseForm>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closureOutcomes, type ClosureOutcome } from '../../../shared/case.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate, formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, CheckboxField, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf, openServices } from './case-view.js';
import { closeCase, recordFollowUp, reopenCase } from './cases-api.js';

const followUpMethods = ['visit', 'phone', 'message', 'office'] as const;

/** Closing the case (with its outcome), the follow-up contacts after it, and reopening when the person comes back. */
export function CaseClosureSection({ detail, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const { status } = detail.summary;
  const caseId = detail.summary.id;

  return (
    <section id={caseSectionIds.closure} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.closure.heading')}</h2>
      {detail.closure !== null && (
        <dl className="details">
          <div>
            <dt>{t('caseView.closure.outcome')}</dt>
            <dd>
              {t(`caseView.closureOutcomes.${detail.closure.outcome}`)}, {formatDateTimeInKazakhstan(detail.closure.closedAt, language)}
              {detail.closure.reason !== null && <p className="preserve-lines">{detail.closure.reason}</p>}
            </dd>
          </div>
        </dl>
      )}
      {detail.followUps.length > 0 && (
        <>
          <h3>{t('caseView.closure.followUps')}</h3>
          <ol className="plain-list">
            {detail.followUps.map((followUp) => (
              <li key={followUp.id} className="case-record">
                <strong>{formatDate(followUp.contactedOn, language)}</strong>, {t(`caseView.followUpMethods.${oneOf(followUpMethods, followUp.method, 'office')}`)}
                <p className="preserve-lines">{followUp.note}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      {status === 'active' && can(me.roles, 'cases.close') && <ClosureForm caseId={caseId} openServiceCount={openServices(detail)} onChanged={onChanged} />}
      {status === 'follow_up' && can(me.roles, 'cases.close') && <FollowUpForm key={detail.followUps.length} caseId={caseId} onChanged={onChanged} />}
      {status !== 'active' && can(me.roles, 'cases.intake') && <ReopenForm caseId={caseId} onChanged={onChanged} />}
    </section>
  );
}

function ClosureForm({ caseId, openServiceCount, onChanged }: { caseId: string; openServiceCount: number; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ClosureOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [followUp, setFollowUp] = useState(true);
  return (
    <CaseForm
      heading={t('caseView.closure.formHeading')}
      intro={openServiceCount > 0 ? <p className="notice notice-warning">{t('caseView.closure.openServices', { services: openServiceCount })}</p> : undefined}
      fields={['outcome', 'reason', 'followUp'] as const}
      submitLabel={t('caseView.closure.close')}
      check={() => (outcome === '' ? { outcome: t('caseView.closure.outcomeMissing') } : {})}
      send={async () => {
        if (outcome === '') {
          throw new Error('checked above');
        }
        await closeCase(caseId, { outcome, ...(reason.trim() === '' ? {} : { reason }), followUp });
        return followUp ? t('caseView.closure.followUpNotice') : t('caseView.closure.closedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <SelectField
            id={fieldId('outcome')}
            label={t('caseView.closure.outcome')}
            error={errors.outcome}
            value={outcome}
            onChange={(event) => {
              setOutcome(oneOf(['', ...closureOutcomes] as const, event.target.value, ''));
            }}
          >
            <option value="">{t('caseView.choose')}</option>
            {closureOutcomes.map((option) => (
              <option key={option} value={option}>
                {t(`caseView.closureOutcomes.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id={fieldId('reason')} label={t('caseView.closure.reason')} hint={t('caseView.closure.reasonHint')} error={errors.reason} value={reason} onChange={setReason} />
          <CheckboxField id={fieldId('followUp')} label={t('caseView.closure.keepFollowUp')} checked={followUp} onChange={setFollowUp} />
        </>
      )}
    </CaseForm>
  );
}

function FollowUpForm({ caseId, onChanged }: { caseId: string; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [contactedOn, setContactedOn] = useState(todayInKazakhstan);
  const [method, setMethod] = useState<(typeof followUpMethods)[number]>('phone');
  const [note, setNote] = useState('');
  const [endFollowUp, setEnd] = useState(false);
  return (
    <CaseForm
      heading={t('caseView.closure.followUpHeading')}
      fields={['contactedOn', 'method', 'note', 'endFollowUp'] as const}
      submitLabel={t('caseView.closure.recordFollowUp')}
      send={async () => {
        await recordFollowUp(caseId, { contactedOn, method, note, endFollowUp });
        return endFollowUp ? t('caseView.closure.closedNotice') : t('caseView.closure.followUpRecordedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <TextField id={fieldId('contactedOn')} type="date" label={t('caseView.closure.contactedOn')} error={errors.contactedOn} value={contactedOn} onChange={(event) => { setContactedOn(event.target.value); }} />
          <SelectField
            id={fieldId('method')}
            label={t('caseView.closure.method')}
            error={errors.method}
            value={method}
            onChange={(event) => {
              setMethod(oneOf(followUpMethods, event.target.value, 'phone'));
            }}
          >
            {followUpMethods.map((option) => (
              <option key={option} value={option}>
                {t(`caseView.followUpMethods.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id={fieldId('note')} label={t('caseView.closure.note')} error={errors.note} value={note} onChange={setNote} />
          <CheckboxField id={fieldId('endFollowUp')} label={t('caseView.closure.endFollowUp')} checked={endFollowUp} onChange={setEnd} />
        </>
      )}
    </CaseForm>
  );
}

function ReopenForm({ caseId, onChanged }: { caseId: string; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [contactDate, setContactDate] = useState(todayInKazakhstan);
  return (
    <CaseForm
      heading={t('caseView.closure.reopenHeading')}
      intro={<p className="field-hint">{t('caseView.closure.reopenIntro')}</p>}
      fields={['reason', 'contactDate'] as const}
      submitLabel={t('caseView.closure.reopen')}
      submitClass="button button-warning"
      send={async () => {
        await reopenCase(caseId, { reason, contactDate });
        return t('caseView.closure.reopenedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <TextAreaField id={fieldId('reason')} label={t('caseView.closure.reopenReason')} error={errors.reason} value={reason} onChange={setReason} />
          <TextField id={fieldId('contactDate')} type="date" label={t('caseView.closure.contactDate')} error={errors.contactDate} value={contactDate} onChange={(event) => { setContactDate(event.target.value); }} />
        </>
      )}
    </CaseForm>
  );
}

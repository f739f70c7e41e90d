import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proceduralStatuses, type LinkedCase, type ProceduralStatus } from '../../../shared/proceeding.schemas.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { OptionSelect } from '../cases/intake-fields.js';
import { linkCase, updateCaseLink } from './justice-api.js';
import { JusticeForm } from './justice-form.js';
import type { ProceedingSectionProps } from './proceeding-page.js';

/**
 * The trafficked persons in the proceeding, by their NRM case. A name shows
 * only where the person agreed to share with this body; otherwise the case
 * code is all the proceeding holds of her.
 */
export function VictimsSection({ detail, manage, onChanged }: ProceedingSectionProps) {
  const { t } = useTranslation();
  return (
    <section id="proceeding-victims" aria-labelledby="proceeding-victims-heading" className="case-section">
      <h2 id="proceeding-victims-heading">{t('justice.victims.heading')}</h2>
      {detail.cases.length === 0 ? (
        <p>{t('justice.victims.none')}</p>
      ) : (
        <ul className="plain-list">
          {detail.cases.map((link) => (
            <li key={link.caseId} className="case-record">
              <LinkedCaseEntry link={link} />
              {manage && <LinkForms proceedingId={detail.summary.id} link={link} onChanged={onChanged} />}
            </li>
          ))}
        </ul>
      )}
      {manage && <AddCaseForm proceedingId={detail.summary.id} onChanged={onChanged} />}
    </section>
  );
}

/** One person in the proceeding: a list entry rather than a table row, so that it reads on a phone too. */
function LinkedCaseEntry({ link }: { link: LinkedCase }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <div>
        <dt>{t('justice.caseCode')}</dt>
        <dd className="case-code">{link.caseCode}</dd>
      </div>
      <div>
        <dt>{t('justice.victims.person')}</dt>
        <dd>{link.identity === null ? <span className="cell-note">{t('justice.victims.identityWithheld')}</span> : (link.identity.displayName ?? t('justice.victims.nameNotRecorded'))}</dd>
      </div>
      <div>
        <dt>{t('justice.proceduralStatus')}</dt>
        <dd>{t(`justice.proceduralStatuses.${link.proceduralStatus}`)}</dd>
      </div>
      {link.nonPunishmentReview !== null && (
        <div>
          <dt>{t('justice.victims.nonPunishment')}</dt>
          <dd>
            <span className={link.nonPunishmentReview === 'pending' ? 'case-badge case-badge-attention' : undefined}>{t(`justice.victims.reviews.${link.nonPunishmentReview}`)}</span>
            {link.nonPunishmentNote !== null && <span className="cell-note"> — {link.nonPunishmentNote}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

function LinkForms({ proceedingId, link, onChanged }: { proceedingId: string; link: LinkedCase; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ProceduralStatus>(link.proceduralStatus);
  const [review, setReview] = useState<'applied' | 'not_applicable' | ''>('');
  const [note, setNote] = useState('');
  const suspected = link.proceduralStatus === 'suspect' || link.proceduralStatus === 'accused';
  return (
    <details open={link.nonPunishmentReview === 'pending'}>
      <summary>{t('justice.victims.changeLink', { code: link.caseCode })}</summary>
      {suspected && (
        <JusticeForm
          heading={t('justice.victims.reviewHeading', { code: link.caseCode })}
          intro={<p className="field-hint">{t('justice.victims.reviewIntro')}</p>}
          fields={['nonPunishmentReview', 'nonPunishmentNote'] as const}
          submitLabel={t('justice.victims.recordReview')}
          check={() => (review === '' ? { nonPunishmentReview: t('justice.fieldErrors.choose') } : {})}
          send={async () => {
            await updateCaseLink(proceedingId, link.caseId, {
              ...(review === '' ? {} : { nonPunishmentReview: review }),
              ...(note.trim() === '' ? {} : { nonPunishmentNote: note.trim() }),
            });
            return t('justice.victims.reviewRecorded', { code: link.caseCode });
          }}
          onDone={onChanged}
        >
          {(place) => (
            <>
              <OptionSelect
                id={place.fieldId('nonPunishmentReview')}
                label={t('justice.victims.review')}
                value={review}
                options={['applied', 'not_applicable'] as const}
                labelOf={(value) => t(`justice.victims.reviews.${value}`)}
                choose={t('justice.choose')}
                error={place.errors.nonPunishmentReview}
                onChange={setReview}
              />
              <TextAreaField id={place.fieldId('nonPunishmentNote')} label={t('justice.victims.reviewNote')} maxLength={2000} value={note} error={place.errors.nonPunishmentNote} onChange={setNote} />
            </>
          )}
        </JusticeForm>
      )}
      <JusticeForm
        label={t('justice.victims.statusFormLabel', { code: link.caseCode })}
        fields={['proceduralStatus'] as const}
        submitLabel={t('justice.victims.changeStatus')}
        submitClass="button button-secondary"
        send={async () => {
          await updateCaseLink(proceedingId, link.caseId, { proceduralStatus: status });
          return t('justice.victims.statusChanged', { code: link.caseCode, status: t(`justice.proceduralStatuses.${status}`) });
        }}
        onDone={onChanged}
      >
        {(place) => (
          <OptionSelect
            id={place.fieldId('proceduralStatus')}
            label={t('justice.proceduralStatus')}
            hint={t('justice.victims.statusHint')}
            value={status}
            options={proceduralStatuses}
            labelOf={(value) => t(`justice.proceduralStatuses.${value}`)}
            error={place.errors.proceduralStatus}
            onChange={(value) => {
              setStatus(value === '' ? link.proceduralStatus : value);
            }}
          />
        )}
      </JusticeForm>
    </details>
  );
}

function AddCaseForm({ proceedingId, onChanged }: { proceedingId: string; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [caseCode, setCaseCode] = useState('');
  const [status, setStatus] = useState<ProceduralStatus>('victim');
  return (
    <JusticeForm
      heading={t('justice.victims.addHeading')}
      fields={['caseCode', 'proceduralStatus'] as const}
      submitLabel={t('justice.victims.add')}
      submitClass="button button-secondary"
      check={() => (caseCode.trim() === '' ? { caseCode: t('justice.fieldErrors.caseCode') } : {})}
      send={async () => {
        const link = await linkCase(proceedingId, { caseCode: caseCode.trim().toUpperCase(), proceduralStatus: status });
        return t('justice.victims.added', { code: link.caseCode });
      }}
      onDone={(notice) => {
        setCaseCode('');
        setStatus('victim');
        onChanged(notice);
      }}
    >
      {(place) => (
        <div className="filter-grid">
          <TextField
            id={place.fieldId('caseCode')}
            label={t('justice.caseCode')}
            hint={t('justice.caseCodeHint')}
            autoComplete="off"
            value={caseCode}
            error={place.errors.caseCode}
            onChange={(event) => {
              setCaseCode(event.target.value);
            }}
          />
          <OptionSelect
            id={place.fieldId('proceduralStatus')}
            label={t('justice.proceduralStatus')}
            value={status}
            options={proceduralStatuses}
            labelOf={(value) => t(`justice.proceduralStatuses.${value}`)}
            error={place.errors.proceduralStatus}
            onChange={(value) => {
              setStatus(value === '' ? 'victim' : value);
            }}
          />
        </div>
      )}
    </JusticeForm>
  );
}

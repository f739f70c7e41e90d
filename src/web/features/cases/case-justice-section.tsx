import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseProceedingListSchema,
  compensationDecisions,
  monthlyCalculationIndexListSchema,
  type CaseProceeding,
  type CaseProceedingList,
  type CivilClaim,
  type FundCompensation,
  type Protection,
} from '../../../shared/case-justice.schemas.js';
import { formatDate, formatList, pickText } from '../../components/formatting.js';
import { LoadingMessage, ProblemMessage } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useApiQuery, type ApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { caseProceedingsPath, monthlyCalculationIndicesPath, recordCivilClaim, recordFundCompensation, updateCivilClaim, updateFundCompensation } from './case-justice-api.js';
import { facesCharges, formatMci, formatTenge, outcomeCounts, qualificationPath, restateJusticeRefusal } from './case-justice-view.js';
import { CaseForm, type CaseSectionProps, type FieldPlace } from './case-form-section.js';
import { caseSectionIds, oneOf } from './case-view.js';
import {
  checkCivilClaimDraft,
  checkFundCompensationDraft,
  civilClaimDraftOf,
  civilClaimFields,
  civilClaimRequestOf,
  emptyCivilClaimDraft,
  emptyFundCompensationDraft,
  fundCompensationDraftOf,
  fundCompensationFields,
  fundCompensationRequestOf,
  tengePreview,
  type CivilClaimDraft,
  type CivilClaimField,
  type FundCompensationDraft,
} from './compensation-form.js';

/**
 * The proceedings loaded again after the section's own change, keeping the
 * ones shown meanwhile, so the page does not jump while it reloads.
 */
function useCaseProceedings(caseId: string): { query: ApiQuery<CaseProceedingList>; shown: CaseProceedingList | null } {
  const query = useApiQuery(caseProceedingsPath(caseId), caseProceedingListSchema);
  const [last, setLast] = useState<CaseProceedingList | null>(null);
  if (query.status === 'success' && query.data !== last) {
    setLast(query.data);
  }
  return { query, shown: query.status === 'success' ? query.data : query.status === 'loading' ? last : null };
}

/**
 * The criminal proceedings the person's case is linked to, as her case worker
 * may follow them (stage, articles, outcome, protection, compensation; never
 * the investigative file), and the compensation forms. A case without any
 * stays one quiet line: the pathway's next step comes first.
 */
export function CaseJusticeSection({ detail, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const caseId = detail.summary.id;
  const { query, shown } = useCaseProceedings(caseId);
  const records = can(me.roles, 'cases.compensation.record');

  const changed = (notice: string) => {
    query.retry();
    onChanged(notice);
  };

  return (
    <section id={caseSectionIds.justice} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseJustice.title')}</h2>
      {shown === null ? (
        query.status === 'error' ? <ProblemMessage error={query.error} onRetry={query.retry} /> : <LoadingMessage />
      ) : (
        <>
          {shown.items.length === 0 && shown.fundCompensations.length === 0 && <p>{t('caseJustice.none')}</p>}
          {shown.items.map((proceeding) => (
            <ProceedingRecord key={proceeding.proceedingId} caseId={caseId} proceeding={proceeding} records={records} onChanged={changed} />
          ))}
          {shown.fundCompensations.length > 0 && <FundCompensations caseId={caseId} list={shown} records={records} onChanged={changed} />}
          {records && <CompensationForms caseId={caseId} list={shown} onChanged={changed} />}
        </>
      )}
    </section>
  );
}

interface RecordProps {
  caseId: string;
  records: boolean;
  onChanged: (notice: string) => void;
}

function ProceedingRecord({ caseId, proceeding, records, onChanged }: RecordProps & { proceeding: CaseProceeding }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const qualification = qualificationPath(proceeding, language);
  const body = pickText(proceeding.investigatingBody.abbreviation, language);

  return (
    <article aria-labelledby={headingId} className="case-record">
      <h3 id={headingId}>{t('caseJustice.proceedingHeading', { number: proceeding.registerNumber })}</h3>
      {facesCharges(proceeding) && <NonPunishmentNotice proceeding={proceeding} />}
      <dl className="details">
        <div>
          <dt>{t('caseJustice.stage')}</dt>
          <dd>{t('caseJustice.stageSince', { stage: t(`justice.stages.${proceeding.stage}`), date: formatDate(proceeding.stageSince, language) })}</dd>
        </div>
        <div>
          <dt>{t('caseJustice.articles', { editions: qualification.editions.join(', ') })}</dt>
          <dd>
            {qualification.now === null ? qualification.registered : t('caseJustice.requalified', { registered: qualification.registered, now: qualification.now })}
            {qualification.now !== null && (
              <p className="cell-note">
                {t('caseJustice.requalifiedOn', { date: formatDate(proceeding.qualifiedOn, language), phase: t(`caseJustice.phases.${proceeding.qualificationPhase}`) })}
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('caseJustice.outcome')}</dt>
          <dd>{proceeding.outcome === null ? t('caseJustice.noVerdict') : <Outcome outcome={proceeding.outcome} />}</dd>
        </div>
        <div>
          <dt>{t('caseJustice.proceduralStatus')}</dt>
          <dd>{t(`justice.proceduralStatuses.${proceeding.proceduralStatus}`)}</dd>
        </div>
        <div>
          <dt>{t('caseJustice.registered')}</dt>
          <dd>{formatDate(proceeding.registeredOn, language)}</dd>
        </div>
        <div>
          <dt>{t('caseJustice.investigatingBody')}</dt>
          <dd>
            <abbr title={pickText(proceeding.investigatingBody.name, language)}>{body}</abbr>
            {proceeding.investigatingUnit !== null && <>, {t(`justice.units.${proceeding.investigatingUnit}`)}</>}
            <p className="cell-note">{pickText(proceeding.region.name, language)}</p>
          </dd>
        </div>
        <div>
          <dt>{t('caseJustice.protection')}</dt>
          <dd>{proceeding.protections.length === 0 ? t('caseJustice.protectionNone') : proceeding.protections.map((protection) => <ProtectionLine key={protection.id} protection={protection} />)}</dd>
        </div>
        <div>
          <dt>{t('caseJustice.claim.heading')}</dt>
          <dd>
            {proceeding.civilClaims.length === 0
              ? t('caseJustice.claim.none')
              : proceeding.civilClaims.map((claim) => <CivilClaimLine key={claim.id} caseId={caseId} claim={claim} proceedings={[proceeding]} records={records} onChanged={onChanged} />)}
          </dd>
        </div>
      </dl>
      <details>
        <summary>{t('caseJustice.stageHistory')}</summary>
        <ol>
          {proceeding.stages.map((step, index) => (
            <li key={`${step.stage}-${index}`}>
              {t('caseJustice.stageOn', { stage: t(`justice.stages.${step.stage}`), date: formatDate(step.occurredOn, language) })}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}

/** A victim suspected or accused of what she was made to do: the worker should know before anything else in the record. */
function NonPunishmentNotice({ proceeding }: { proceeding: CaseProceeding }) {
  const { t } = useTranslation();
  const review = proceeding.nonPunishmentReview ?? 'pending';
  return (
    <p className={review === 'pending' ? 'notice notice-warning' : 'notice'}>
      <strong>{t('caseJustice.nonPunishment')}</strong> {t(`caseJustice.nonPunishmentReviews.${review}`)}
    </p>
  );
}

function Outcome({ outcome }: { outcome: NonNullable<CaseProceeding['outcome']> }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const counts = outcomeCounts(outcome).map(({ outcome: kind, count }) => t(`caseJustice.outcomes.${kind}`, { count }));
  const sentences = outcome.sentences.filter((sentence) => sentence.count > 0).map((sentence) => t('caseJustice.sentenceCount', { kind: t(`caseJustice.sentences.${sentence.kind}`), count: sentence.count }));
  return (
    <>
      {t('caseJustice.verdict', { outcomes: formatList(counts, language), date: formatDate(outcome.lastDecidedOn, language) })}
      {outcome.convictionArticles.length > 0 && (
        <p className="cell-note">{t('caseJustice.convictedUnder', { articles: outcome.convictionArticles.map((article) => article.ref[language]).join(', ') })}</p>
      )}
      {sentences.length > 0 && <p className="cell-note">{formatList(sentences, language)}</p>}
      {outcome.confiscations > 0 && <p className="cell-note">{t('caseJustice.confiscations', { count: outcome.confiscations })}</p>}
    </>
  );
}

function ProtectionLine({ protection }: { protection: Protection }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const measures = formatList(
    protection.measures.map((measure) => t(`caseJustice.measures.${measure}`)),
    language,
  );
  return (
    <p>
      {protection.decision === 'granted'
        ? t('caseJustice.protectionGranted', { date: protection.decidedOn === null ? '—' : formatDate(protection.decidedOn, language) })
        : protection.decision === 'refused'
          ? t('caseJustice.protectionRefused', { date: protection.decidedOn === null ? '—' : formatDate(protection.decidedOn, language) })
          : t('caseJustice.protectionRequested', { date: formatDate(protection.requestedOn, language) })}
      {protection.decision === 'granted' && measures !== '' && <>: {measures}</>}
      {protection.startsOn !== null && (
        <span className="cell-note">
          {' '}
          {protection.endsOn === null
            ? t('caseJustice.protectionFrom', { date: formatDate(protection.startsOn, language) })
            : t('caseJustice.protectionPeriod', { from: formatDate(protection.startsOn, language), to: formatDate(protection.endsOn, language) })}
        </span>
      )}
    </p>
  );
}

function CivilClaimLine({ caseId, claim, proceedings, records, onChanged }: RecordProps & { claim: CivilClaim; proceedings: readonly CaseProceeding[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const money = (amount: number) => formatTenge(amount, language);
  const parts = [
    t('caseJustice.claim.claimed', { amount: money(claim.claimedTenge), date: formatDate(claim.claimedOn, language) }),
    ...(claim.awardedTenge === null ? [] : [t('caseJustice.claim.awarded', { amount: money(claim.awardedTenge) })]),
    ...(claim.paidTenge === null ? [] : [t('caseJustice.claim.paid', { amount: money(claim.paidTenge) })]),
  ];
  return (
    <div>
      <p>{parts.join('; ')}</p>
      {records && (
        <details key={claim.updatedAt}>
          <summary>{t('caseJustice.claim.change')}</summary>
          <CivilClaimForm caseId={caseId} claim={claim} proceedings={proceedings} onChanged={onChanged} />
        </details>
      )}
    </div>
  );
}

function FundCompensations({ caseId, list, records, onChanged }: RecordProps & { list: CaseProceedingList }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('caseJustice.fund.heading')}</h3>
      <ul className="plain-list">
        {list.fundCompensations.map((compensation) => (
          <li key={compensation.id} className="case-record">
            <FundCompensationLine compensation={compensation} />
            {records && (
              <details key={compensation.updatedAt}>
                <summary>{t('caseJustice.fund.change')}</summary>
                <FundCompensationForm caseId={caseId} compensation={compensation} proceedings={list.items} onChanged={onChanged} />
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FundCompensationLine({ compensation }: { compensation: FundCompensation }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const date = (value: string | null) => (value === null ? '—' : formatDate(value, language));
  return (
    <>
      <p>
        <strong>{t(`caseJustice.fund.decisions.${compensation.decision}`)}</strong>
        {compensation.decidedOn !== null && <>, {date(compensation.decidedOn)}</>}
        {compensation.amountMci !== null && compensation.amountTenge !== null && (
          <>: {t('caseJustice.fund.amount', { mci: formatMci(compensation.amountMci, language), tenge: formatTenge(compensation.amountTenge, language) })}</>
        )}
        {compensation.paidOn !== null && <>. {t('caseJustice.fund.paidOnShort', { date: date(compensation.paidOn) })}</>}
      </p>
      <p className="cell-note">
        {[
          t('caseJustice.fund.appliedOnShort', { date: date(compensation.appliedOn) }),
          compensation.registerNumber === null ? null : t('caseJustice.fund.inProceeding', { number: compensation.registerNumber }),
          compensation.mciYear === null || compensation.mciValueTenge === null ? null : t('caseJustice.fund.mciOfYear', { year: compensation.mciYear, value: formatTenge(compensation.mciValueTenge, language) }),
        ]
          .filter((part) => part !== null)
          .join('; ')}
      </p>
      {compensation.refusalReason !== null && <p className="preserve-lines">{compensation.refusalReason}</p>}
    </>
  );
}

/** New records, behind a line each: most visits to a case are not about compensation. */
function CompensationForms({ caseId, list, onChanged }: Omit<RecordProps, 'records'> & { list: CaseProceedingList }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Keyed by what they add to: once a record is saved the disclosure closes, empty, under the new record. */}
      <details key={`fund-${list.fundCompensations.length}`} className="case-record">
        <summary>{t('caseJustice.fund.record')}</summary>
        <FundCompensationForm caseId={caseId} compensation={null} proceedings={list.items} onChanged={onChanged} />
      </details>
      {list.items.length > 0 && (
        <details key={`claims-${list.items.reduce((sum, proceeding) => sum + proceeding.civilClaims.length, 0)}`} className="case-record">
          <summary>{t('caseJustice.claim.record')}</summary>
          <CivilClaimForm caseId={caseId} claim={null} proceedings={list.items} onChanged={onChanged} />
        </details>
      )}
    </>
  );
}

function ProceedingChoice({ id, label, error, proceedings, value, optional, onChange }: { id: string; label: string; error: string | undefined; proceedings: readonly CaseProceeding[]; value: string; optional: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={label}
      error={error}
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      <option value="">{optional ? t('caseJustice.fund.noProceeding') : t('caseView.choose')}</option>
      {proceedings.map((proceeding) => (
        <option key={proceeding.proceedingId} value={proceeding.proceedingId}>
          {t('caseJustice.proceedingHeading', { number: proceeding.registerNumber })}
        </option>
      ))}
    </SelectField>
  );
}

function FundCompensationForm({ caseId, compensation, proceedings, onChanged }: { caseId: string; compensation: FundCompensation | null; proceedings: readonly CaseProceeding[]; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const indices = useApiQuery(monthlyCalculationIndicesPath, monthlyCalculationIndexListSchema);
  const [draft, setDraft] = useState<FundCompensationDraft>(() =>
    compensation === null ? emptyFundCompensationDraft(proceedings.map((proceeding) => proceeding.proceedingId)) : fundCompensationDraftOf(compensation),
  );
  const set = (change: Partial<FundCompensationDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };
  const preview = tengePreview(draft.amountMci, draft.decidedOn, indices.status === 'success' ? indices.data.items : null);
  const granted = draft.decision === 'granted';

  return (
    <CaseForm
      label={compensation === null ? t('caseJustice.fund.record') : t('caseJustice.fund.change')}
      intro={<p className="field-hint">{t('caseJustice.fund.intro')}</p>}
      fields={fundCompensationFields}
      submitLabel={compensation === null ? t('caseJustice.fund.submit') : t('caseJustice.save')}
      check={() => checkFundCompensationDraft(draft, t)}
      send={async () => {
        const request = fundCompensationRequestOf(draft);
        try {
          if (compensation === null) {
            await recordFundCompensation(caseId, request);
          } else {
            await updateFundCompensation(caseId, compensation.id, request);
          }
        } catch (error) {
          throw restateJusticeRefusal(error, t);
        }
        return t(`caseJustice.fund.savedNotice.${draft.decision}`);
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          {proceedings.length > 0 && (
            <ProceedingChoice
              id={fieldId('proceedingId')}
              label={t('caseJustice.fund.proceeding')}
              error={errors.proceedingId}
              proceedings={proceedings}
              value={draft.proceedingId}
              optional
              onChange={(proceedingId) => {
                set({ proceedingId });
              }}
            />
          )}
          <TextField id={fieldId('appliedOn')} type="date" label={t('caseJustice.fund.appliedOn')} error={errors.appliedOn} value={draft.appliedOn} onChange={(event) => { set({ appliedOn: event.target.value }); }} />
          <SelectField
            id={fieldId('decision')}
            label={t('caseJustice.fund.decision')}
            error={errors.decision}
            value={draft.decision}
            onChange={(event) => {
              set({ decision: oneOf(compensationDecisions, event.target.value, 'pending') });
            }}
          >
            {compensationDecisions.map((decision) => (
              <option key={decision} value={decision}>
                {t(`caseJustice.fund.decisions.${decision}`)}
              </option>
            ))}
          </SelectField>
          {draft.decision !== 'pending' && (
            <TextField id={fieldId('decidedOn')} type="date" label={t('caseJustice.fund.decidedOn')} error={errors.decidedOn} value={draft.decidedOn} onChange={(event) => { set({ decidedOn: event.target.value }); }} />
          )}
          {granted && (
            <>
              <TextField
                id={fieldId('amountMci')}
                label={t('caseJustice.fund.amountMci')}
                hint={t('caseJustice.fund.amountMciHint')}
                describedBy={`${fieldId('amountMci')}-tenge`}
                inputMode="decimal"
                className="input-short"
                error={errors.amountMci}
                value={draft.amountMci}
                onChange={(event) => {
                  set({ amountMci: event.target.value });
                }}
              />
              <p id={`${fieldId('amountMci')}-tenge`} className="field-hint" aria-live="polite">
                {preview.kind === 'amount'
                  ? t('caseJustice.fund.preview', { tenge: formatTenge(preview.tenge, language), year: preview.year, value: formatTenge(preview.valueTenge, language) })
                  : preview.kind === 'unknown_year'
                    ? t('caseJustice.fund.previewUnknownYear', { year: preview.year })
                    : ''}
              </p>
              <TextField id={fieldId('paidOn')} type="date" label={t('caseJustice.fund.paidOn')} hint={t('caseJustice.fund.paidOnHint')} error={errors.paidOn} value={draft.paidOn} onChange={(event) => { set({ paidOn: event.target.value }); }} />
            </>
          )}
          {draft.decision === 'refused' && (
            <TextAreaField id={fieldId('refusalReason')} label={t('caseJustice.fund.refusalReason')} error={errors.refusalReason} value={draft.refusalReason} onChange={(refusalReason) => { set({ refusalReason }); }} />
          )}
        </>
      )}
    </CaseForm>
  );
}

function CivilClaimForm({ caseId, claim, proceedings, onChanged }: { caseId: string; claim: CivilClaim | null; proceedings: readonly CaseProceeding[]; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CivilClaimDraft>(() => (claim === null ? emptyCivilClaimDraft(proceedings.map((proceeding) => proceeding.proceedingId)) : civilClaimDraftOf(claim)));
  const set = (change: Partial<CivilClaimDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };
  // Each amount of the claim beside its date: the court's and the bailiff's steps, as they stand.
  const amountField = (field: 'claimedTenge' | 'awardedTenge' | 'paidTenge', dateField: 'claimedOn' | 'awardedOn' | 'paidOn', place: FieldPlace<CivilClaimField>) => (
    <div className="entry-group">
      <TextField id={place.fieldId(field)} label={t(`caseJustice.claim.${field}`)} inputMode="numeric" error={place.errors[field]} value={draft[field]} onChange={(event) => { set({ [field]: event.target.value }); }} />
      <TextField id={place.fieldId(dateField)} type="date" label={t(`caseJustice.claim.${dateField}`)} error={place.errors[dateField]} value={draft[dateField]} onChange={(event) => { set({ [dateField]: event.target.value }); }} />
    </div>
  );

  return (
    <CaseForm
      label={claim === null ? t('caseJustice.claim.record') : t('caseJustice.claim.change')}
      intro={<p className="field-hint">{t('caseJustice.claim.intro')}</p>}
      fields={civilClaimFields}
      submitLabel={claim === null ? t('caseJustice.claim.submit') : t('caseJustice.save')}
      check={() => checkCivilClaimDraft(draft, t)}
      send={async () => {
        const request = civilClaimRequestOf(draft);
        try {
          if (claim === null) {
            await recordCivilClaim(caseId, request);
          } else {
            await updateCivilClaim(caseId, claim.id, request);
          }
        } catch (error) {
          throw restateJusticeRefusal(error, t);
        }
        return t('caseJustice.claim.savedNotice');
      }}
      onDone={onChanged}
    >
      {(place) => (
        <>
          {proceedings.length > 1 && (
            <ProceedingChoice
              id={place.fieldId('proceedingId')}
              label={t('caseJustice.claim.proceeding')}
              error={place.errors.proceedingId}
              proceedings={proceedings}
              value={draft.proceedingId}
              optional={false}
              onChange={(proceedingId) => {
                set({ proceedingId });
              }}
            />
          )}
          {amountField('claimedTenge', 'claimedOn', place)}
          {amountField('awardedTenge', 'awardedOn', place)}
          {amountField('paidTenge', 'paidOn', place)}
        </>
      )}
    </CaseForm>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { referralListSchema } from '../../../shared/case.schemas.js';
import { formatDate, formatDateTimeInKazakhstan, formatList } from '../../components/formatting.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { FieldError, TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { caseLink, incomingReferralsPath, respondToReferral, type Referral, type ReferralStatus } from './cases-api.js';
import { OptionSelect, ProblemsSummary, useFormProblems } from './intake-fields.js';
import {
  checkResponseDraft,
  emptyResponseDraft,
  referralResponseFields,
  referralResponseOf,
  type ReferralResponseDraft,
  type ReferralResponseField,
} from './referral-response-form.js';
import { useOrganizationNamesById } from './use-organization-names-by-id.js';

const pageSize = 20;
// A provider that declines loses sight of the case, so its declined referrals are not listed to it.
type ShownStatus = Extract<ReferralStatus, 'pending' | 'accepted'>;
const shownStatuses: readonly ShownStatus[] = ['pending', 'accepted'];

function statusOf(value: string | null): ShownStatus {
  return shownStatuses.find((status) => status === value) ?? 'pending';
}

/** Referrals to my organization: each pending one is accepted (with the placement dates for a bed) or declined with a reason. */
export function IncomingReferralsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const offset = offsetParam(params.get('offset'));
  const query = useApiQuery(incomingReferralsPath(status, pageSize, offset), referralListSchema);
  const [notice, setNotice] = useState<string | null>(null);
  const go = (nextStatus: ShownStatus, nextOffset: number) => {
    setParams({ ...(nextStatus === 'pending' ? {} : { status: nextStatus }), ...(nextOffset > 0 ? { offset: String(nextOffset) } : {}) });
  };

  return (
    <>
      <title>{t('referrals.incoming.documentTitle')}</title>
      <h1>{t('referrals.incoming.heading')}</h1>
      <p className="lead">{t('referrals.incoming.intro')}</p>
      <form className="filters" noValidate aria-label={t('referrals.incoming.filtersLabel')} onSubmit={(event) => { event.preventDefault(); }}>
        <div className="filter-grid">
          <OptionSelect
            id="incoming-status"
            label={t('referrals.incoming.status')}
            value={status}
            options={shownStatuses}
            labelOf={(value) => t(`referrals.statuses.${value}`)}
            onChange={(value) => {
              setNotice(null);
              go(value === '' ? 'pending' : value, 0);
            }}
          />
        </div>
      </form>
      {notice !== null && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      <QueryResult query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t(`referrals.incoming.none.${status}`)}</p>
          ) : (
            <>
              <ul className="plain-list referral-list">
                {list.items.map((referral) => (
                  <li key={referral.id}>
                    <ReferralCard
                      referral={referral}
                      onAnswered={(message) => {
                        setNotice(message);
                        query.retry();
                      }}
                    />
                  </li>
                ))}
              </ul>
              <Pagination offset={offset} limit={pageSize} total={list.total} onGo={(next) => { go(status, next); }} />
            </>
          )
        }
      </QueryResult>
    </>
  );
}

function ReferralCard({ referral, onAnswered }: { referral: Referral; onAnswered: (notice: string) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const organizationName = useOrganizationNamesById();
  const id = useId();
  const headingId = `${id}-heading`;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referrals.incoming.referralHeading', { code: referral.caseCode })}</h2>
      <dl className="details">
        <div>
          <dt>{t('referrals.colFrom')}</dt>
          <dd>{organizationName(referral.fromOrganizationId)}</dd>
        </div>
        <div>
          <dt>{t('referrals.colRequested')}</dt>
          <dd>{formatDateTimeInKazakhstan(referral.requestedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('referrals.colServices')}</dt>
          <dd>{formatList(referral.serviceTypes.map((service) => t(`cases.serviceTypes.${service}`)), language)}</dd>
        </div>
        <div>
          <dt>{t('referrals.placement')}</dt>
          <dd>{referral.placement ? t('referrals.placementRequested') : t('referrals.placementNotRequested')}</dd>
        </div>
        <div>
          <dt>{t('referrals.incoming.statusLabel')}</dt>
          <dd>{t(`referrals.statuses.${referral.status}`)}</dd>
        </div>
        {referral.placementFrom !== null && (
          <div>
            <dt>{t('referrals.incoming.placementDates')}</dt>
            <dd>
              {formatDate(referral.placementFrom, language)}
              {referral.placementTo === null ? '' : ` – ${formatDate(referral.placementTo, language)}`}
            </dd>
          </div>
        )}
      </dl>
      <p className="preserve-lines">
        <strong>{t('referrals.reason')}:</strong> {referral.reason}
      </p>
      {referral.consentOverridden && <p className="notice notice-warning">{t('referrals.consentOverridden')}</p>}
      {referral.declineReason !== null && (
        <p className="preserve-lines">
          <strong>{t('referrals.incoming.declineReason')}:</strong> {referral.declineReason}
        </p>
      )}
      <p>
        <Link to={caseLink(referral.caseId)}>{t('referrals.incoming.openCase', { code: referral.caseCode })}</Link>
      </p>
      {referral.status === 'pending' && <ResponseForm referral={referral} onAnswered={onAnswered} />}
    </article>
  );
}

function responseFieldOf(path: string): ReferralResponseField | null {
  const name = path.split('.')[1];
  return referralResponseFields.find((field) => field === name) ?? null;
}

function ResponseForm({ referral, onAnswered }: { referral: Referral; onAnswered: (notice: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ReferralResponseDraft>(emptyResponseDraft);
  const [busy, setBusy] = useState(false);
  const problems = useFormProblems<ReferralResponseField>(responseFieldOf);
  const fieldId = (field: ReferralResponseField) => `${id}-${field}`;
  const { errors } = problems;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkResponseDraft(draft, referral.placement, t);
    if (Object.keys(found).length > 0) {
      problems.showErrors(found);
      return;
    }
    setBusy(true);
    try {
      const answered = await respondToReferral(referral.id, referralResponseOf(draft, referral.placement));
      onAnswered(
        answered.status === 'accepted'
          ? t('referrals.incoming.accepted', { code: answered.caseCode })
          : t('referrals.incoming.declined', { code: answered.caseCode }),
      );
    } catch (error) {
      problems.showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate aria-label={t('referrals.incoming.answerLabel', { code: referral.caseCode })} onSubmit={(event) => void submit(event)}>
      <ProblemsSummary problems={problems} fields={referralResponseFields} fieldId={fieldId} />
      <fieldset id={fieldId('decision')} tabIndex={-1} className={errors.decision === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}>
        <legend>{t('referrals.incoming.decision')}</legend>
        {errors.decision !== undefined && <FieldError id={`${fieldId('decision')}-error`} message={errors.decision} />}
        <ul className="checkbox-list radio-list">
          {(['accept', 'decline'] as const).map((decision) => (
            <li key={decision} className="checkbox-field">
              <input
                id={`${fieldId('decision')}-${decision}`}
                type="radio"
                name={fieldId('decision')}
                checked={draft.decision === decision}
                onChange={() => {
                  setDraft({ ...draft, decision });
                }}
              />
              <label htmlFor={`${fieldId('decision')}-${decision}`}>{t(`referrals.incoming.${decision}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {draft.decision === 'accept' && referral.placement && (
        <>
          <TextField
            id={fieldId('placementFrom')}
            label={t('referrals.incoming.placementFrom')}
            type="date"
            className="input-short"
            error={errors.placementFrom}
            value={draft.placementFrom}
            onChange={(event) => {
              setDraft({ ...draft, placementFrom: event.target.value });
            }}
          />
          <TextField
            id={fieldId('placementTo')}
            label={t('referrals.incoming.placementTo')}
            type="date"
            className="input-short"
            error={errors.placementTo}
            value={draft.placementTo}
            onChange={(event) => {
              setDraft({ ...draft, placementTo: event.target.value });
            }}
          />
        </>
      )}
      {draft.decision === 'decline' && (
        <TextAreaField
          id={fieldId('reason')}
          label={t('referrals.incoming.reason')}
          hint={t('referrals.incoming.reasonHint')}
          error={errors.reason}
          rows={3}
          value={draft.reason}
          onChange={(reason) => {
            setDraft({ ...draft, reason });
          }}
        />
      )}
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('referrals.incoming.send')}
        </button>
      </p>
    </form>
  );
}

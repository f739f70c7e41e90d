import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { formatDate, formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { describeError } from '../../components/query-result.js';
import { FieldError, FieldFrame, TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { formatPeriod } from './period-label.js';
import {
  acceptPlanReport,
  returnPlanReport,
  savePlanReport,
  workStatuses,
  type Obligation,
  type PlanReport,
  type PlanSummary,
} from './plans-api.js';
import {
  checkReportDraft,
  draftOfReport,
  emptyReportDraft,
  indicatorFields,
  reportFieldErrors,
  reportFields,
  reportRequestOf,
  type IndicatorField,
  type ReportDraft,
  type ReportField,
} from './report-form.js';
import { ReportAttachments } from './report-attachments.js';
import { useOrganizationNames } from './use-organization-names.js';
import { coordinatesPlan } from './use-plan.js';

/** Which report: one body's, on one measure, for one period. */
export type ReportTarget = Pick<Obligation, 'measure' | 'organizationCode' | 'periodLabel' | 'periodStart' | 'periodEnd' | 'dueDate'>;

export interface ReportScreenProps {
  plan: PlanSummary;
  target: ReportTarget;
  /** Null while the body has written nothing. */
  initialReport: PlanReport | null;
}

type Failure = { message: string; requestId: string | null } | null;

/**
 * One report: the body writes it until it is submitted; the coordinating body
 * then returns it for revision or accepts it. Its history is kept.
 */
export function ReportScreen({ plan, target, initialReport }: ReportScreenProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const organizationName = useOrganizationNames(useOrganizationDirectory());
  const [report, setReport] = useState(initialReport);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice !== null) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  const status = report?.status ?? 'missing';
  const own = target.organizationCode === me.organization.code && can(me.roles, 'plan_reports.submit');
  const editable = own && (status === 'missing' || status === 'draft' || status === 'returned');
  const reviewable = report !== null && status === 'submitted' && coordinatesPlan(me, plan);
  const period = formatPeriod(target, t, language);
  const body = organizationName(target.organizationCode);
  const heading = t('planReport.heading', { measure: target.measure, period });
  const returnReasonHeadingId = useId();

  const changed = (next: PlanReport, message: string) => {
    setReport(next);
    setNotice(message);
  };

  return (
    <div className="form-page">
      <title>{t('planReport.documentTitle', { measure: target.measure, period, body })}</title>
      <p className="back-link">
        <Link to={`/plans/${plan.id}`}>{t('planReport.backToPlan')}</Link>
      </p>
      <h1>{heading}</h1>
      <dl className="details">
        <div>
          <dt>{t('planReport.plan')}</dt>
          <dd>{plan.title}</dd>
        </div>
        <div>
          <dt>{t('plan.colBody')}</dt>
          <dd>{body}</dd>
        </div>
        <div>
          <dt>{t('plan.colPeriod')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('plan.colDueDate')}</dt>
          <dd>{formatDate(target.dueDate, language)}</dd>
        </div>
        <div>
          <dt>{t('plan.colStatus')}</dt>
          <dd>
            {t(`planReportStatus.${status}`)}
            {report?.late === true && <strong className="late-mark"> {t('plan.late')}</strong>}
          </dd>
        </div>
      </dl>

      <p role="status" tabIndex={-1} ref={noticeRef} className={notice === null ? undefined : 'notice notice-success'}>
        {notice}
      </p>

      {report !== null && status === 'returned' && report.returnReason !== null && (
        <section className="notice notice-warning" aria-labelledby={returnReasonHeadingId}>
          <h2 id={returnReasonHeadingId}>{t('planReport.returnedHeading')}</h2>
          <p className="preserve-lines">{report.returnReason}</p>
        </section>
      )}

      {editable ? (
        <ReportForm
          key={report?.id ?? 'new'}
          target={target}
          planId={plan.id}
          initial={report === null ? emptyReportDraft : draftOfReport(report)}
          onSaved={(saved, submitted) => {
            changed(saved, submitted ? t('planReport.submittedNotice') : t('planReport.savedNotice'));
          }}
        />
      ) : report === null ? (
        <p>{t('planReport.nothingYet')}</p>
      ) : (
        <ReportContent report={report} />
      )}

      {(editable || report !== null) && (
        <ReportAttachments
          reportId={report?.id ?? null}
          attachments={report?.attachments ?? []}
          changeable={editable}
          onChange={(attachments) => {
            setReport((current) => (current === null ? current : { ...current, attachments }));
          }}
        />
      )}

      {reviewable && (
        <ReviewPanel
          report={report}
          onReviewed={(reviewed) => {
            changed(reviewed, reviewed.status === 'accepted' ? t('planReport.acceptedNotice') : t('planReport.returnedNotice'));
          }}
        />
      )}

      {report !== null && report.steps.length > 0 && <ReportHistory report={report} />}
    </div>
  );
}

function useFocusOnRequest(): [RefObject<HTMLDivElement | null>, () => void] {
  const ref = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(false);
  useEffect(() => {
    if (focus) {
      ref.current?.focus();
      setFocus(false);
    }
  }, [focus]);
  return [
    ref,
    () => {
      setFocus(true);
    },
  ];
}

interface ReportFormProps {
  planId: string;
  target: ReportTarget;
  initial: ReportDraft;
  onSaved: (report: PlanReport, submitted: boolean) => void;
}

function ReportForm({ planId, target, initial, onSaved }: ReportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<ReportField>>({});
  const [failure, setFailure] = useState<Failure>(null);
  const [summaryRef, focusSummary] = useFocusOnRequest();

  const fieldId = (field: ReportField): string => `${id}-${field}`;
  const setIndicator = (field: IndicatorField, value: string) => {
    setDraft((previous) => ({ ...previous, indicators: { ...previous.indicators, [field]: value } }));
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const submit = submitter instanceof HTMLButtonElement && submitter.value === 'submit';
    const missing = checkReportDraft(draft, t);
    if (hasFieldErrors(missing)) {
      setErrors(missing);
      setFailure(null);
      focusSummary();
      return;
    }
    setBusy(true);
    try {
      const saved = await savePlanReport(planId, reportRequestOf(draft, target, submit));
      setErrors({});
      setFailure(null);
      onSaved(saved, submit);
    } catch (error) {
      const byField = reportFieldErrors(error, t);
      setErrors(byField);
      setFailure(hasFieldErrors(byField) ? null : describeError(error, t));
      focusSummary();
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = reportFields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });
  const workStatusError = errors.workStatus;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('planReport.formHeading')}</h2>
      <form noValidate onSubmit={(event) => void save(event)}>
        {(summaryItems.length > 0 || failure !== null) && (
          <ErrorSummary
            ref={summaryRef}
            title={failure === null ? t('common.errorSummaryTitle') : t('planReport.saveFailed')}
            items={summaryItems}
            message={failure?.message ?? null}
            requestId={failure?.requestId ?? null}
            requestIdLabel={t('common.requestId')}
          />
        )}
        <fieldset
          id={fieldId('workStatus')}
          tabIndex={-1}
          className={workStatusError === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}
          aria-describedby={workStatusError === undefined ? undefined : `${fieldId('workStatus')}-error`}
        >
          <legend>{t('planReport.workStatus')}</legend>
          {workStatusError !== undefined && <FieldError id={`${fieldId('workStatus')}-error`} message={workStatusError} />}
          <ul className="checkbox-list radio-list">
            {workStatuses.map((workStatus) => {
              const optionId = `${fieldId('workStatus')}-${workStatus}`;
              return (
                <li key={workStatus} className="checkbox-field">
                  <input
                    id={optionId}
                    type="radio"
                    name={fieldId('workStatus')}
                    value={workStatus}
                    checked={draft.workStatus === workStatus}
                    onChange={() => {
                      setDraft((previous) => ({ ...previous, workStatus }));
                    }}
                  />
                  <label htmlFor={optionId}>{t(`planWorkStatus.${workStatus}`)}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <TextArea
          id={fieldId('narrative')}
          label={t('planReport.narrative')}
          hint={t('planReport.narrativeHint')}
          error={errors.narrative}
          rows={8}
          value={draft.narrative}
          onChange={(value) => {
            setDraft((previous) => ({ ...previous, narrative: value }));
          }}
        />
        {draft.workStatus === 'cannot_be_done' && (
          <TextArea
            id={fieldId('cannotReason')}
            label={t('planReport.cannotReason')}
            error={errors.cannotReason}
            rows={4}
            value={draft.cannotReason}
            onChange={(value) => {
              setDraft((previous) => ({ ...previous, cannotReason: value }));
            }}
          />
        )}
        <fieldset className="field checkbox-group" aria-describedby={`${id}-indicators-hint`}>
          <legend>{t('planReport.indicators')}</legend>
          <p id={`${id}-indicators-hint`} className="field-hint">
            {t('planReport.indicatorsHint')}
          </p>
          {indicatorFields.map((field) => (
            <TextField
              key={field}
              id={fieldId(field)}
              label={t(`planIndicators.${field}`)}
              className="input-short"
              inputMode={field === 'moneySpentThousandsKzt' ? 'decimal' : 'numeric'}
              autoComplete="off"
              error={errors[field]}
              value={draft.indicators[field]}
              onChange={(event) => {
                setIndicator(field, event.target.value);
              }}
            />
          ))}
        </fieldset>
        <p className="field-hint">{t('planReport.submitHint')}</p>
        <p className="form-actions">
          <button type="submit" name="intent" value="draft" className="button button-secondary" disabled={busy}>
            {t('planReport.saveDraft')}
          </button>
          <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
            {t('planReport.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}

interface TextAreaProps {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled textarea with its hint and error, like TextField. */
function TextArea({ id, label, hint, error, rows, value, onChange }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          id={id}
          className="input-wide"
          rows={rows}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

function ReportContent({ report }: { report: PlanReport }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const number = new Intl.NumberFormat(language);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('planReport.contentHeading')}</h2>
      <dl className="details">
        <div>
          <dt>{t('planReport.workStatus')}</dt>
          <dd>{t(`planWorkStatus.${report.workStatus}`)}</dd>
        </div>
        <div>
          <dt>{t('planReport.narrative')}</dt>
          <dd className="preserve-lines">{report.narrative}</dd>
        </div>
        {report.cannotReason !== null && (
          <div>
            <dt>{t('planReport.cannotReason')}</dt>
            <dd className="preserve-lines">{report.cannotReason}</dd>
          </div>
        )}
        {indicatorFields.map((field) => {
          const value = report.indicators[field];
          return (
            <div key={field}>
              <dt>{t(`planIndicators.${field}`)}</dt>
              <dd>{value === null ? <span className="cell-note">{t('planReport.notRecorded')}</span> : number.format(value)}</dd>
            </div>
          );
        })}
        {report.submittedAt !== null && (
          <div>
            <dt>{t('planReport.submittedAt')}</dt>
            <dd>{formatDateTimeInKazakhstan(report.submittedAt, language)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

const minReasonLength = 5;
const maxReasonLength = 2_000;

function ReviewPanel({ report, onReviewed }: { report: PlanReport; onReviewed: (report: PlanReport) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const reasonId = `${id}-reason`;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const [summaryRef, focusSummary] = useFocusOnRequest();

  const decide = async (decision: () => Promise<PlanReport>) => {
    setBusy(true);
    try {
      onReviewed(await decision());
    } catch (error) {
      setFailure(describeError(error, t));
      focusSummary();
    } finally {
      setBusy(false);
    }
  };

  const returnForRevision = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem =
      trimmed === ''
        ? t('planReport.returnReasonMissing')
        : trimmed.length < minReasonLength
          ? t('planReport.returnReasonTooShort', { min: minReasonLength })
          : trimmed.length > maxReasonLength
            ? t('planReport.textTooLong', { max: maxReasonLength })
            : undefined;
    setReasonError(problem);
    setFailure(null);
    if (problem !== undefined) {
      focusSummary();
      return;
    }
    await decide(() => returnPlanReport(report.id, trimmed));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('planReport.reviewHeading')}</h2>
      <p className="field-hint">{t('planReport.reviewHint')}</p>
      {(reasonError !== undefined || failure !== null) && (
        <ErrorSummary
          ref={summaryRef}
          title={failure === null ? t('common.errorSummaryTitle') : t('planReport.reviewFailed')}
          items={reasonError === undefined ? [] : [{ fieldId: reasonId, message: reasonError }]}
          message={failure?.message ?? null}
          requestId={failure?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
        />
      )}
      <p className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setReasonError(undefined);
            void decide(() => acceptPlanReport(report.id));
          }}
        >
          {t('planReport.accept')}
        </button>
      </p>
      <form noValidate onSubmit={(event) => void returnForRevision(event)}>
        <TextArea
          id={reasonId}
          label={t('planReport.returnReason')}
          hint={t('planReport.returnReasonHint')}
          error={reasonError}
          rows={4}
          value={reason}
          onChange={setReason}
        />
        <p className="form-actions">
          <button type="submit" className="button button-warning" disabled={busy}>
            {t('planReport.return')}
          </button>
        </p>
      </form>
    </section>
  );
}

function ReportHistory({ report }: { report: PlanReport }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('planReport.historyHeading')}</h2>
      <ol className="steps">
        {report.steps.map((step, index) => (
          <li key={`${step.takenAt}-${index}`}>
            <strong>{t(`planReportSteps.${step.step}`)}</strong>, <time dateTime={step.takenAt}>{formatDateTimeInKazakhstan(step.takenAt, language)}</time>
            {step.note !== null && <p className="preserve-lines">{step.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

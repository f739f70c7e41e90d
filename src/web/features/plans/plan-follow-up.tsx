import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { planMeasureListSchema } from '../../../shared/plan.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { TextField } from '../../components/text-field.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { DocumentDownloads, DocumentLanguageField, useDocumentLanguage, type DocumentFormat } from './consolidated-report-links.js';
import { nextPlanDraftOf, nextPlanProblems, nextPlanRequestOf, type NextPlanField } from './next-plan-form.js';
import { confirmPlan, planPath, removeDraftMeasure, seedNextPlan, type PlanSummary } from './plans-api.js';
import { translateFieldMessage } from '../../components/field-errors.js';

type Failure = { message: string; requestId: string | null } | null;

/** Whether the user manages this plan: a coordinator of the body that coordinates it. */
function managesPlan(me: ReturnType<typeof useSignedInUser>, plan: PlanSummary): boolean {
  return plan.coordinatorCode === me.organization.code && can(me.roles, 'plans.manage');
}

/** A draft seeded from the last plan: its coordinator edits it and confirms it; nobody reports on it before. */
export function DraftPlanNotice({ plan, onConfirmed, organizationName }: { plan: PlanSummary; onConfirmed: () => void; organizationName: (code: string) => string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await confirmPlan(plan.id);
      onConfirmed();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="notice notice-warning" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('planFollowUp.draftHeading')}</h2>
      <p>{t('planFollowUp.draftIntro')}</p>
      {failure !== null && <ErrorSummary title={t('planFollowUp.failed')} message={failure.message} requestId={failure.requestId} requestIdLabel={t('common.requestId')} />}
      <DraftMeasures plan={plan} organizationName={organizationName} />
      {managesPlan(me, plan) && (
        <p className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
            {t('planFollowUp.confirm')}
          </button>
        </p>
      )}
    </section>
  );
}

type MeasureList = z.infer<typeof planMeasureListSchema>;

/** The measures a draft carries over; its coordinator drops those the next plan will not have. */
export function DraftMeasures({ plan, organizationName }: { plan: PlanSummary; organizationName: (code: string) => string }) {
  const language = useUiLanguage();
  const query = useApiQuery(`${planPath(plan.id)}/measures?language=${language === 'en' ? 'en' : 'ru'}`, planMeasureListSchema);
  return <QueryResult query={query}>{(list) => <DraftMeasureTable plan={plan} initial={list} organizationName={organizationName} />}</QueryResult>;
}

function DraftMeasureTable({ plan, initial, organizationName }: { plan: PlanSummary; initial: MeasureList; organizationName: (code: string) => string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const captionId = useId();
  const [measures, setMeasures] = useState(initial.items);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const manages = managesPlan(me, plan);
  const remove = async (number: number) => {
    setBusy(true);
    setFailure(null);
    try {
      setMeasures((await removeDraftMeasure(plan.id, number)).items);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  if (measures.length === 0) {
    return <p>{t('planFollowUp.noMeasures')}</p>;
  }
  return (
    <>
      {failure !== null && <ErrorSummary title={t('planFollowUp.failed')} message={failure.message} requestId={failure.requestId} requestIdLabel={t('common.requestId')} />}
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('planFollowUp.measuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.colMeasure')}</th>
              <th scope="col">{t('planFollowUp.colBodies')}</th>
              <th scope="col">{t('planFollowUp.colDeadline')}</th>
              {manages && <th scope="col">{t('plan.colAction')}</th>}
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => (
              <tr key={measure.number}>
                <th scope="row">
                  {measure.number}. {measure.action}
                </th>
                <td>{measure.bodies.map((body) => organizationName(body.organizationCode)).join('; ')}</td>
                <td>{measure.deadline ?? measure.deadlineText}</td>
                {manages && (
                  <td>
                    <button type="button" className="button button-secondary" disabled={busy} onClick={() => void remove(measure.number)}>
                      {t('planFollowUp.removeMeasure')}
                      <span className="visually-hidden"> {measure.number}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}

/** The end-of-plan assessment to download, and the draft of the next plan it seeds. */
export function PlanAssessmentPanel({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const id = useId();
  const [language, setLanguage] = useDocumentLanguage();
  const href = (format: DocumentFormat) => `${planPath(plan.id)}/assessment/document?format=${format}&language=${language}`;
  return (
    <section className="filters" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('planFollowUp.assessmentHeading')}</h2>
      <p>{t('planFollowUp.assessmentIntro')}</p>
      <div className="filter-grid">
        <DocumentLanguageField id={`${id}-language`} value={language} onChange={setLanguage} />
      </div>
      <DocumentDownloads href={href} />
      {plan.status === 'in_force' && managesPlan(me, plan) && <NextPlanForm plan={plan} />}
    </section>
  );
}

function NextPlanForm({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState(() => nextPlanDraftOf(plan));
  const [errors, setErrors] = useState<Partial<Record<NextPlanField, string>>>({});
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (field: NextPlanField) => `${id}-${field}`;
  const fields: NextPlanField[] = ['title', 'periodFromYear', 'periodToYear'];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = nextPlanProblems(draft, plan);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(`planFollowUp.problem.${problem}`)])));
    setFailure(null);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const seeded = await seedNextPlan(plan.id, nextPlanRequestOf(draft));
      void navigate(`/plans/${seeded.id}`);
    } catch (error) {
      const refused = error instanceof ApiProblem ? (error.problem.errors ?? []) : [];
      const byField = Object.fromEntries(
        refused.flatMap((problem) => {
          const field = fields.find((candidate) => problem.field === `body.${candidate}`);
          return field === undefined ? [] : [[field, translateFieldMessage(problem, t)]];
        }),
      );
      setErrors(byField);
      setFailure(Object.keys(byField).length === 0 ? describeError(error, t) : null);
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('planFollowUp.nextHeading')}</h3>
      <p className="field-hint">{t('planFollowUp.nextIntro')}</p>
      {(summaryItems.length > 0 || failure !== null) && (
        <ErrorSummary
          title={failure === null ? t('common.errorSummaryTitle') : t('planFollowUp.failed')}
          items={summaryItems}
          message={failure?.message ?? null}
          requestId={failure?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
        />
      )}
      <TextField
        id={fieldId('title')}
        label={t('planFollowUp.nextTitle')}
        className="input-wide"
        error={errors.title}
        value={draft.title}
        onChange={(event) => {
          setDraft((previous) => ({ ...previous, title: event.target.value }));
        }}
      />
      <div className="filter-grid">
        {(['periodFromYear', 'periodToYear'] as const).map((field) => (
          <TextField
            key={field}
            id={fieldId(field)}
            label={t(`planFollowUp.${field}`)}
            className="input-short"
            inputMode="numeric"
            error={errors[field]}
            value={draft[field]}
            onChange={(event) => {
              setDraft((previous) => ({ ...previous, [field]: event.target.value }));
            }}
          />
        ))}
      </div>
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('planFollowUp.nextSubmit')}
        </button>
      </p>
    </form>
  );
}

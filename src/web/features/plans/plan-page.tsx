import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { obligationListSchema, planCalendarSchema } from '../../../shared/plan.schemas.js';
import { formatDate } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { useSignedInUser } from '../session/session-context.js';
import {
  noObligationFilters,
  obligationFiltersFromParams,
  obligationFiltersToParams,
  obligationsPath,
  type ObligationFilters,
} from './obligation-filters.js';
import { formatPeriod } from './period-label.js';
import { PlanNotFound } from './plan-not-found.js';
import { obligationStatuses, ownReportLink, reportLink, type Obligation, type PlanSummary } from './plans-api.js';
import { useOrganizationNames } from './use-organization-names.js';
import { ConsolidatedReportLinks } from './consolidated-report-links.js';
import { DraftPlanNotice, PlanAssessmentPanel } from './plan-follow-up.js';
import { PlanReminders } from './plan-reminders.js';
import { coordinatesPlan, usePlan } from './use-plan.js';

/** A plan's reports as one body owes them, or, for the coordinating body, as every body does. */
export function PlanPage() {
  const { planId = '' } = useParams();
  // Another plan (the next one, just drafted) loads the list afresh.
  return <PlanById key={planId} planId={planId} />;
}

function PlanById({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  return <QueryResult query={plan}>{(found) => (found === null ? <PlanNotFound /> : <PlanObligations plan={found} onChanged={plan.retry} />)}</QueryResult>;
}

function PlanObligations({ plan, onChanged }: { plan: PlanSummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const coordinating = coordinatesPlan(me, plan);
  const fromAddress = obligationFiltersFromParams(params);
  // Another body's obligations are the coordinating body's to see; the API would refuse them.
  const applied = coordinating ? fromAddress : { ...fromAddress, organization: '' };
  const query = useApiQuery(obligationsPath(plan.id, applied), obligationListSchema);
  const calendar = useApiQuery(`/api/v1/plans/${encodeURIComponent(plan.id)}/calendar`, planCalendarSchema);
  const organizationName = useOrganizationNames(useOrganizationDirectory());
  const resultsHeadingId = useId();
  const bodies = calendar.status === 'success' ? [...new Set(calendar.data.items.map((entry) => entry.organizationCode))] : [];

  return (
    <>
      <title>{t('plan.documentTitle', { title: plan.title })}</title>
      <p className="back-link">
        <Link to="/plans">{t('plans.backToList')}</Link>
      </p>
      <h1>{plan.title}</h1>
      <dl className="details">
        <div>
          <dt>{t('plans.colPeriod')}</dt>
          <dd>{t('plans.period', { from: plan.periodFromYear, to: plan.periodToYear })}</dd>
        </div>
        <div>
          <dt>{t('plans.colCoordinator')}</dt>
          <dd>{organizationName(plan.coordinatorCode)}</dd>
        </div>
        <div>
          <dt>{t('planFollowUp.level')}</dt>
          <dd>
            {t(`planLevel.${plan.level}`)}
            {plan.parentPlanId !== null && (
              <>
                {' '}
                <Link to={`/plans/${plan.parentPlanId}`}>{t('planFollowUp.parentPlan')}</Link>
              </>
            )}
          </dd>
        </div>
        {plan.seededFromPlanId !== null && (
          <div>
            <dt>{t('planFollowUp.seededFrom')}</dt>
            <dd>
              <Link to={`/plans/${plan.seededFromPlanId}`}>{t('planFollowUp.previousPlan')}</Link>
            </dd>
          </div>
        )}
      </dl>
      {plan.status === 'draft' && <DraftPlanNotice plan={plan} onConfirmed={onChanged} organizationName={organizationName} />}
      <p className="lead">{coordinating ? t('plan.introCoordinating') : t('plan.introOwn', { body: organizationName(me.organization.code) })}</p>
      {plan.status === 'in_force' && <PlanReminders plan={plan} coordinating={coordinating} organizationName={organizationName} />}
      {/* A new address (back button, a shared link) resets the form to what it shows. */}
      <ObligationFilterForm
        key={params.toString()}
        initial={applied}
        bodies={coordinating ? bodies : null}
        organizationName={organizationName}
        onApply={(filters) => {
          setParams(obligationFiltersToParams(filters));
        }}
      />
      <section aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>{t('plan.resultsHeading')}</h2>
        <QueryResult query={query}>
          {(list) => <ObligationsTable plan={plan} obligations={list.items} organizationName={organizationName} />}
        </QueryResult>
      </section>
      {coordinating && <ConsolidatedReportLinks plan={plan} />}
      {coordinating && <PlanAssessmentPanel plan={plan} />}
    </>
  );
}

interface ObligationFilterFormProps {
  initial: ObligationFilters;
  /** The bodies to choose from; null when the user sees only their own. */
  bodies: readonly string[] | null;
  organizationName: (code: string) => string;
  onApply: (filters: ObligationFilters) => void;
}

function ObligationFilterForm({ initial, bodies, organizationName, onApply }: ObligationFilterFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const id = useId();
  const [draft, setDraft] = useState(initial);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  const collator = new Intl.Collator(language);
  const bodyOptions = bodies === null ? [] : [...bodies].sort((a, b) => collator.compare(organizationName(a), organizationName(b)));
  // Until the bodies arrive, a body from the address still shows, by its code.
  const appliedBodyMissing = draft.organization !== '' && !bodyOptions.includes(draft.organization);

  return (
    <form className="filters" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.filtersHeading')}</h2>
      <div className="filter-grid">
        {bodies !== null && (
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('plan.body')}</label>
            <select
              id={`${id}-body`}
              value={draft.organization}
              onChange={(event) => {
                const value = event.target.value;
                setDraft((previous) => ({ ...previous, organization: value }));
              }}
            >
              <option value="">{t('plan.bodyAny')}</option>
              {appliedBodyMissing && <option value={draft.organization}>{draft.organization}</option>}
              {bodyOptions.map((code) => (
                <option key={code} value={code}>
                  {organizationName(code)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('plan.status')}</label>
          <select
            id={`${id}-status`}
            value={draft.status}
            onChange={(event) => {
              const value = event.target.value;
              setDraft((previous) => ({ ...previous, status: obligationStatuses.find((status) => status === value) ?? '' }));
            }}
          >
            <option value="">{t('plan.statusAny')}</option>
            {obligationStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`planReportStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-late`}>{t('plan.lateFilter')}</label>
          <select
            id={`${id}-late`}
            value={draft.late}
            onChange={(event) => {
              const value = event.target.value;
              setDraft((previous) => ({ ...previous, late: value === 'true' || value === 'false' ? value : '' }));
            }}
          >
            <option value="">{t('plan.lateAny')}</option>
            <option value="true">{t('plan.lateOnly')}</option>
            <option value="false">{t('plan.onTimeOnly')}</option>
          </select>
        </div>
      </div>
      <p className="form-actions">
        <button type="submit" className="button">
          {t('plan.search')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(noObligationFilters);
            onApply(noObligationFilters);
          }}
        >
          {t('plan.clear')}
        </button>
      </p>
    </form>
  );
}

interface ObligationsTableProps {
  plan: PlanSummary;
  obligations: Obligation[];
  organizationName: (code: string) => string;
}

function ObligationsTable({ plan, obligations, organizationName }: ObligationsTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const captionId = useId();
  if (obligations.length === 0) {
    return <p>{t('plan.none')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('plan.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.colMeasure')}</th>
            <th scope="col">{t('plan.colBody')}</th>
            <th scope="col">{t('plan.colPeriod')}</th>
            <th scope="col">{t('plan.colDueDate')}</th>
            <th scope="col">{t('plan.colStatus')}</th>
            <th scope="col">{t('plan.colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {obligations.map((obligation) => {
            const period = formatPeriod(obligation, t, language);
            const body = organizationName(obligation.organizationCode);
            const own = obligation.organizationCode === me.organization.code;
            const writable = own && (obligation.reportStatus === 'missing' || obligation.reportStatus === 'draft' || obligation.reportStatus === 'returned');
            const target = own
              ? ownReportLink(plan.id, obligation.measure, obligation.periodLabel)
              : obligation.reportId === null
                ? null
                : reportLink(obligation.reportId);
            return (
              <tr key={`${obligation.measure}|${obligation.organizationCode}|${obligation.periodLabel}`}>
                <th scope="row" className="numeric">
                  {obligation.measure}
                </th>
                <td>
                  {body}
                  {obligation.byAgreement && <span className="cell-note"> {t('planImport.byAgreement')}</span>}
                </td>
                <td className="nowrap">{period}</td>
                <td className="nowrap">{formatDate(obligation.dueDate, language)}</td>
                <td>
                  {t(`planReportStatus.${obligation.reportStatus}`)}
                  {obligation.late && <strong className="late-mark"> {t('plan.late')}</strong>}
                </td>
                <td>
                  {target !== null && (
                    <Link to={target}>
                      {writable ? t('plan.write') : t('plan.open')}
                      <span className="visually-hidden"> {t('plan.linkContext', { measure: obligation.measure, body, period })}</span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}

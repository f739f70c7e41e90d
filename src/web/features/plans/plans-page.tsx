import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { planListSchema } from '../../../shared/plan.schemas.js';
import { formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { plansPath, type PlanSummary } from './plans-api.js';
import { useOrganizationNames } from './use-organization-names.js';

interface ImportedNotice {
  imported: { title: string; measures: number };
}

function isImportedNotice(state: unknown): state is ImportedNotice {
  return (
    typeof state === 'object' &&
    state !== null &&
    'imported' in state &&
    typeof state.imported === 'object' &&
    state.imported !== null &&
    'title' in state.imported &&
    'measures' in state.imported
  );
}

/** The Government's Action Plans; a body's focal point opens one to report on it. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const location = useLocation();
  const query = useApiQuery(plansPath, planListSchema);
  const notice = isImportedNotice(location.state) ? location.state.imported : null;

  return (
    <>
      <title>{t('plans.documentTitle')}</title>
      <h1>{t('plans.heading')}</h1>
      <p className="lead">{t('plans.intro')}</p>
      {notice !== null && (
        <p className="notice notice-success" role="status">
          {t('plans.imported', { title: notice.title, number: notice.measures })}
        </p>
      )}
      {can(me.roles, 'plans.manage') && (
        <p>
          <Link className="button" to="/plans/import">
            {t('plans.import')}
          </Link>
        </p>
      )}
      <QueryResult query={query}>{(list) => <PlansTable plans={list.items} />}</QueryResult>
    </>
  );
}

function PlansTable({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const captionId = useId();
  const organizationName = useOrganizationNames(useOrganizationDirectory());
  const opens = can(me.roles, 'plan_reports.submit');
  if (plans.length === 0) {
    return <p>{t('plans.none')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('plans.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.colTitle')}</th>
            <th scope="col">{t('plans.colPeriod')}</th>
            <th scope="col">{t('plans.colCoordinator')}</th>
            <th scope="col">{t('plans.colMeasures')}</th>
            <th scope="col">{t('plans.colImported')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                {opens ? <Link to={`/plans/${plan.id}`}>{plan.title}</Link> : plan.title}
                {plan.status === 'draft' && <strong className="late-mark"> {t('planFollowUp.draftMark')}</strong>}
                <PlanLinks plan={plan} plans={plans} opens={opens} />
              </th>
              <td className="nowrap">{t('plans.period', { from: plan.periodFromYear, to: plan.periodToYear })}</td>
              <td>{organizationName(plan.coordinatorCode)}</td>
              <td className="numeric">{plan.measures}</td>
              <td>{formatDateTimeInKazakhstan(plan.createdAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** A regional plan names the national plan it carries out; a national plan lists its regional plans. */
function PlanLinks({ plan, plans, opens }: { plan: PlanSummary; plans: readonly PlanSummary[]; opens: boolean }) {
  const { t } = useTranslation();
  const parent = plans.find((candidate) => candidate.id === plan.parentPlanId);
  const regional = plans.filter((candidate) => candidate.parentPlanId === plan.id);
  const link = (target: PlanSummary) => (opens ? <Link to={`/plans/${target.id}`}>{target.title}</Link> : target.title);
  return (
    <>
      {parent !== undefined && (
        <span className="cell-note">
          {' '}
          {t('planFollowUp.regionalUnder')} {link(parent)}
        </span>
      )}
      {regional.length > 0 && (
        <span className="cell-note">
          {' '}
          {t('planFollowUp.regionalPlans')}{' '}
          {regional.map((child, index) => (
            <span key={child.id}>
              {index > 0 && '; '}
              {link(child)}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

import { planListSchema } from '../../../shared/plan.schemas.js';
import { useApiQuery, type ApiQuery } from '../../components/use-api-query.js';
import { can } from '../session/access.js';
import type { Me } from '../session/session-api.js';
import { plansPath, type PlanSummary } from './plans-api.js';

/** One plan from the list (the API has no "one plan" read, and there are a handful); null when there is no such plan. */
export function usePlan(planId: string): ApiQuery<PlanSummary | null> {
  const query = useApiQuery(plansPath, planListSchema);
  if (query.status !== 'success') {
    return query;
  }
  return { status: 'success', data: query.data.items.find((plan) => plan.id === planId) ?? null, retry: query.retry };
}

/** The coordinating body of a plan returns or accepts every body's reports; any other body sees its own. */
export function coordinatesPlan(me: Me, plan: PlanSummary): boolean {
  return plan.coordinatorCode === me.organization.code && can(me.roles, 'plan_reports.review');
}

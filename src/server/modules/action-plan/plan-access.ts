import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { readableDecisionsPlanIds } from '../commission/commission.service.js';
import { answersForPlan, selectPlan } from './plan.repo.js';

// National and regional Action Plans are open to every signed-in user. A
// commission's decisions plan (level 'commission') is not: its measures,
// bodies and due dates are the commission's decisions, whose minutes may be
// unpublished, so it follows the commission's access rules. Outside them the
// plan does not exist (404), as the commission itself does not.

/** The commission plans an actor reads: every one, or those listed. */
export type PlanReach = { kind: 'all' } | { kind: 'commission_plans'; planIds: readonly string[] };

export async function planReachOf(database: SenimDatabase, actor: Actor): Promise<PlanReach> {
  const readable = await readableDecisionsPlanIds(database, actor);
  return readable === 'all' ? { kind: 'all' } : { kind: 'commission_plans', planIds: readable };
}

/**
 * A plan the actor may read. With answering, a body that answers for one of
 * the plan's measures reaches it too: it owes reports on its own measures,
 * and the reporting services narrow what it sees to its own.
 */
export async function requirePlanInReach(database: SenimDatabase, actor: Actor, planId: string, options: { answering?: boolean } = {}) {
  const plan = await selectPlan(database.db, planId);
  if (!plan) {
    throw new AppError('not_found', 'No such plan');
  }
  if (plan.level !== 'commission') {
    return plan;
  }
  const reach = await planReachOf(database, actor);
  if (reach.kind === 'all' || reach.planIds.includes(plan.id)) {
    return plan;
  }
  if (options.answering && actor.kind === 'user' && (await answersForPlan(database.db, plan.id, actor.organizationId))) {
    return plan;
  }
  throw new AppError('not_found', 'No such plan');
}

import type { UserActor } from '../../platform/actor.js';
import { can } from '../../platform/policy.js';

/** Whether the actor's body coordinates the plan and the actor reviews reports. */
export function reviewsPlan(actor: UserActor, plan: { coordinator_organization_id: string }): boolean {
  return can(actor, 'plan_reports.review') !== null && plan.coordinator_organization_id === actor.organizationId;
}

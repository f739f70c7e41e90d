import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

// A commission's decisions are measures of a plan of level 'commission', so
// that the Action Plan's obligations, reports, review and consolidated report
// work on them unchanged. The rows follow the shape the plan import writes.

export async function insertDecisionsPlan(
  trx: Transaction<Database>,
  plan: { title: string; coordinatorOrganizationId: string; year: number; sourceText: string },
): Promise<string> {
  const row = await trx
    .insertInto('action_plans')
    .values({
      title: plan.title,
      level: 'commission',
      coordinator_organization_id: plan.coordinatorOrganizationId,
      period_from_year: plan.year,
      period_to_year: plan.year,
      decree: null,
      source_text: plan.sourceText,
      imported_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The working body of the day coordinates the decisions: it reviews every report on them. */
export async function updateDecisionsCoordinator(trx: Transaction<Database>, planId: string, organizationId: string): Promise<void> {
  await trx.updateTable('action_plans').set({ coordinator_organization_id: organizationId }).where('id', '=', planId).execute();
}

export async function insertDecisionMeasure(
  trx: Transaction<Database>,
  measure: {
    planId: string;
    action: string;
    completionForm: string;
    deadlineText: string;
    deadlineRule: unknown;
    dueYear: number;
    bodies: Array<{ organizationId: string; writtenAs: string; byAgreement: boolean }>;
  },
): Promise<{ id: string; number: number }> {
  const plan = await trx.selectFrom('action_plans').select('period_to_year').where('id', '=', measure.planId).forUpdate().executeTakeFirstOrThrow();
  if (measure.dueYear > plan.period_to_year) {
    await trx.updateTable('action_plans').set({ period_to_year: measure.dueYear }).where('id', '=', measure.planId).execute();
  }
  const row = await trx
    .insertInto('plan_measures')
    .values({
      plan_id: measure.planId,
      number: sql<number>`(select coalesce(max(number), 0) + 1 from plan_measures where plan_id = ${measure.planId})`,
      action: measure.action,
      completion_form: measure.completionForm,
      deadline_text: measure.deadlineText,
      deadline_rule: JSON.stringify(measure.deadlineRule),
      costs: JSON.stringify({ kind: 'not_stated' }),
      costs_text: '',
      funding_text: '',
      funding_sources: [],
      budget_programmes: [],
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_measure_bodies')
    .values(
      measure.bodies.map((body, position) => ({
        measure_id: row.id,
        organization_id: body.organizationId,
        position,
        written_as: body.writtenAs,
        lead: position === 0,
        by_agreement: body.byAgreement,
      })),
    )
    .execute();
  return row;
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Everything a measure holds that the next plan carries over, with its estimate for the assessment. */
export async function selectMeasureDetails(db: Executor, planId: string) {
  return db
    .selectFrom('plan_measures')
    .select(['id', 'number', 'action', 'completion_form', 'deadline_text', 'deadline_rule', 'costs', 'funding_text', 'funding_sources', 'budget_programmes'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
}

export async function selectBodiesOfPlan(db: Executor, planId: string) {
  return db
    .selectFrom('plan_measure_bodies as b')
    .innerJoin('plan_measures as m', 'm.id', 'b.measure_id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select(['b.measure_id', 'b.organization_id', 'o.code as organization_code', 'b.position', 'b.written_as', 'b.lead', 'b.by_agreement'])
    .where('m.plan_id', '=', planId)
    .orderBy('m.number')
    .orderBy('b.position')
    .orderBy('o.code')
    .execute();
}

/** Plans in force, or those in which one body answers for a measure. */
export async function selectPlansInForce(db: Executor, organizationId: string | null) {
  let query = db.selectFrom('action_plans as p').select(['p.id', 'p.title', 'p.coordinator_organization_id']).where('p.status', '=', 'in_force');
  if (organizationId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_measure_bodies as b')
          .innerJoin('plan_measures as m', 'm.id', 'b.measure_id')
          .select('b.measure_id')
          .whereRef('m.plan_id', '=', 'p.id')
          .where('b.organization_id', '=', organizationId),
      ),
    );
  }
  return query.orderBy('p.period_from_year', 'desc').orderBy('p.created_at', 'desc').execute();
}

export async function selectPlanForFollowUp(db: Executor, planId: string) {
  return db
    .selectFrom('action_plans as p')
    .innerJoin('organizations as o', 'o.id', 'p.coordinator_organization_id')
    .select([
      'p.id',
      'p.title',
      'p.level',
      'p.status',
      'p.parent_plan_id',
      'p.period_from_year',
      'p.period_to_year',
      'p.coordinator_organization_id',
      'o.code as coordinator_code',
      'o.name_ru as coordinator_name_ru',
      'o.name_en as coordinator_name_en',
    ])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

export async function confirmDraftPlan(trx: Transaction<Database>, planId: string): Promise<boolean> {
  const updated = await trx
    .updateTable('action_plans')
    .set({ status: 'in_force', confirmed_at: new Date() })
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function deleteMeasure(trx: Transaction<Database>, measureId: string): Promise<void> {
  await trx.deleteFrom('plan_measures').where('id', '=', measureId).execute();
}

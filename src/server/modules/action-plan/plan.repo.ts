import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionPlansTable, Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export async function selectOrganizationIdsByCode(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function selectAkimatIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('organizations').select('id').where('kind', '=', 'akimat').orderBy('code').execute();
  return rows.map((row) => row.id);
}

/** What a regional plan needs of its coordinating body: an akimat, or a body that serves particular regions. */
export async function selectCoordinatorStanding(db: Executor, organizationId: string): Promise<{ kind: string; regional: boolean }> {
  const row = await db
    .selectFrom('organizations as o')
    .select(['o.kind', sql<boolean>`exists (select 1 from organization_regions r where r.organization_id = o.id)`.as('regional')])
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  return { kind: row?.kind ?? '', regional: row?.regional ?? false };
}

export async function insertPlan(
  trx: Transaction<Database>,
  plan: {
    title: string;
    coordinatorOrganizationId: string;
    fromYear: number;
    toYear: number;
    decree: string | null;
    sourceText: string;
    importedBy: string | null;
    level?: ActionPlansTable['level'];
    parentPlanId?: string | null;
    status?: 'draft' | 'in_force';
    seededFromPlanId?: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('action_plans')
    .values({
      title: plan.title,
      level: plan.level ?? 'national',
      parent_plan_id: plan.parentPlanId ?? null,
      status: plan.status ?? 'in_force',
      seeded_from_plan_id: plan.seededFromPlanId ?? null,
      coordinator_organization_id: plan.coordinatorOrganizationId,
      period_from_year: plan.fromYear,
      period_to_year: plan.toYear,
      decree: plan.decree,
      source_text: plan.sourceText,
      imported_by: plan.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMeasure(
  trx: Transaction<Database>,
  measure: {
    planId: string;
    number: number;
    action: string;
    completionForm: string;
    deadlineText: string;
    deadlineRule: unknown;
    costs: unknown;
    costsText: string;
    fundingText: string;
    fundingSources: string[];
    budgetProgrammes: string[];
  },
): Promise<string> {
  const row = await trx
    .insertInto('plan_measures')
    .values({
      plan_id: measure.planId,
      number: measure.number,
      action: measure.action,
      completion_form: measure.completionForm,
      deadline_text: measure.deadlineText,
      deadline_rule: measure.deadlineRule === null ? null : JSON.stringify(measure.deadlineRule),
      costs: JSON.stringify(measure.costs),
      costs_text: measure.costsText,
      funding_text: measure.fundingText,
      funding_sources: measure.fundingSources,
      budget_programmes: measure.budgetProgrammes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMeasureBodies(
  trx: Transaction<Database>,
  rows: Array<{ measureId: string; organizationId: string; position: number; writtenAs: string; lead: boolean; byAgreement: boolean }>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await trx
    .insertInto('plan_measure_bodies')
    .values(
      rows.map((row) => ({
        measure_id: row.measureId,
        organization_id: row.organizationId,
        position: row.position,
        written_as: row.writtenAs,
        lead: row.lead,
        by_agreement: row.byAgreement,
      })),
    )
    // "MJ, ..., Akimats" can name a body twice; it reports once.
    .onConflict((oc) => oc.columns(['measure_id', 'organization_id']).doNothing())
    .execute();
}

/** Whether the organization answers for any measure of the plan. */
export async function answersForPlan(db: Executor, planId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_measure_bodies as b')
    .innerJoin('plan_measures as m', 'm.id', 'b.measure_id')
    .select('b.measure_id')
    .where('m.plan_id', '=', planId)
    .where('b.organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** commissionPlanIds: the commission plans in the reader's reach, or null for every plan. Other levels are always listed. */
export async function selectPlans(db: Executor, commissionPlanIds: readonly string[] | null) {
  return db
    .selectFrom('action_plans as p')
    .innerJoin('organizations as o', 'o.id', 'p.coordinator_organization_id')
    .select([
      'p.id',
      'p.title',
      'p.level',
      'o.code as coordinator_code',
      'p.period_from_year',
      'p.period_to_year',
      'p.created_at',
      'p.status',
      'p.parent_plan_id',
      'p.seeded_from_plan_id',
      sql<number>`(select count(*) from plan_measures m where m.plan_id = p.id)`.as('measures'),
    ])
    .$if(commissionPlanIds !== null, (query) =>
      query.where((eb) =>
        eb.or([eb('p.level', '<>', 'commission'), ...(commissionPlanIds && commissionPlanIds.length > 0 ? [eb('p.id', 'in', [...commissionPlanIds])] : [])]),
      ),
    )
    .orderBy('p.period_from_year', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
}

export async function selectPlan(db: Executor, planId: string) {
  return db
    .selectFrom('action_plans')
    .select(['id', 'title', 'level', 'status', 'period_from_year', 'period_to_year', 'coordinator_organization_id'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

export async function selectMeasureBodies(db: Executor, planId: string, organizationCode: string | null) {
  let query = db
    .selectFrom('plan_measures as m')
    .innerJoin('plan_measure_bodies as b', 'b.measure_id', 'm.id')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select(['m.number', 'm.deadline_rule', 'o.code as organization_code', 'b.lead', 'b.by_agreement', 'b.position'])
    .where('m.plan_id', '=', planId);
  if (organizationCode) {
    query = query.where('o.code', '=', organizationCode);
  }
  return query.orderBy('m.number').orderBy('b.position').orderBy('o.code').execute();
}

export async function selectMeasureForUpdate(db: Executor, planId: string, number: number) {
  return db.selectFrom('plan_measures').select(['id', 'deadline_text']).where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

export async function updateMeasureDeadline(trx: Transaction<Database>, measureId: string, rule: unknown): Promise<void> {
  await trx.updateTable('plan_measures').set({ deadline_rule: JSON.stringify(rule) }).where('id', '=', measureId).execute();
}

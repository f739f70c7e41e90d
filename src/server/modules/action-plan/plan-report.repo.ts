import type { Kysely, Transaction } from 'kysely';
import type { Database, PlanReportStatus, PlanWorkStatus } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export async function selectPlanCoordinator(db: Executor, planId: string) {
  return db
    .selectFrom('action_plans')
    .select(['id', 'coordinator_organization_id', 'period_from_year', 'period_to_year', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

export async function selectMeasure(db: Executor, planId: string, number: number) {
  return db.selectFrom('plan_measures').select(['id', 'number', 'deadline_rule']).where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

export async function isResponsibleFor(db: Executor, measureId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_measure_bodies')
    .select('measure_id')
    .where('measure_id', '=', measureId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

const reportColumns = [
  'r.id',
  'm.plan_id',
  'm.number as measure',
  'o.code as organization_code',
  'r.organization_id',
  'r.period_label',
  'r.period_start',
  'r.period_end',
  'r.due_date',
  'r.status',
  'r.work_status',
  'r.narrative',
  'r.cannot_reason',
  'r.people_trained',
  'r.events_held',
  'r.cases',
  'r.money_spent_thousands_kzt',
  'r.submitted_at',
  'r.return_reason',
] as const;

function reportQuery(db: Executor) {
  return db
    .selectFrom('plan_reports as r')
    .innerJoin('plan_measures as m', 'm.id', 'r.measure_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .innerJoin('action_plans as p', 'p.id', 'm.plan_id');
}

export async function selectReport(db: Executor, reportId: string) {
  return reportQuery(db).select([...reportColumns, 'p.coordinator_organization_id']).where('r.id', '=', reportId).executeTakeFirst();
}

export async function selectReportFor(db: Executor, input: { measureId: string; organizationId: string; periodLabel: string }) {
  return db
    .selectFrom('plan_reports')
    .select(['id', 'status'])
    .where('measure_id', '=', input.measureId)
    .where('organization_id', '=', input.organizationId)
    .where('period_label', '=', input.periodLabel)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectReportsOfPlan(db: Executor, planId: string, organizationId: string | null) {
  let query = reportQuery(db).select(reportColumns).where('m.plan_id', '=', planId);
  if (organizationId) {
    query = query.where('r.organization_id', '=', organizationId);
  }
  return query.execute();
}

export async function selectSteps(db: Executor, reportId: string) {
  return db.selectFrom('plan_report_steps').select(['step', 'taken_at', 'note']).where('report_id', '=', reportId).orderBy('id').execute();
}

export interface ReportContent {
  workStatus: PlanWorkStatus;
  narrative: string;
  cannotReason: string | null;
  peopleTrained: number | null;
  eventsHeld: number | null;
  cases: number | null;
  moneySpentThousandsKzt: number | null;
}

function contentColumns(content: ReportContent) {
  return {
    work_status: content.workStatus,
    narrative: content.narrative,
    cannot_reason: content.cannotReason,
    people_trained: content.peopleTrained,
    events_held: content.eventsHeld,
    cases: content.cases,
    money_spent_thousands_kzt: content.moneySpentThousandsKzt,
  };
}

export async function insertReport(
  trx: Transaction<Database>,
  input: {
    measureId: string;
    organizationId: string;
    period: { periodLabel: string; periodStart: string; periodEnd: string; dueDate: string };
    status: PlanReportStatus;
    content: ReportContent;
    submittedBy: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('plan_reports')
    .values({
      measure_id: input.measureId,
      organization_id: input.organizationId,
      period_label: input.period.periodLabel,
      period_start: input.period.periodStart,
      period_end: input.period.periodEnd,
      due_date: input.period.dueDate,
      status: input.status,
      ...contentColumns(input.content),
      submitted_at: input.status === 'submitted' ? new Date() : null,
      submitted_by: input.status === 'submitted' ? input.submittedBy : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReportContent(
  trx: Transaction<Database>,
  input: { reportId: string; status: PlanReportStatus; content: ReportContent; submittedBy: string | null },
): Promise<void> {
  await trx
    .updateTable('plan_reports')
    .set({
      status: input.status,
      ...contentColumns(input.content),
      ...(input.status === 'submitted' ? { submitted_at: new Date(), submitted_by: input.submittedBy } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', input.reportId)
    .execute();
}

export async function updateReportStatus(
  trx: Transaction<Database>,
  input: { reportId: string; status: PlanReportStatus; returnReason?: string | null },
): Promise<void> {
  await trx
    .updateTable('plan_reports')
    .set({ status: input.status, ...(input.returnReason !== undefined ? { return_reason: input.returnReason } : {}), updated_at: new Date() })
    .where('id', '=', input.reportId)
    .execute();
}

export async function insertStep(
  trx: Transaction<Database>,
  input: { reportId: string; step: 'saved' | 'submitted' | 'returned' | 'accepted'; actorUserId: string | null; note: string | null },
): Promise<void> {
  await trx.insertInto('plan_report_steps').values({ report_id: input.reportId, step: input.step, actor_user_id: input.actorUserId, note: input.note }).execute();
}

export async function selectMeasuresOfPlan(db: Executor, planId: string) {
  return db.selectFrom('plan_measures').select(['number', 'action']).where('plan_id', '=', planId).orderBy('number').execute();
}

export async function selectPlanHeader(db: Executor, planId: string) {
  return db
    .selectFrom('action_plans as p')
    .innerJoin('organizations as o', 'o.id', 'p.coordinator_organization_id')
    .select(['p.title', 'o.code as coordinator_code'])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

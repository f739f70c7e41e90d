import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { obligationListSchema, obligationQuerySchema, planReportRequestSchema, planReportSchema } from '../../../shared/plan.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import type { PlanReportStatus } from '../../db/schema.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { previousReportingDate, totalsOf, type ConsolidatedMeasure, type ConsolidatedReport, type ConsolidationLanguage } from './consolidated-report.js';
import { deadlineRuleSchema, reportingCalendar } from './deadline-rule.js';
import {
  insertReport,
  insertStep,
  isResponsibleFor,
  selectMeasure,
  selectMeasuresOfPlan,
  selectPlanCoordinator,
  selectPlanHeader,
  selectReport,
  selectReportFor,
  selectReportsOfPlan,
  selectSteps,
  updateReportContent,
  updateReportStatus,
} from './plan-report.repo.js';
import { requirePlanInReach } from './plan-access.js';
import { planCalendar } from './plan.service.js';
import { reviewsPlan } from './plan-reviewer.js';
import { attachmentsOfReports } from './report-attachment.service.js';

// Reporting days are Kazakhstan's: a report due on 20 January is late from 21 January in Astana.
export const today = (): string => todayInKazakhstan();

/** Late: not in by its due date, or sent in after it. */
export function isLate(report: { dueDate: string; status: PlanReportStatus | 'missing'; submittedOn: string | null }, on: string): boolean {
  if (report.submittedOn !== null && report.status !== 'draft') {
    return report.submittedOn > report.dueDate;
  }
  return on > report.dueDate;
}


async function requirePlan(database: SenimDatabase, planId: string) {
  const plan = await selectPlanCoordinator(database.db, planId);
  if (!plan) {
    throw new AppError('not_found', 'No such plan');
  }
  return plan;
}

const dayOf = (instant: Date | string | null): string | null => (instant === null ? null : new Date(instant).toISOString().slice(0, 10));

/**
 * Every report owed under a plan (or by one body: give its code and id) with
 * where it stands, judged on a day (today in Kazakhstan unless given).
 */
export async function planObligations(input: {
  database: SenimDatabase;
  planId: string;
  organizationCode: string | undefined;
  organizationId: string | null;
  on?: string;
}): Promise<z.infer<typeof obligationListSchema>['items']> {
  const [calendar, reports] = await Promise.all([
    planCalendar({ database: input.database, planId: input.planId, organizationCode: input.organizationCode }),
    selectReportsOfPlan(input.database.db, input.planId, input.organizationId),
  ]);
  const byKey = new Map(reports.map((report) => [`${report.measure}|${report.organization_code}|${report.period_label}`, report]));
  const on = input.on ?? today();
  return calendar.items.map((entry) => {
    const report = byKey.get(`${entry.measure}|${entry.organizationCode}|${entry.periodLabel}`);
    const reportStatus: PlanReportStatus | 'missing' = report?.status ?? 'missing';
    return {
      ...entry,
      reportId: report?.id ?? null,
      reportStatus,
      late: isLate({ dueDate: entry.dueDate, status: reportStatus, submittedOn: dayOf(report?.submitted_at ?? null) }, on),
    };
  });
}

/**
 * What each body owes under a plan and where each report stands. The
 * coordinating body sees every body; any other body sees its own.
 */
export async function listObligations(input: {
  database: SenimDatabase;
  actor: UserActor;
  planId: string;
  query: z.infer<typeof obligationQuerySchema>;
}): Promise<z.infer<typeof obligationListSchema>> {
  const { database, actor, query } = input;
  requirePermission(actor, 'plan_reports.submit');
  await requirePlanInReach(database, actor, input.planId, { answering: true });
  const plan = await requirePlan(database, input.planId);
  const ownOrganization = await database.db.selectFrom('organizations').select('code').where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
  const organizationCode = reviewsPlan(actor, plan) ? query.organization : ownOrganization.code;
  if (!reviewsPlan(actor, plan) && query.organization && query.organization !== ownOrganization.code) {
    throw new AppError('forbidden', 'Only the coordinating body sees the obligations of other bodies');
  }
  const items = await planObligations({
    database,
    planId: input.planId,
    organizationCode,
    organizationId: reviewsPlan(actor, plan) ? null : actor.organizationId,
  });
  return {
    items: items.filter(
      (item) => (!query.status || item.reportStatus === query.status) && (!query.late || String(item.late) === query.late),
    ),
  };
}

export async function getReport(input: { database: SenimDatabase; actor: UserActor; reportId: string }): Promise<z.infer<typeof planReportSchema>> {
  requirePermission(input.actor, 'plan_reports.submit');
  const report = await selectReport(input.database.db, input.reportId);
  const mayRead = report && (report.organization_id === input.actor.organizationId || reviewsPlan(input.actor, report));
  if (!report || !mayRead) {
    throw new AppError('not_found', 'No such report in your reach');
  }
  const [steps, attachments] = await Promise.all([selectSteps(input.database.db, input.reportId), attachmentsOfReports(input.database, [input.reportId])]);
  return {
    id: report.id,
    planId: report.plan_id,
    measure: report.measure,
    organizationCode: report.organization_code,
    periodLabel: report.period_label,
    periodStart: report.period_start,
    periodEnd: report.period_end,
    dueDate: report.due_date,
    status: report.status,
    workStatus: report.work_status,
    narrative: report.narrative,
    cannotReason: report.cannot_reason,
    indicators: {
      peopleTrained: report.people_trained,
      eventsHeld: report.events_held,
      cases: report.cases,
      moneySpentThousandsKzt: report.money_spent_thousands_kzt === null ? null : Number(report.money_spent_thousands_kzt),
    },
    submittedAt: report.submitted_at === null ? null : new Date(report.submitted_at).toISOString(),
    late: isLate({ dueDate: report.due_date, status: report.status, submittedOn: dayOf(report.submitted_at) }, today()),
    returnReason: report.return_reason,
    attachments: attachments.get(report.id) ?? [],
    steps: steps.map((step) => ({ step: step.step, takenAt: new Date(step.taken_at).toISOString(), note: step.note })),
  };
}

/** A body writes (and, when ready, submits) its report on one measure for one period. */
export async function saveReport(input: {
  database: SenimDatabase;
  actor: UserActor;
  planId: string;
  request: z.infer<typeof planReportRequestSchema>;
  origin: RequestOrigin;
}): Promise<z.infer<typeof planReportSchema>> {
  const { database, actor, request } = input;
  requirePermission(actor, 'plan_reports.submit');
  const plan = await requirePlan(database, input.planId);
  if (plan.status === 'draft') {
    throw new AppError('conflict', 'This plan is a draft: reports are written once its coordinator confirms it');
  }
  const measure = await selectMeasure(database.db, input.planId, request.measure);
  if (!measure) {
    throw new AppError('unprocessable', `The plan has no measure ${request.measure}`, { fields: [{ field: 'body.measure', message: 'no such measure' }] });
  }
  if (!(await isResponsibleFor(database.db, measure.id, actor.organizationId))) {
    throw new AppError('forbidden', `Your organization is not responsible for measure ${request.measure}`, {
      fields: [{ field: 'body.measure', message: 'not one of your organization’s measures' }],
    });
  }
  const rule = deadlineRuleSchema.safeParse(measure.deadline_rule);
  const period = rule.success
    ? reportingCalendar(rule.data, { fromYear: plan.period_from_year, toYear: plan.period_to_year }).find((due) => due.periodLabel === request.periodLabel)
    : undefined;
  if (!period) {
    throw new AppError('unprocessable', `No report is due on measure ${request.measure} for ${request.periodLabel}`, {
      fields: [{ field: 'body.periodLabel', message: 'not a reporting period of this measure' }],
    });
  }
  const content = {
    workStatus: request.workStatus,
    narrative: request.narrative,
    cannotReason: request.workStatus === 'cannot_be_done' ? request.cannotReason : null,
    peopleTrained: request.indicators.peopleTrained,
    eventsHeld: request.indicators.eventsHeld,
    cases: request.indicators.cases,
    moneySpentThousandsKzt: request.indicators.moneySpentThousandsKzt,
  };
  const reportId = await database.db.transaction().execute(async (trx) => {
    const existing = await selectReportFor(trx, { measureId: measure.id, organizationId: actor.organizationId, periodLabel: request.periodLabel });
    if (existing && (existing.status === 'submitted' || existing.status === 'accepted')) {
      throw new AppError('conflict', `This report is already ${existing.status}; the coordinating body can return it for revision`);
    }
    // A returned report saved again without submitting stays returned: the coordinator still waits for it.
    const status: PlanReportStatus = request.submit ? 'submitted' : existing?.status === 'returned' ? 'returned' : 'draft';
    const id = existing
      ? (await updateReportContent(trx, { reportId: existing.id, status, content, submittedBy: actor.userId }), existing.id)
      : await insertReport(trx, { measureId: measure.id, organizationId: actor.organizationId, period, status, content, submittedBy: actor.userId });
    await insertStep(trx, { reportId: id, step: request.submit ? 'submitted' : 'saved', actorUserId: actor.userId, note: null });
    await recordAudit(trx, {
      actor,
      action: request.submit ? 'plan_report.submitted' : 'plan_report.saved',
      record: { type: 'plan_report', id },
      fields: ['workStatus', 'narrative', 'indicators', ...(content.cannotReason ? ['cannotReason'] : [])],
      origin: input.origin,
      details: { measure: request.measure, period: request.periodLabel },
    });
    return id;
  });
  return getReport({ database, actor, reportId });
}

/** The coordinating body returns a submitted report for revision, or accepts it. */
export async function reviewReport(input: {
  database: SenimDatabase;
  actor: UserActor;
  reportId: string;
  decision: { kind: 'return'; reason: string } | { kind: 'accept' };
  origin: RequestOrigin;
}): Promise<z.infer<typeof planReportSchema>> {
  const { database, actor, decision } = input;
  requirePermission(actor, 'plan_reports.review');
  const report = await selectReport(database.db, input.reportId);
  if (!report || !reviewsPlan(actor, report)) {
    throw new AppError('not_found', 'No such report among those your organization coordinates');
  }
  if (report.status !== 'submitted') {
    throw new AppError('conflict', `Only a submitted report can be ${decision.kind === 'return' ? 'returned' : 'accepted'}; this one is ${report.status}`);
  }
  await database.db.transaction().execute(async (trx) => {
    if (decision.kind === 'return') {
      await updateReportStatus(trx, { reportId: report.id, status: 'returned', returnReason: decision.reason });
      await insertStep(trx, { reportId: report.id, step: 'returned', actorUserId: actor.userId, note: decision.reason });
    } else {
      await updateReportStatus(trx, { reportId: report.id, status: 'accepted' });
      await insertStep(trx, { reportId: report.id, step: 'accepted', actorUserId: actor.userId, note: null });
    }
    await recordAudit(trx, {
      actor,
      action: decision.kind === 'return' ? 'plan_report.returned' : 'plan_report.accepted',
      record: { type: 'plan_report', id: report.id },
      origin: input.origin,
    });
  });
  return getReport({ database, actor, reportId: report.id });
}

/**
 * The consolidated report for the Government by a reporting date (20 January,
 * 20 July): every measure, every report due in the half-year before that date,
 * what each body sent, and the gaps. For the coordinating body only.
 */
export async function buildConsolidatedReport(input: {
  database: SenimDatabase;
  actor: UserActor;
  planId: string;
  reportingDate: string;
  language: ConsolidationLanguage;
}): Promise<ConsolidatedReport> {
  const { database, actor } = input;
  requirePermission(actor, 'plan_reports.review');
  const plan = await requirePlan(database, input.planId);
  if (!reviewsPlan(actor, plan)) {
    throw new AppError('not_found', 'No such plan among those your organization coordinates');
  }
  const periodFrom = previousReportingDate(input.reportingDate);
  const [obligations, reports, measures, organizations, header] = await Promise.all([
    listObligations({ database, actor, planId: input.planId, query: {} }),
    selectReportsOfPlan(database.db, input.planId, null),
    selectMeasuresOfPlan(database.db, input.planId),
    database.db.selectFrom('organizations').select(['code', 'name_ru', 'name_en']).execute(),
    selectPlanHeader(database.db, input.planId),
  ]);
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const attachments = await attachmentsOfReports(database, reports.map((report) => report.id));
  const nameOf = new Map(organizations.map((row) => [row.code, input.language === 'ru' ? row.name_ru : row.name_en]));
  const consolidated: ConsolidatedMeasure[] = measures.map((measure) => ({
    number: measure.number,
    action: measure.action,
    submissions: obligations.items
      .filter((item) => item.measure === measure.number && item.dueDate > periodFrom && item.dueDate <= input.reportingDate)
      .map((item) => {
        const report = item.reportId ? reportById.get(item.reportId) : undefined;
        return {
          organizationCode: item.organizationCode,
          organizationName: nameOf.get(item.organizationCode) ?? item.organizationCode,
          lead: item.lead,
          periodLabel: item.periodLabel,
          dueDate: item.dueDate,
          reportStatus: item.reportStatus,
          late: item.late,
          workStatus: report?.work_status ?? null,
          narrative: report?.narrative ?? null,
          cannotReason: report?.cannot_reason ?? null,
          attachments: (attachments.get(item.reportId ?? '') ?? []).map((attachment) => attachment.fileName),
          indicators: {
            peopleTrained: report?.people_trained ?? null,
            eventsHeld: report?.events_held ?? null,
            cases: report?.cases ?? null,
            moneySpentThousandsKzt: report?.money_spent_thousands_kzt === null || report === undefined ? null : Number(report.money_spent_thousands_kzt),
          },
        };
      }),
  }));
  return {
    planTitle: header?.title ?? '',
    coordinator: nameOf.get(header?.coordinator_code ?? '') ?? header?.coordinator_code ?? '',
    reportingDate: input.reportingDate,
    periodFrom,
    language: input.language,
    measures: consolidated,
    totals: totalsOf(consolidated),
  };
}

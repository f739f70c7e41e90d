import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { nextPlanRequestSchema, planMeasureListSchema, planSummarySchema, reminderListSchema } from '../../../shared/plan.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor, RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { deadlineRuleSchema, describeDeadlineRule } from './deadline-rule.js';
import type { EstimatedCosts } from './estimated-costs.js';
import { measuresForNextPlan } from './next-plan-draft.js';
import { requirePlanInReach } from './plan-access.js';
import { assessPlan, type AssessmentLanguage, type PlanAssessment } from './plan-assessment.js';
import { confirmDraftPlan, deleteMeasure, selectBodiesOfPlan, selectMeasureDetails, selectPlanForFollowUp, selectPlansInForce } from './plan-followup.repo.js';
import { selectReportsOfPlan } from './plan-report.repo.js';
import { planObligations, today } from './plan-report.service.js';
import { reviewsPlan } from './plan-reviewer.js';
import { remindersOn } from './plan-reminders.js';
import { insertMeasure, insertMeasureBodies, insertPlan } from './plan.repo.js';
import { listPlans } from './plan.service.js';

type ReminderList = z.infer<typeof reminderListSchema>;

async function coordinatedPlan(database: SenimDatabase, actor: UserActor, planId: string) {
  requirePermission(actor, 'plan_reports.review');
  const plan = await selectPlanForFollowUp(database.db, planId);
  if (!plan || !reviewsPlan(actor, plan)) {
    throw new AppError('not_found', 'No such plan among those your organization coordinates');
  }
  return plan;
}

async function remindersOfPlans(input: {
  database: SenimDatabase;
  plans: ReadonlyArray<{ id: string; title: string }>;
  organization: { code: string; id: string } | null;
  on: string;
  leadDays: number;
}): Promise<ReminderList> {
  const perPlan = await Promise.all(
    input.plans.map(async (plan) => {
      const obligations = await planObligations({
        database: input.database,
        planId: plan.id,
        organizationCode: input.organization?.code,
        organizationId: input.organization?.id ?? null,
        on: input.on,
      });
      return remindersOn({ obligations: obligations.map((obligation) => ({ ...obligation, planId: plan.id })), today: input.on, leadDays: input.leadDays }).map(
        (reminder) => ({
          planId: plan.id,
          planTitle: plan.title,
          measure: reminder.measure,
          organizationCode: reminder.organizationCode,
          periodLabel: reminder.periodLabel,
          dueDate: reminder.dueDate,
          // remindersOn leaves out what was sent in.
          reportStatus: reminder.reportStatus as 'missing' | 'draft' | 'returned',
          kind: reminder.kind,
          days: reminder.days,
        }),
      );
    }),
  );
  return { on: input.on, leadDays: input.leadDays, items: perPlan.flat() };
}

/** The coordinating body's whole picture: every body's reports coming due or overdue under one plan. */
export async function planReminders(input: { database: SenimDatabase; actor: UserActor; planId: string; leadDays: number; on?: string | undefined }): Promise<ReminderList> {
  const plan = await coordinatedPlan(input.database, input.actor, input.planId);
  const plans = plan.status === 'in_force' ? [plan] : [];
  return remindersOfPlans({ database: input.database, plans, organization: null, on: input.on ?? today(), leadDays: input.leadDays });
}

/** A body's own reports coming due or overdue, across every plan in force. */
export async function myReminders(input: { database: SenimDatabase; actor: UserActor; leadDays: number; on?: string | undefined }): Promise<ReminderList> {
  const { database, actor } = input;
  requirePermission(actor, 'plan_reports.submit');
  const own = await database.db.selectFrom('organizations').select(['id', 'code']).where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
  const plans = await selectPlansInForce(database.db, own.id);
  return remindersOfPlans({ database, plans, organization: own, on: input.on ?? today(), leadDays: input.leadDays });
}

/** Every reminder of every body under every plan in force: what `senim plan remind` prints. */
export async function allReminders(input: { database: SenimDatabase; leadDays: number; on?: string | undefined }): Promise<ReminderList> {
  const plans = await selectPlansInForce(input.database.db, null);
  return remindersOfPlans({ database: input.database, plans, organization: null, on: input.on ?? today(), leadDays: input.leadDays });
}

async function assessmentOf(database: SenimDatabase, plan: NonNullable<Awaited<ReturnType<typeof selectPlanForFollowUp>>>, language: AssessmentLanguage, on: string): Promise<PlanAssessment> {
  const [measures, bodies, obligations, reports, organizations] = await Promise.all([
    selectMeasureDetails(database.db, plan.id),
    selectBodiesOfPlan(database.db, plan.id),
    planObligations({ database, planId: plan.id, organizationCode: undefined, organizationId: null, on }),
    selectReportsOfPlan(database.db, plan.id, null),
    database.db.selectFrom('organizations').select(['code', 'name_ru', 'name_en']).execute(),
  ]);
  const nameOf = new Map(organizations.map((row) => [row.code, language === 'ru' ? row.name_ru : row.name_en]));
  return assessPlan({
    plan: {
      title: plan.title,
      coordinator: language === 'ru' ? plan.coordinator_name_ru : plan.coordinator_name_en,
      fromYear: plan.period_from_year,
      toYear: plan.period_to_year,
    },
    measures: measures.map((measure) => ({
      number: measure.number,
      action: measure.action,
      costs: measure.costs as EstimatedCosts,
      bodies: bodies.filter((body) => body.measure_id === measure.id).map((body) => ({ organizationCode: body.organization_code, lead: body.lead })),
    })),
    obligations,
    reports: reports.map((report) => ({
      measure: report.measure,
      organizationCode: report.organization_code,
      periodLabel: report.period_label,
      periodEnd: report.period_end,
      status: report.status,
      workStatus: report.work_status,
      moneySpentThousandsKzt: report.money_spent_thousands_kzt === null ? null : Number(report.money_spent_thousands_kzt),
    })),
    organizationName: (code) => nameOf.get(code) ?? code,
    on,
    language,
  });
}

/** The end-of-plan assessment, for the coordinating body. */
export async function buildAssessment(input: { database: SenimDatabase; actor: UserActor; planId: string; language: AssessmentLanguage; on?: string | undefined }): Promise<PlanAssessment> {
  const plan = await coordinatedPlan(input.database, input.actor, input.planId);
  return assessmentOf(input.database, plan, input.language, input.on ?? today());
}

async function managedPlan(database: SenimDatabase, actor: Actor, planId: string) {
  const scope = requirePermission(actor, 'plans.manage');
  const plan = await selectPlanForFollowUp(database.db, planId);
  if (!plan || (actor.kind === 'user' && scope !== 'all' && plan.coordinator_organization_id !== actor.organizationId)) {
    throw new AppError('not_found', 'No such plan among those your organization coordinates');
  }
  return plan;
}

/**
 * Seeds the draft of the next plan from this one's assessment: measures not
 * fulfilled, and those that run throughout, with their bodies and rules. It
 * owes nothing until the coordinator confirms it.
 */
export async function seedNextPlan(input: {
  database: SenimDatabase;
  actor: Actor;
  planId: string;
  request: z.infer<typeof nextPlanRequestSchema>;
  origin?: RequestOrigin;
}): Promise<{ id: string; measures: number }> {
  const { database, actor, request } = input;
  const plan = await managedPlan(database, actor, input.planId);
  if (plan.status !== 'in_force') {
    throw new AppError('conflict', 'A draft plan seeds no other: confirm it first');
  }
  if (request.periodFromYear <= plan.period_from_year) {
    throw new AppError('unprocessable', 'The next plan starts after this one starts', {
      fields: [{ field: 'body.periodFromYear', message: `must be after ${plan.period_from_year}` }],
    });
  }
  const [assessment, measures, bodies] = await Promise.all([
    assessmentOf(database, plan, 'en', today()),
    selectMeasureDetails(database.db, plan.id),
    selectBodiesOfPlan(database.db, plan.id),
  ]);
  const fulfilmentOf = new Map(assessment.measures.map((measure) => [measure.number, measure.fulfilment]));
  const carried = measuresForNextPlan({
    from: { fromYear: plan.period_from_year, toYear: plan.period_to_year },
    to: { fromYear: request.periodFromYear, toYear: request.periodToYear },
    measures: measures.map((measure) => {
      const rule = deadlineRuleSchema.safeParse(measure.deadline_rule);
      return {
        number: measure.number,
        action: measure.action,
        completionForm: measure.completion_form,
        deadlineText: measure.deadline_text,
        deadlineRule: rule.success ? rule.data : null,
        fundingText: measure.funding_text,
        fundingSources: measure.funding_sources,
        bodies: bodies.filter((body) => body.measure_id === measure.id),
        fulfilment: fulfilmentOf.get(measure.number) ?? 'never_reported',
      };
    }),
  });
  return database.db.transaction().execute(async (trx) => {
    const planId = await insertPlan(trx, {
      title: request.title,
      coordinatorOrganizationId: plan.coordinator_organization_id,
      fromYear: request.periodFromYear,
      toYear: request.periodToYear,
      decree: null,
      sourceText: `Draft seeded from "${plan.title}" (${plan.id}): measures ${carried.map((measure) => measure.carriedFrom).join(', ') || 'none'} carried over.`,
      importedBy: actor.kind === 'user' ? actor.userId : null,
      level: plan.level,
      parentPlanId: plan.parent_plan_id,
      status: 'draft',
      seededFromPlanId: plan.id,
    });
    for (const measure of carried) {
      const measureId = await insertMeasure(trx, {
        planId,
        number: measure.number,
        action: measure.action,
        completionForm: measure.completionForm,
        deadlineText: measure.deadlineText !== '' || measure.deadlineRule === null ? measure.deadlineText : describeDeadlineRule(measure.deadlineRule, 'en'),
        deadlineRule: measure.deadlineRule,
        // The old estimate was for the old years: the coordinator writes the new one.
        costs: { kind: 'not_stated' },
        costsText: '',
        fundingText: measure.fundingText,
        fundingSources: measure.fundingSources,
        budgetProgrammes: [],
      });
      await insertMeasureBodies(
        trx,
        measure.bodies.map((body) => ({
          measureId,
          organizationId: body.organization_id,
          position: body.position,
          writtenAs: body.written_as,
          lead: body.lead,
          byAgreement: body.by_agreement,
        })),
      );
    }
    await recordAudit(trx, {
      actor,
      action: 'plan.next_draft_seeded',
      record: { type: 'action_plan', id: planId },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { seededFrom: plan.id, measures: carried.length, carriedOver: carried.map((measure) => measure.carriedFrom).join(',') },
    });
    return { id: planId, measures: carried.length };
  });
}

/** The coordinator confirms a draft plan: from now on it is in force and its reports are owed. */
export async function confirmPlan(input: { database: SenimDatabase; actor: Actor; planId: string; origin?: RequestOrigin }): Promise<z.infer<typeof planSummarySchema>> {
  const { database, actor } = input;
  const plan = await managedPlan(database, actor, input.planId);
  await database.db.transaction().execute(async (trx) => {
    if (!(await confirmDraftPlan(trx, plan.id))) {
      throw new AppError('conflict', 'This plan is already in force');
    }
    await recordAudit(trx, { actor, action: 'plan.confirmed', record: { type: 'action_plan', id: plan.id }, ...(input.origin ? { origin: input.origin } : {}) });
  });
  const confirmed = (await listPlans({ database, actor })).items.find((item) => item.id === plan.id);
  if (!confirmed) {
    throw new AppError('not_found', 'No such plan');
  }
  return confirmed;
}

/** The measures of a plan with their bodies and deadlines in words: what a coordinator reviews in a draft. */
export async function listMeasures(input: { database: SenimDatabase; actor: Actor; planId: string; language: AssessmentLanguage }): Promise<z.infer<typeof planMeasureListSchema>> {
  await requirePlanInReach(input.database, input.actor, input.planId);
  const plan = await selectPlanForFollowUp(input.database.db, input.planId);
  if (!plan) {
    throw new AppError('not_found', 'No such plan');
  }
  const [measures, bodies] = await Promise.all([selectMeasureDetails(input.database.db, plan.id), selectBodiesOfPlan(input.database.db, plan.id)]);
  return {
    items: measures.map((measure) => {
      const rule = deadlineRuleSchema.safeParse(measure.deadline_rule);
      return {
        number: measure.number,
        action: measure.action,
        deadlineText: measure.deadline_text,
        deadline: rule.success ? describeDeadlineRule(rule.data, input.language) : null,
        bodies: bodies.filter((body) => body.measure_id === measure.id).map((body) => ({ organizationCode: body.organization_code, lead: body.lead })),
      };
    }),
  };
}

/** The coordinator drops a measure from a draft: a plan in force keeps every measure it was adopted with. */
export async function removeDraftMeasure(input: {
  database: SenimDatabase;
  actor: Actor;
  planId: string;
  measureNumber: number;
  language: AssessmentLanguage;
  origin?: RequestOrigin;
}): Promise<z.infer<typeof planMeasureListSchema>> {
  const { database, actor } = input;
  const plan = await managedPlan(database, actor, input.planId);
  if (plan.status !== 'draft') {
    throw new AppError('conflict', 'Only a draft plan loses measures; a plan in force keeps those it was adopted with');
  }
  const measure = (await selectMeasureDetails(database.db, plan.id)).find((candidate) => candidate.number === input.measureNumber);
  if (!measure) {
    throw new AppError('not_found', `The plan has no measure ${input.measureNumber}`);
  }
  await database.db.transaction().execute(async (trx) => {
    await deleteMeasure(trx, measure.id);
    await recordAudit(trx, {
      actor,
      action: 'plan.measure_removed',
      record: { type: 'action_plan', id: plan.id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { measure: input.measureNumber, action: measure.action.slice(0, 200) },
    });
  });
  return listMeasures({ database, actor, planId: plan.id, language: input.language });
}

import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { planCalendarSchema, planImportConfirmSchema, planImportPreviewSchema, planListSchema } from '../../../shared/plan.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor, RequestOrigin } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { listBodyNamesForPlans } from '../reference/reference.service.js';
import { deadlineRuleSchema, describeDeadlineRule, reportingCalendar, type DeadlineRule } from './deadline-rule.js';
import { planReachOf, requirePlanInReach } from './plan-access.js';
import { placementProblems } from './plan-placement.js';
import { ALL_AKIMATS_CODE, parsePlanTable, type ImportProblem, type PlanImport } from './plan-table-parser.js';
import {
  insertMeasure,
  insertMeasureBodies,
  insertPlan,
  selectAkimatIds,
  selectCoordinatorStanding,
  selectMeasureBodies,
  selectMeasureForUpdate,
  selectOrganizationIdsByCode,
  selectPlan,
  selectPlans,
  updateMeasureDeadline,
} from './plan.repo.js';

type IdentifiedProblem = ImportProblem & { id: string };

async function readPlan(database: SenimDatabase, text: string): Promise<{ plan: PlanImport; problems: IdentifiedProblem[] }> {
  const plan = parsePlanTable(text, { knownBodies: await listBodyNamesForPlans({ database }) });
  // Ids follow the order of the problems, which follows the text: the same file gives the same ids.
  return { plan, problems: plan.problems.map((problem, index) => ({ ...problem, id: `P${index + 1}` })) };
}

export async function previewImport(input: { database: SenimDatabase; actor: Actor; text: string; language: 'ru' | 'en' }): Promise<z.infer<typeof planImportPreviewSchema>> {
  requirePermission(input.actor, 'plans.manage');
  const { plan, problems } = await readPlan(input.database, input.text);
  const period = plan.periodFromYear !== null && plan.periodToYear !== null ? { fromYear: plan.periodFromYear, toYear: plan.periodToYear } : null;
  return {
    title: plan.title,
    periodFromYear: plan.periodFromYear,
    periodToYear: plan.periodToYear,
    measures: plan.measures.map((measure) => ({
      number: measure.number,
      action: measure.action,
      responsible: measure.responsible.map(({ text, bodyCode, lead, byAgreement }) => ({ text, bodyCode, lead, byAgreement })),
      deadlineText: measure.deadlineText,
      deadline: measure.deadline ? describeDeadlineRule(measure.deadline, input.language) : null,
      reports: measure.deadline && period ? reportingCalendar(measure.deadline, period).length : 0,
      costsText: measure.costsText,
      fundingSources: measure.fundingSources,
    })),
    problems: problems.map(({ id, measureNumber, field, text, message, line }) => ({ id, measureNumber, field, text, message, line })),
  };
}

/**
 * Stores a plan, but only once a person has resolved every problem the
 * reading found: an unknown body is mapped to an organization (or its
 * problem acknowledged, leaving that body out), anything else acknowledged.
 */
export async function importPlan(input: {
  database: SenimDatabase;
  actor: Actor;
  request: z.infer<typeof planImportConfirmSchema>;
  origin?: RequestOrigin;
}): Promise<{ id: string; measures: number }> {
  const { database, actor, request } = input;
  const scope = requirePermission(actor, 'plans.manage');
  const { plan, problems } = await readPlan(database, request.text);
  if (plan.periodFromYear === null || plan.periodToYear === null) {
    throw new AppError('unprocessable', 'The plan does not say which years it covers (e.g. "for 2009-2011" in its title)', {
      fields: [{ field: 'body.text', message: 'no period found in the title' }],
    });
  }
  const acknowledged = new Set(request.acknowledgedProblems);
  const unresolved = problems.filter(
    (problem) => !acknowledged.has(problem.id) && !(problem.field === 'responsible' && request.bodyMappings[problem.text] !== undefined),
  );
  if (unresolved.length > 0) {
    throw new AppError('unprocessable', `${unresolved.length} problems must be resolved before the plan is imported`, {
      fields: unresolved.map((problem) => ({
        field: `problems.${problem.id}`,
        message: `${problem.measureNumber === null ? '' : `measure ${problem.measureNumber}, `}line ${problem.line ?? '?'}: ${problem.message}`,
      })),
    });
  }
  const codes = [
    request.coordinatorCode,
    ...Object.values(request.bodyMappings),
    ...plan.measures.flatMap((measure) => measure.responsible.map((body) => body.bodyCode ?? '')),
  ].filter((code) => code !== '' && code !== ALL_AKIMATS_CODE);
  const organizationIds = await selectOrganizationIdsByCode(database.db, [...new Set(codes)]);
  const unknownCodes = [...new Set(codes)].filter((code) => !organizationIds.has(code));
  if (unknownCodes.length > 0) {
    throw new AppError('unprocessable', `Unknown organization codes: ${unknownCodes.join(', ')}`, {
      fields: unknownCodes.map((code) => ({ field: 'body.bodyMappings', message: `no organization ${code}` })),
    });
  }
  const coordinatorId = organizationIds.get(request.coordinatorCode) ?? '';
  if (actor.kind === 'user' && scope !== 'all' && coordinatorId !== actor.organizationId) {
    throw new AppError('forbidden', 'You can import plans that your own organization coordinates', {
      fields: [{ field: 'body.coordinatorCode', message: 'must be your own organization' }],
    });
  }
  const placement = { level: request.level, parentPlanId: request.parentPlanId };
  const placed = placementProblems({
    ...placement,
    parent: request.parentPlanId === null ? null : ((await selectPlan(database.db, request.parentPlanId)) ?? null),
    coordinator: await selectCoordinatorStanding(database.db, coordinatorId),
  });
  if (placed.length > 0) {
    throw new AppError('unprocessable', placed.map((problem) => problem.message).join('; '), { fields: placed });
  }
  const akimatIds = await selectAkimatIds(database.db);
  return database.db.transaction().execute(async (trx) => {
    const planId = await insertPlan(trx, {
      ...placement,
      title: plan.title,
      coordinatorOrganizationId: coordinatorId,
      fromYear: plan.periodFromYear ?? 0,
      toYear: plan.periodToYear ?? 0,
      decree: plan.decree?.text ?? null,
      sourceText: request.text,
      importedBy: actor.kind === 'user' ? actor.userId : null,
    });
    for (const measure of plan.measures) {
      const measureId = await insertMeasure(trx, {
        planId,
        number: measure.number,
        action: measure.action,
        completionForm: measure.completionForm,
        deadlineText: measure.deadlineText,
        deadlineRule: measure.deadline,
        costs: measure.costs,
        costsText: measure.costsText,
        fundingText: measure.fundingText,
        fundingSources: measure.fundingSources,
        budgetProgrammes: measure.budgetProgrammes,
      });
      const bodies = measure.responsible.flatMap((body, position) => {
        const code = body.bodyCode ?? request.bodyMappings[body.text] ?? null;
        const ids = code === ALL_AKIMATS_CODE ? akimatIds : code ? [organizationIds.get(code) ?? ''] : [];
        return ids.map((organizationId) => ({ measureId, organizationId, position, writtenAs: body.text, lead: body.lead, byAgreement: body.byAgreement }));
      });
      await insertMeasureBodies(trx, bodies);
    }
    await recordAudit(trx, {
      actor,
      action: 'plan.imported',
      record: { type: 'action_plan', id: planId },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { measures: plan.measures.length, level: request.level, parentPlanId: request.parentPlanId, acknowledgedProblems: request.acknowledgedProblems.join(','), mappedBodies: Object.keys(request.bodyMappings).length },
    });
    return { id: planId, measures: plan.measures.length };
  });
}

/** The plans an actor reads: every national and regional plan, and the decisions plans of the commissions it reads. */
export async function listPlans(input: { database: SenimDatabase; actor: Actor }): Promise<z.infer<typeof planListSchema>> {
  const reach = await planReachOf(input.database, input.actor);
  const rows = await selectPlans(input.database.db, reach.kind === 'all' ? null : reach.planIds);
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      level: row.level,
      coordinatorCode: row.coordinator_code,
      periodFromYear: row.period_from_year,
      periodToYear: row.period_to_year,
      measures: row.measures,
      createdAt: new Date(row.created_at).toISOString(),
      status: row.status,
      parentPlanId: row.parent_plan_id,
      seededFromPlanId: row.seeded_from_plan_id,
    })),
  };
}

/** A plan's calendar for a reader: a commission's decisions plan only within the commission's access rules. */
export async function readPlanCalendar(input: { database: SenimDatabase; actor: Actor; planId: string; organizationCode?: string | undefined }) {
  await requirePlanInReach(input.database, input.actor, input.planId);
  return planCalendar(input);
}

/** Every report due under a plan: each measure's rule over the plan's years, for each body that answers for it. */
export async function planCalendar(input: { database: SenimDatabase; planId: string; organizationCode?: string | undefined }): Promise<z.infer<typeof planCalendarSchema>> {
  const plan = await selectPlan(input.database.db, input.planId);
  if (!plan) {
    throw new AppError('not_found', 'No such plan');
  }
  const period = { fromYear: plan.period_from_year, toYear: plan.period_to_year };
  const rows = await selectMeasureBodies(input.database.db, input.planId, input.organizationCode ?? null);
  const items = rows.flatMap((row) => {
    const rule = deadlineRuleSchema.safeParse(row.deadline_rule);
    if (!rule.success) {
      return [];
    }
    return reportingCalendar(rule.data, period).map((due) => ({
      measure: row.number,
      organizationCode: row.organization_code,
      lead: row.lead,
      byAgreement: row.by_agreement,
      ...due,
    }));
  });
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.measure - b.measure || Number(b.lead) - Number(a.lead) || a.organizationCode.localeCompare(b.organizationCode));
  return { items };
}

/** A coordinator rewrites a measure's deadline rule: the calendar follows at once. */
export async function setMeasureDeadline(input: {
  database: SenimDatabase;
  actor: Actor;
  planId: string;
  measureNumber: number;
  rule: DeadlineRule;
  language: 'ru' | 'en';
  origin?: RequestOrigin;
}) {
  const { database, actor } = input;
  const scope = requirePermission(actor, 'plans.manage');
  const plan = await selectPlan(database.db, input.planId);
  if (!plan || (actor.kind === 'user' && scope !== 'all' && plan.coordinator_organization_id !== actor.organizationId)) {
    throw new AppError('not_found', 'No such plan among those your organization coordinates');
  }
  const measure = await selectMeasureForUpdate(database.db, input.planId, input.measureNumber);
  if (!measure) {
    throw new AppError('not_found', `The plan has no measure ${input.measureNumber}`);
  }
  await database.db.transaction().execute(async (trx) => {
    await updateMeasureDeadline(trx, measure.id, input.rule);
    await recordAudit(trx, {
      actor,
      action: 'plan.deadline_changed',
      record: { type: 'plan_measure', id: measure.id },
      fields: ['deadlineRule'],
      ...(input.origin ? { origin: input.origin } : {}),
      details: { measure: input.measureNumber, rule: JSON.stringify(input.rule) },
    });
  });
  return { number: input.measureNumber, deadlineText: measure.deadline_text, rule: input.rule, description: describeDeadlineRule(input.rule, input.language) };
}

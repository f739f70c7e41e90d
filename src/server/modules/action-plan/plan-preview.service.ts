import type { SenimDatabase } from '../../db/database.js';
import { listBodyNamesForPlans } from '../reference/reference.service.js';
import { describeDeadlineRule, reportingCalendar, type PlanPeriod } from './deadline-rule.js';
import { parsePlanTable, type PlanImport } from './plan-table-parser.js';

export interface CalendarEntry {
  measure: number;
  /** The responsible body's code, or null where the plan names a body Senim does not know yet. */
  bodyCode: string | null;
  bodyText: string;
  lead: boolean;
  byAgreement: boolean;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

export interface PlanPreview {
  plan: PlanImport;
  deadlines: Array<{ measure: number; text: string; described: string | null }>;
  calendar: CalendarEntry[];
}

/**
 * Reads a plan table as `senim plan import` will, without storing anything:
 * what it understood, every due report, and what a person must resolve first.
 */
export async function previewPlanImport(input: { database: SenimDatabase; text: string; language: 'ru' | 'en' }): Promise<PlanPreview> {
  const knownBodies = await listBodyNamesForPlans({ database: input.database });
  const plan = parsePlanTable(input.text, { knownBodies });
  const period: PlanPeriod | null =
    plan.periodFromYear !== null && plan.periodToYear !== null ? { fromYear: plan.periodFromYear, toYear: plan.periodToYear } : null;
  const calendar: CalendarEntry[] = [];
  for (const measure of plan.measures) {
    if (!measure.deadline || !period) {
      continue;
    }
    for (const due of reportingCalendar(measure.deadline, period)) {
      for (const body of measure.responsible) {
        calendar.push({
          measure: measure.number,
          bodyCode: body.bodyCode,
          bodyText: body.text,
          lead: body.lead,
          byAgreement: body.byAgreement,
          ...due,
        });
      }
    }
  }
  calendar.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.measure - b.measure);
  return {
    plan,
    deadlines: plan.measures.map((measure) => ({
      measure: measure.number,
      text: measure.deadlineText,
      described: measure.deadline ? describeDeadlineRule(measure.deadline, input.language) : null,
    })),
    calendar,
  };
}

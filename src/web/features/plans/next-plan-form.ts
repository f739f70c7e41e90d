import type { PlanSummary } from './plans-api.js';

export interface NextPlanDraft {
  title: string;
  periodFromYear: string;
  periodToYear: string;
}

export type NextPlanField = keyof NextPlanDraft;
export type NextPlanProblem = 'titleMissing' | 'yearInvalid' | 'startsTooEarly' | 'endsBeforeStart';

/** The next plan runs as long as this one, from the year after it ends. */
export function nextPlanDraftOf(plan: Pick<PlanSummary, 'periodFromYear' | 'periodToYear'>): NextPlanDraft {
  const from = plan.periodToYear + 1;
  return { title: '', periodFromYear: String(from), periodToYear: String(from + plan.periodToYear - plan.periodFromYear) };
}

const year = (text: string): number | null => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

export function nextPlanProblems(draft: NextPlanDraft, plan: Pick<PlanSummary, 'periodFromYear'>): Partial<Record<NextPlanField, NextPlanProblem>> {
  const problems: Partial<Record<NextPlanField, NextPlanProblem>> = {};
  if (draft.title.trim().length < 5) {
    problems.title = 'titleMissing';
  }
  const from = year(draft.periodFromYear);
  const to = year(draft.periodToYear);
  if (from === null) {
    problems.periodFromYear = 'yearInvalid';
  } else if (from <= plan.periodFromYear) {
    problems.periodFromYear = 'startsTooEarly';
  }
  if (to === null) {
    problems.periodToYear = 'yearInvalid';
  } else if (from !== null && (to < from || to - from >= 20)) {
    problems.periodToYear = 'endsBeforeStart';
  }
  return problems;
}

export function nextPlanRequestOf(draft: NextPlanDraft): { title: string; periodFromYear: number; periodToYear: number } {
  return { title: draft.title.trim(), periodFromYear: Number(draft.periodFromYear), periodToYear: Number(draft.periodToYear) };
}

import type { EstimatedCosts } from './estimated-costs.js';

// The end-of-plan assessment: what each body did on each measure by the end,
// the money spent against the estimate, and what was never reported. A plain
// model from plain data; the renderers only lay it out.

export type Fulfilment = 'done' | 'partly' | 'not_done' | 'never_reported';
export type AssessmentLanguage = 'ru' | 'en';

type WorkStatus = 'done' | 'in_progress' | 'not_started' | 'cannot_be_done';
type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface AssessedObligation {
  measure: number;
  organizationCode: string;
  periodLabel: string;
  periodEnd: string;
  dueDate: string;
}

export interface AssessedReport {
  measure: number;
  organizationCode: string;
  periodLabel: string;
  periodEnd: string;
  status: ReportStatus;
  workStatus: WorkStatus;
  moneySpentThousandsKzt: number | null;
}

export interface AssessedMeasure {
  number: number;
  action: string;
  costs: EstimatedCosts;
  bodies: ReadonlyArray<{ organizationCode: string; lead: boolean }>;
}

export interface BodyFulfilment {
  organizationCode: string;
  organizationName: string;
  lead: boolean;
  fulfilment: Fulfilment;
  reportsDue: number;
  reportsReceived: number;
  /** What the body said in its last report received. */
  lastWorkStatus: WorkStatus | null;
}

/** Thousands of tenge; a null year is an amount the plan ties to no year. */
export interface MoneyByYear {
  year: number | null;
  estimateThousandsKzt: number | null;
  spentThousandsKzt: number;
}

export interface MeasureAssessment {
  number: number;
  action: string;
  fulfilment: Fulfilment;
  bodies: BodyFulfilment[];
  estimateKind: EstimatedCosts['kind'];
  money: MoneyByYear[];
}

export interface NeverReported {
  measure: number;
  organizationCode: string;
  organizationName: string;
  periodLabel: string;
  dueDate: string;
}

export interface PlanAssessment {
  planTitle: string;
  coordinator: string;
  periodFromYear: number;
  periodToYear: number;
  /** Reports due after this day are not counted yet. */
  assessedOn: string;
  language: AssessmentLanguage;
  measures: MeasureAssessment[];
  money: MoneyByYear[];
  neverReported: NeverReported[];
  totals: Record<Fulfilment, number> & { measures: number };
}

/** Received: sent to the coordinating body and not sent back. */
export function isReceivedReport(report: Pick<AssessedReport, 'status'>): boolean {
  return report.status === 'submitted' || report.status === 'accepted';
}

const keyOf = (entry: { measure: number; organizationCode: string; periodLabel: string }): string => `${entry.measure}|${entry.organizationCode}|${entry.periodLabel}`;

/**
 * One body on one measure: done when its last report says done and every
 * report due came in; partly when some work is reported; not done when it
 * reported that nothing was or could be done; never reported when nothing came in.
 */
export function bodyFulfilment(input: { due: readonly AssessedObligation[]; received: readonly AssessedReport[] }): Fulfilment {
  const received = [...input.received].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const last = received.at(-1);
  if (!last) {
    return 'never_reported';
  }
  const receivedKeys = new Set(received.map(keyOf));
  const allIn = input.due.every((obligation) => receivedKeys.has(keyOf(obligation)));
  if (last.workStatus === 'done') {
    return allIn ? 'done' : 'partly';
  }
  if (last.workStatus === 'in_progress') {
    return 'partly';
  }
  return received.some((report) => report.workStatus === 'done' || report.workStatus === 'in_progress') ? 'partly' : 'not_done';
}

/** A measure is done when every body did its part, never reported when none reported, not done when none did any of it. */
export function measureFulfilment(bodies: readonly Fulfilment[]): Fulfilment {
  if (bodies.length === 0 || bodies.every((fulfilment) => fulfilment === 'never_reported')) {
    return 'never_reported';
  }
  if (bodies.every((fulfilment) => fulfilment === 'done')) {
    return 'done';
  }
  return bodies.some((fulfilment) => fulfilment === 'done' || fulfilment === 'partly') ? 'partly' : 'not_done';
}

// Sums in tenths of a thousand, as the reports store them, so that 0.1 + 0.2 stays 0.3.
const tenths = (value: number): number => Math.round(value * 10);

function estimateByYear(costs: EstimatedCosts): Map<number | null, number> {
  const byYear = new Map<number | null, number>();
  if (costs.kind === 'amounts') {
    for (const { year, thousandsKzt } of costs.perYear) {
      byYear.set(year, (byYear.get(year) ?? 0) + tenths(thousandsKzt));
    }
  }
  return byYear;
}

function moneyRows(input: { fromYear: number; toYear: number; estimate: Map<number | null, number>; spent: Map<number | null, number> }): MoneyByYear[] {
  const years = new Set<number | null>([...input.estimate.keys(), ...input.spent.keys()]);
  for (let year = input.fromYear; year <= input.toYear; year += 1) {
    years.add(year);
  }
  return [...years]
    .sort((a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map((year) => ({
      year,
      estimateThousandsKzt: input.estimate.has(year) ? (input.estimate.get(year) ?? 0) / 10 : null,
      spentThousandsKzt: (input.spent.get(year) ?? 0) / 10,
    }));
}

function addTo(map: Map<number | null, number>, key: number | null, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function assessPlan(input: {
  plan: { title: string; coordinator: string; fromYear: number; toYear: number };
  measures: readonly AssessedMeasure[];
  obligations: readonly AssessedObligation[];
  reports: readonly AssessedReport[];
  organizationName: (code: string) => string;
  on: string;
  language: AssessmentLanguage;
}): PlanAssessment {
  const due = input.obligations.filter((obligation) => obligation.dueDate <= input.on);
  const received = input.reports.filter(isReceivedReport);
  const receivedKeys = new Set(received.map(keyOf));
  const planEstimate = new Map<number | null, number>();
  const planSpent = new Map<number | null, number>();

  const measures = input.measures.map((measure): MeasureAssessment => {
    const bodies = measure.bodies.map((body): BodyFulfilment => {
      const mine = <Entry extends { measure: number; organizationCode: string }>(entry: Entry): boolean =>
        entry.measure === measure.number && entry.organizationCode === body.organizationCode;
      const bodyDue = due.filter(mine);
      const bodyReceived = received.filter(mine);
      const last = [...bodyReceived].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).at(-1);
      return {
        organizationCode: body.organizationCode,
        organizationName: input.organizationName(body.organizationCode),
        lead: body.lead,
        fulfilment: bodyFulfilment({ due: bodyDue, received: bodyReceived }),
        reportsDue: bodyDue.length,
        reportsReceived: bodyReceived.length,
        lastWorkStatus: last?.workStatus ?? null,
      };
    });
    const estimate = estimateByYear(measure.costs);
    const spent = new Map<number | null, number>();
    for (const report of received.filter((entry) => entry.measure === measure.number && entry.moneySpentThousandsKzt !== null)) {
      addTo(spent, Number(report.periodEnd.slice(0, 4)), tenths(report.moneySpentThousandsKzt ?? 0));
    }
    estimate.forEach((value, year) => {
      addTo(planEstimate, year, value);
    });
    spent.forEach((value, year) => {
      addTo(planSpent, year, value);
    });
    return {
      number: measure.number,
      action: measure.action,
      fulfilment: measureFulfilment(bodies.map((body) => body.fulfilment)),
      bodies,
      estimateKind: measure.costs.kind,
      money: moneyRows({ fromYear: input.plan.fromYear, toYear: input.plan.toYear, estimate, spent }),
    };
  });

  const fulfilments = measures.map((measure) => measure.fulfilment);
  const count = (fulfilment: Fulfilment): number => fulfilments.filter((entry) => entry === fulfilment).length;
  return {
    planTitle: input.plan.title,
    coordinator: input.plan.coordinator,
    periodFromYear: input.plan.fromYear,
    periodToYear: input.plan.toYear,
    assessedOn: input.on,
    language: input.language,
    measures,
    money: moneyRows({ fromYear: input.plan.fromYear, toYear: input.plan.toYear, estimate: planEstimate, spent: planSpent }),
    neverReported: due
      .filter((obligation) => !receivedKeys.has(keyOf(obligation)))
      .map((obligation) => ({
        measure: obligation.measure,
        organizationCode: obligation.organizationCode,
        organizationName: input.organizationName(obligation.organizationCode),
        periodLabel: obligation.periodLabel,
        dueDate: obligation.dueDate,
      }))
      .sort((a, b) => a.measure - b.measure || a.dueDate.localeCompare(b.dueDate) || a.organizationCode.localeCompare(b.organizationCode)),
    totals: { measures: measures.length, done: count('done'), partly: count('partly'), not_done: count('not_done'), never_reported: count('never_reported') },
  };
}

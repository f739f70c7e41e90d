import { normalizeCellText } from './cell-text.js';
import { type DeadlineRule, parseDeadlinePhrase, type PlanPeriod } from './deadline-rule.js';
import { type EstimatedCosts, parseCostsCell } from './estimated-costs.js';
import { type FundingSource, parseFundingCell } from './funding-source.js';
import {
  type CellProblem,
  type KnownBody,
  parseResponsibleCell,
  type PlanAbbreviation,
  type ResponsibleBody,
} from './responsible-bodies.js';
import { type PlanColumn, readPlanLayout, type TableRow } from './plan-table-layout.js';

export type { EstimatedCosts, FundingSource, KnownBody, PlanAbbreviation, ResponsibleBody };
export { ALL_AKIMATS_CODE } from './responsible-bodies.js';

export interface Measure {
  number: number;
  action: string;
  completionForm: string;
  responsible: ResponsibleBody[];
  deadlineText: string;
  deadline: DeadlineRule | null;
  /** The cell as written, so a coordinator can compare it with `costs`. */
  costsText: string;
  costs: EstimatedCosts;
  fundingText: string;
  fundingSources: FundingSource[];
  budgetProgrammes: string[];
}

export type ImportProblemField =
  | 'title'
  | 'table'
  | 'number'
  | 'action'
  | 'responsible'
  | 'deadline'
  | 'costs'
  | 'funding'
  | 'unused_text';

export interface ImportProblem {
  measureNumber: number | null;
  field: ImportProblemField;
  text: string;
  message: string;
  /** 1-based line of the input the problem comes from (a measure's first line). */
  line: number | null;
}

export interface PlanImport {
  title: string;
  periodFromYear: number | null;
  periodToYear: number | null;
  decree: { number: string; date: string | null; text: string } | null;
  /** The text before the plan's title (the Decree approving it), one entry per paragraph. */
  preamble: string[];
  measures: Measure[];
  abbreviations: PlanAbbreviation[];
  footnotesAndNotes: string[];
  problems: ImportProblem[];
}

export interface ParsePlanTableOptions {
  knownBodies: ReadonlyArray<KnownBody>;
}

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DECREE = /Decree\s+of\s+the\s+Government\s+of\s+the\s+Republic\s+of\s+Kazakhstan\s+No\.?\s*(\d+)(?:\s+dated\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}))?/i;
const PERIOD = /(\d{4})\s*[-–—]\s*(\d{4})/;

function findDecree(preamble: string[]): PlanImport['decree'] {
  for (const paragraph of preamble) {
    const match = DECREE.exec(paragraph);
    if (match?.[1]) {
      const month = EN_MONTHS.indexOf((match[3] ?? '').toLowerCase()) + 1;
      const date =
        month > 0 && match[2] && match[4]
          ? `${match[4]}-${String(month).padStart(2, '0')}-${match[2].padStart(2, '0')}`
          : null;
      return { number: match[1], date, text: paragraph };
    }
  }
  return null;
}

function cell(row: TableRow, column: PlanColumn): string {
  return row.cells[column] ?? '';
}

function buildMeasure({
  row,
  planPeriod,
  knownBodies,
  planAbbreviations,
  report,
}: {
  row: TableRow;
  planPeriod: PlanPeriod | null;
  knownBodies: ReadonlyArray<KnownBody>;
  planAbbreviations: ReadonlyArray<PlanAbbreviation>;
  report: (field: ImportProblemField, problem: CellProblem) => void;
}): Measure {
  const action = normalizeCellText(cell(row, 'action'));
  if (action === '') {
    report('action', { text: '', message: 'the measure has no action' });
  }
  const { responsible, problems: bodyProblems } = parseResponsibleCell({
    cell: cell(row, 'responsible'),
    knownBodies,
    planAbbreviations,
  });
  bodyProblems.forEach((problem) => report('responsible', problem));

  const deadlineText = normalizeCellText(cell(row, 'deadline'));
  // Without a plan period every year is accepted; the missing period is reported once, above.
  const deadlineParse = parseDeadlinePhrase(deadlineText, planPeriod ?? { fromYear: 0, toYear: 9999 });
  if ('problem' in deadlineParse) {
    report('deadline', { text: deadlineText, message: deadlineParse.problem });
  }

  const costs = parseCostsCell({ cell: cell(row, 'costs'), planPeriod });
  costs.problems.forEach((problem) => report('costs', problem));
  const funding = parseFundingCell(cell(row, 'funding'));
  funding.problems.forEach((problem) => report('funding', problem));

  return {
    number: row.number,
    action,
    completionForm: normalizeCellText(cell(row, 'completionForm')),
    responsible,
    deadlineText,
    deadline: 'rule' in deadlineParse ? deadlineParse.rule : null,
    costsText: costs.costsText,
    costs: costs.costs,
    fundingText: funding.fundingText,
    fundingSources: funding.fundingSources,
    budgetProgrammes: [...new Set([...costs.budgetProgrammes, ...funding.budgetProgrammes])].sort(),
  };
}

/**
 * Reads an Action Plan laid out like 000_*.txt: the Decree, the plan's title,
 * a tab-separated table of measures, notes and the abbreviation list. Nothing
 * is dropped silently: whatever it cannot interpret, and every line it did not
 * use, is listed in `problems` for a person to settle before the import is
 * confirmed.
 */
export function parsePlanTable(text: string, options: ParsePlanTableOptions): PlanImport {
  const layout = readPlanLayout(text);
  const problems: ImportProblem[] = [...layout.problems];

  const titleMatch = PERIOD.exec(layout.title) ?? PERIOD.exec(layout.preamble.join(' '));
  const planPeriod: PlanPeriod | null = titleMatch
    ? { fromYear: Number(titleMatch[1]), toYear: Number(titleMatch[2]) }
    : null;
  if (layout.title === '') {
    problems.push({ measureNumber: null, field: 'title', text: '', message: 'no plan title was found before the table', line: null });
  }
  if (!planPeriod) {
    problems.push({
      measureNumber: null,
      field: 'title',
      text: layout.title,
      message: 'no plan period (such as 2009-2011) was found; annual amounts and recurring reports cannot be dated',
      line: null,
    });
  }

  const measures = layout.rows.map((row) =>
    buildMeasure({
      row,
      planPeriod,
      knownBodies: options.knownBodies,
      planAbbreviations: layout.abbreviations,
      report: (field, problem) =>
        problems.push({ measureNumber: row.number, field, text: problem.text, message: problem.message, line: row.line }),
    }),
  );

  measures.forEach((measure, position) => {
    const expected = position === 0 ? 1 : (measures[position - 1]?.number ?? 0) + 1;
    if (measure.number !== expected) {
      problems.push({
        measureNumber: measure.number,
        field: 'number',
        text: String(measure.number),
        message: `measure ${measure.number} follows measure ${expected - 1}; a measure may be missing or numbered twice`,
        line: layout.rows[position]?.line ?? null,
      });
    }
  });

  return {
    title: layout.title,
    periodFromYear: planPeriod?.fromYear ?? null,
    periodToYear: planPeriod?.toYear ?? null,
    decree: findDecree(layout.preamble),
    preamble: layout.preamble,
    measures,
    abbreviations: layout.abbreviations,
    footnotesAndNotes: layout.notes,
    problems: problems.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)),
  };
}

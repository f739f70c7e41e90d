import { normalizeCellText } from './cell-text.js';
import type { CellProblem } from './responsible-bodies.js';

export type FundingSource = 'republican_budget' | 'local_budget' | 'grants' | 'other';

const SOURCES: ReadonlyArray<{ source: FundingSource; pattern: RegExp }> = [
  { source: 'republican_budget', pattern: /\bRB\b|republican budget/i },
  { source: 'local_budget', pattern: /\bLB\b|local budgets?\b/i },
  { source: 'grants', pattern: /\bgrants?\b/i },
  { source: 'other', pattern: /\bsponsor|\bdonor|international organi[sz]ations? funds|own funds|other sources/i },
];

// Budget programme titles are quoted and may contain numbers of their own. A
// stray bracket may split "budget) program 010" where a page break cut the cell.
const QUOTED = /“[^”]*”|"[^"]*"|«[^»]*»/g;
const PROGRAMME_LIST = /budget[\s)]+programs?\s*:?\s*(\d{3}(?!\d)(?:\s*[,;]?\s*(?:and\s+)?\d{3}(?!\d))*)/gi;

/** Budget programme codes named after "budget program(s)": "006", "025". Sorted, each once. */
export function budgetProgrammesIn(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.replace(QUOTED, ' ').matchAll(PROGRAMME_LIST)) {
    for (const code of (match[1] ?? '').match(/\d{3}/g) ?? []) {
      codes.add(code);
    }
  }
  return [...codes].sort();
}

/**
 * Reads a "Source of Financing" cell: RB and LB are the plan's own
 * abbreviations for the republican and local budgets. A dash means the
 * measure needs no money. Text that names no source we know is kept as
 * 'other' and reported, so a person says what it is.
 */
export function parseFundingCell(cell: string): {
  fundingText: string;
  fundingSources: FundingSource[];
  budgetProgrammes: string[];
  problems: CellProblem[];
} {
  const fundingText = normalizeCellText(cell);
  if (fundingText === '' || /^[-–—]$/.test(fundingText)) {
    return { fundingText, fundingSources: [], budgetProgrammes: [], problems: [] };
  }
  const fundingSources = SOURCES.filter(({ pattern }) => pattern.test(fundingText)).map(({ source }) => source);
  const problems: CellProblem[] =
    fundingSources.length === 0
      ? [{ text: fundingText, message: 'names no source of financing we know (RB, LB, grant); say which it is' }]
      : [];
  return {
    fundingText,
    fundingSources: fundingSources.length === 0 ? ['other'] : fundingSources,
    budgetProgrammes: budgetProgrammesIn(fundingText),
    problems,
  };
}

import { normalizeCellText } from './cell-text.js';
import type { PlanPeriod } from './deadline-rule.js';
import { budgetProgrammesIn } from './funding-source.js';
import type { CellProblem } from './responsible-bodies.js';

/**
 * - not_required: the plan says "Not required".
 * - not_stated: the cell is a dash or empty; the plan gives no estimate.
 * - within_existing_funds: no new money, the work is paid from a budget
 *   programme's existing allocation (the note names it).
 * - amounts: thousands of tenge. `year` is null only for an amount the cell
 *   ties to no year; "Annually 12 221,0" is spread over every plan year.
 *   A year may repeat: measure 5 and 18 list one series per region.
 */
export type EstimatedCosts =
  | { kind: 'not_required' }
  | { kind: 'not_stated' }
  | { kind: 'within_existing_funds'; note: string }
  | { kind: 'amounts'; perYear: Array<{ year: number | null; thousandsKzt: number }>; note: string };

// A space groups thousands only in front of a decimal comma ("12 221,0"), so
// that "80,0 2010 - 90,0" is never read as one number.
const AMOUNT = String.raw`(\d{1,3}(?:[ \u00a0]\d{3})+(?=,)|\d+)(?:,(\d*))?(?!\d)`;
const YEAR_AMOUNT = new RegExp(String.raw`(\d{4})\s*[-–—:]\s*${AMOUNT}`, 'y');
const BARE_AMOUNT = new RegExp(AMOUNT, 'y');
const ANNUALLY = /(?:annually|per year|each year)\b/iy;
const UNIT = /\(?(?:ths\.?|thousands?)\s+(?:of\s+)?(?:KZT|tenge)\)?/iy;
const SEPARATORS = /[\s,;.]+/y;
const WORD = /\S+/y;
// "Within the funds ... under budget program(s) 001, 012 MIA": the clause ends
// after the programme list and the body that holds it, or before the first
// "2009 - amount", or at the end of the cell.
const WITHIN_FUNDS = new RegExp(
  [
    String.raw`[Ww]ithin\s+(?:the\s+)?(?:existing\s+)?funds\b.*?`,
    String.raw`(?:budget\s+programs?\s*:?\s*\d{3}(?!\d)(?:\s*(?:,|and)\s*\d{3}(?!\d))*(?:\s+[A-Z]{2,6}\b)?`,
    String.raw`|(?=\s+\d{4}\s*[-–—])|$)`,
  ].join(''),
);

interface Reading {
  amounts: Array<{ year: number | null; thousandsKzt: number }>;
  words: string[];
  unread: string[];
  ragged: string[];
  unspread: boolean;
}

function amountValue(whole: string, fraction: string | undefined): number {
  return Number(`${whole.replace(/\D/g, '')}.${fraction === undefined || fraction === '' ? '0' : fraction}`);
}

function readAmounts(text: string, planPeriod: PlanPeriod | null): Reading {
  const reading: Reading = { amounts: [], words: [], unread: [], ragged: [], unspread: false };
  let annually = false;
  let position = 0;
  const at = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match) {
      position = pattern.lastIndex;
    }
    return match;
  };
  const note = (match: RegExpExecArray, fraction: string | undefined): void => {
    if (fraction === '') {
      reading.ragged.push(match[0]);
    }
  };
  while (position < text.length) {
    if (at(SEPARATORS) || at(UNIT)) {
      continue;
    }
    if (at(ANNUALLY)) {
      annually = true;
      reading.words.push('Annually');
      continue;
    }
    const dated = at(YEAR_AMOUNT);
    if (dated) {
      reading.amounts.push({ year: Number(dated[1]), thousandsKzt: amountValue(dated[2] ?? '', dated[3]) });
      note(dated, dated[3]);
      continue;
    }
    const bare = at(BARE_AMOUNT);
    if (bare) {
      const thousandsKzt = amountValue(bare[1] ?? '', bare[2]);
      note(bare, bare[2]);
      if (annually && planPeriod) {
        for (let year = planPeriod.fromYear; year <= planPeriod.toYear; year += 1) {
          reading.amounts.push({ year, thousandsKzt });
        }
      } else {
        reading.unspread ||= annually;
        reading.amounts.push({ year: null, thousandsKzt });
      }
      continue;
    }
    const word = at(WORD);
    reading.unread.push(word?.[0] ?? text.slice(position));
    if (!word) {
      break;
    }
  }
  return reading;
}

/**
 * Reads an "Estimated Costs (ths. of KZT)" cell. It keeps every amount it can
 * read and reports what it cannot, rather than failing the whole cell: the
 * costs of measure 5 end in a cut-off "2009 - 4 500,".
 */
export function parseCostsCell({ cell, planPeriod }: { cell: string; planPeriod: PlanPeriod | null }): {
  costsText: string;
  costs: EstimatedCosts;
  budgetProgrammes: string[];
  problems: CellProblem[];
} {
  const costsText = normalizeCellText(cell);
  if (/^not required\.?$/i.test(costsText)) {
    return { costsText, costs: { kind: 'not_required' }, budgetProgrammes: [], problems: [] };
  }
  if (costsText === '' || /^[-–—]$/.test(costsText)) {
    return { costsText, costs: { kind: 'not_stated' }, budgetProgrammes: [], problems: [] };
  }

  const within = WITHIN_FUNDS.exec(costsText);
  const clause = within ? within[0].trim() : '';
  const rest = within ? `${costsText.slice(0, within.index)} ${costsText.slice(within.index + within[0].length)}` : costsText;
  const reading = readAmounts(rest, planPeriod);
  const problems: CellProblem[] = reading.ragged.map((text) => ({
    text,
    message: `"${text.trim()}" ends in a decimal comma with nothing after it; read as the whole thousands before it, check against the signed plan`,
  }));
  if (reading.unread.length > 0) {
    problems.push({
      text: reading.unread.join(' '),
      message: 'could not read this part of the estimated costs; the amounts that could be read are kept',
    });
  }
  if (reading.unspread) {
    problems.push({ text: costsText, message: 'an annual amount could not be spread over years: the plan period is unknown' });
  }

  const noteText = [...reading.words, clause].filter((part) => part !== '').join('; ');
  const budgetProgrammes = budgetProgrammesIn(clause);
  if (reading.amounts.length > 0) {
    return { costsText, costs: { kind: 'amounts', perYear: reading.amounts, note: noteText }, budgetProgrammes, problems };
  }
  if (clause !== '') {
    return { costsText, costs: { kind: 'within_existing_funds', note: clause }, budgetProgrammes, problems };
  }
  return { costsText, costs: { kind: 'not_stated' }, budgetProgrammes, problems };
}

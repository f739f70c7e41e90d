import { normalizeCellText } from './cell-text.js';

/**
 * "Akimats of regions and cities of Astana and Almaty" names every akimat at
 * once; plans use it for work each region does on its own. One code stands for
 * all of them, so the import need not invent one row per region.
 */
export const ALL_AKIMATS_CODE = 'AKIMATS';

export interface KnownBody {
  code: string;
  aliases: string[];
}

export interface ResponsibleBody {
  /** The entry as the plan wrote it, markers included: "PGO (by agreement)". */
  text: string;
  bodyCode: string | null;
  lead: boolean;
  byAgreement: boolean;
}

export interface PlanAbbreviation {
  abbreviation: string;
  expansion: string;
}

export interface CellProblem {
  text: string;
  message: string;
}

const BY_AGREEMENT = /\(\s*by\s+agreement\s*\)/i;
// "MJ (convening)" in measure 17: the body that convenes leads, wherever it is listed.
const CONVENING = /\(\s*convening\s*\)/i;
const ALL_AKIMATS = /^(?:akimats|akims)\b/i;
const INCLUDING = /,?\s*\bincluding\b/i;

function matchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[“”"«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ (?:of|in) the republic of kazakhstan$/, '');
}

/** Splits on commas and semicolons that are not inside brackets. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') {
      depth += 1;
    } else if (character === ')') {
      depth = Math.max(0, depth - 1);
    }
    if ((character === ',' || character === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * The entries of a "Responsible for Performance" cell. Two or more spaces
 * separate entries that lost their comma when PDF cells were merged ("MCI
 * Akimats of regions ..."). "including ..." lists the regions an entry covers,
 * so the rest of the cell after it stays with that entry, commas and all.
 */
export function splitResponsibleCell(cell: string): string[] {
  return cell
    .split(/\s{2,}/)
    .map(normalizeCellText)
    .filter((piece) => piece !== '')
    .flatMap((piece) => {
      const including = INCLUDING.exec(piece);
      if (!including) {
        return splitOutsideBrackets(piece);
      }
      const head = splitOutsideBrackets(piece.slice(0, including.index));
      const tail = piece.slice(including.index);
      const last = head.pop();
      return [...head, last === undefined ? tail.replace(/^,\s*/, '') : `${last}${tail}`];
    });
}

function bodyIndex(knownBodies: ReadonlyArray<KnownBody>): Map<string, string> {
  const index = new Map<string, string>();
  for (const body of knownBodies) {
    for (const name of [body.code, ...body.aliases]) {
      const key = matchKey(name);
      if (key !== '' && !index.has(key)) {
        index.set(key, body.code);
      }
    }
  }
  return index;
}

function resolveBody({
  name,
  index,
  planAbbreviations,
}: {
  name: string;
  index: Map<string, string>;
  planAbbreviations: ReadonlyArray<PlanAbbreviation>;
}): string | null {
  if (ALL_AKIMATS.test(name)) {
    return ALL_AKIMATS_CODE;
  }
  const withoutBrackets = name.replace(/\([^)]*\)/g, ' ');
  for (const candidate of [name, withoutBrackets]) {
    const key = matchKey(candidate);
    const direct = index.get(key);
    if (direct !== undefined) {
      return direct;
    }
    // The plan's own abbreviation list bridges a full name to a known
    // abbreviation and back, so "Ministry of Justice" finds MJ.
    for (const entry of planAbbreviations) {
      const other =
        matchKey(entry.abbreviation) === key
          ? entry.expansion
          : matchKey(entry.expansion) === key
            ? entry.abbreviation
            : null;
      const code = other === null ? undefined : index.get(matchKey(other));
      if (code !== undefined) {
        return code;
      }
    }
  }
  return null;
}

/**
 * Reads a "Responsible for Performance" cell. The first entry leads unless
 * another is marked "(convening)"; "(by agreement)" is taken from the text
 * only, as the plan marks it, not from what we know about the body.
 */
export function parseResponsibleCell({
  cell,
  knownBodies,
  planAbbreviations,
}: {
  cell: string;
  knownBodies: ReadonlyArray<KnownBody>;
  planAbbreviations: ReadonlyArray<PlanAbbreviation>;
}): { responsible: ResponsibleBody[]; problems: CellProblem[] } {
  const entries = splitResponsibleCell(cell);
  if (entries.length === 0) {
    return { responsible: [], problems: [{ text: cell, message: 'no responsible body is named' }] };
  }
  const index = bodyIndex(knownBodies);
  const convening = entries.findIndex((entry) => CONVENING.test(entry));
  const leadIndex = convening === -1 ? 0 : convening;
  const problems: CellProblem[] = [];
  const responsible = entries.map((entry, position) => {
    const name = entry.replace(BY_AGREEMENT, ' ').replace(CONVENING, ' ').replace(/\s+/g, ' ').trim();
    const bodyCode = resolveBody({ name, index, planAbbreviations });
    if (bodyCode === null) {
      problems.push({
        text: entry,
        message: `"${name}" is not a known body: choose the body it means, or add the name as an alias of one`,
      });
    }
    return { text: entry, bodyCode, lead: position === leadIndex, byAgreement: BY_AGREEMENT.test(entry) };
  });
  return { responsible, problems };
}

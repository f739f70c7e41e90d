import { normalizeCellText } from './cell-text.js';
import type { ImportProblem } from './plan-table-parser.js';
import type { PlanAbbreviation } from './responsible-bodies.js';

export type PlanColumn = 'number' | 'action' | 'completionForm' | 'responsible' | 'deadline' | 'costs' | 'funding';

/** One measure, its cells joined over the rows that continue it; text is still raw. */
export interface TableRow {
  number: number;
  line: number;
  cells: Partial<Record<PlanColumn, string>>;
}

export interface PlanLayout {
  title: string;
  preamble: string[];
  rows: TableRow[];
  abbreviations: PlanAbbreviation[];
  notes: string[];
  problems: ImportProblem[];
}

// Checked in order, so "Completion Form" is not taken for the action column.
const COLUMN_HEADERS: ReadonlyArray<{ column: PlanColumn; pattern: RegExp }> = [
  { column: 'number', pattern: /^(?:no\.?|№|#|number)$/i },
  { column: 'completionForm', pattern: /completion|form of/i },
  { column: 'responsible', pattern: /responsib/i },
  { column: 'deadline', pattern: /date|deadline|term/i },
  { column: 'costs', pattern: /cost|expens/i },
  { column: 'funding', pattern: /source|financ|funding/i },
  { column: 'action', pattern: /action|measure|event/i },
];
const MEASURE_NUMBER = /^(\d+)\.?$/;
const ABBREVIATION = /^(?:[-*•]\s+)?(.+?)\s+[–—-]\s+(.+)$/;
const ABBREVIATION_HEADING = /abbreviation/i;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function readHeader(line: string): Array<PlanColumn | null> | null {
  if (!line.includes('\t')) {
    return null;
  }
  const taken = new Set<PlanColumn>();
  const columns = line.split('\t').map((header) => {
    const text = normalizeCellText(header);
    const found = COLUMN_HEADERS.find(({ column, pattern }) => !taken.has(column) && pattern.test(text));
    if (found) {
      taken.add(found.column);
    }
    return found?.column ?? null;
  });
  return taken.has('number') && taken.has('action') && taken.size >= 5 ? columns : null;
}

function isColumnNumbering(cells: string[]): boolean {
  return cells.length > 1 && cells.every((cell, index) => cell.trim() === String(index + 1));
}

/** Bold blocks ("**...**", possibly over several lines) and plain paragraphs, in order. */
function readBlocks(lines: string[]): Array<{ bold: boolean; text: string }> {
  const blocks: Array<{ bold: boolean; text: string }> = [];
  let bold: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    if (bold !== null) {
      bold.push(trimmed);
      if (trimmed.endsWith('**')) {
        blocks.push({ bold: true, text: normalizeCellText(bold.join(' ')) });
        bold = null;
      }
    } else if (trimmed.startsWith('**')) {
      bold = [trimmed];
      if (trimmed.length > 2 && trimmed.endsWith('**')) {
        blocks.push({ bold: true, text: normalizeCellText(trimmed) });
        bold = null;
      }
    } else if (trimmed !== '') {
      blocks.push({ bold: false, text: normalizeCellText(trimmed) });
    }
  }
  if (bold !== null) {
    blocks.push({ bold: false, text: normalizeCellText(bold.join(' ')) });
  }
  return blocks;
}

interface Tracking {
  lines: string[];
  /** Lines read into some part of the plan; blank lines count as read. */
  used: boolean[];
  /** The measure being read when a line was met, for lines left over inside the table. */
  owner: Array<number | null>;
  problems: ImportProblem[];
}

function readTable({
  tracking,
  headerIndex,
  columns,
}: {
  tracking: Tracking;
  headerIndex: number;
  columns: Array<PlanColumn | null>;
}): { rows: TableRow[]; lastRowIndex: number } {
  const { lines, used, owner, problems } = tracking;
  const rows: TableRow[] = [];
  const lastRowIndex = Math.max(headerIndex, lines.findLastIndex((line) => line.includes('\t')));
  let current: TableRow | null = null;
  for (let index = headerIndex + 1; index <= lastRowIndex; index += 1) {
    const line = lines[index] ?? '';
    owner[index] = current?.number ?? null;
    if (used[index] === true || !line.includes('\t')) {
      continue;
    }
    const cells = line.split('\t');
    if (current === null && isColumnNumbering(cells)) {
      used[index] = true;
      continue;
    }
    const numberMatch = MEASURE_NUMBER.exec(cells[0]?.trim() ?? '');
    if (numberMatch) {
      current = { number: Number(numberMatch[1]), line: index + 1, cells: {} };
      rows.push(current);
      owner[index] = current.number;
    } else if (cells[0]?.trim() !== '' || current === null) {
      continue;
    }
    const row = current;
    used[index] = true;
    cells.forEach((raw, cellIndex) => {
      const column = columns[cellIndex];
      const part = raw.trim();
      if (cellIndex === 0 || part === '') {
        return;
      }
      if (column === undefined || column === null) {
        problems.push({
          measureNumber: row.number,
          field: 'unused_text',
          text: part,
          message: 'a cell beyond the columns of the table header; nothing was read from it',
          line: index + 1,
        });
        return;
      }
      const before = row.cells[column];
      row.cells[column] = before === undefined ? part : `${before} ${part}`;
    });
  }
  return { rows, lastRowIndex };
}

function readTail({ tracking, from }: { tracking: Tracking; from: number }): Pick<PlanLayout, 'notes' | 'abbreviations'> {
  const { lines, used } = tracking;
  const tail: Pick<PlanLayout, 'notes' | 'abbreviations'> = { notes: [], abbreviations: [] };
  let inAbbreviations = false;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) {
      continue;
    }
    const plain = normalizeCellText(line);
    if (ABBREVIATION_HEADING.test(plain) && plain.length <= 60) {
      inAbbreviations = true;
      used[index] = true;
    } else if (!inAbbreviations) {
      tail.notes.push(plain);
      used[index] = true;
    } else {
      const entry = ABBREVIATION.exec(plain);
      if (entry?.[1] && entry[2]) {
        tail.abbreviations.push({ abbreviation: entry[1].trim(), expansion: entry[2].trim() });
        used[index] = true;
      }
    }
  }
  return tail;
}

/**
 * Finds the parts of a plan document: everything before the table header is
 * the preamble, whose last bold block is the plan's title; then the table;
 * then notes up to an "Abbreviation" heading, and the abbreviation list.
 * A row whose first cell is empty continues the previous measure (a page
 * break split it), cell by cell. Lines that fit none of these are reported.
 */
export function readPlanLayout(text: string): PlanLayout {
  const lines = text.split(/\r?\n/);
  const tracking: Tracking = { lines, used: lines.map(isBlank), owner: lines.map(() => null), problems: [] };
  const layout: PlanLayout = { title: '', preamble: [], rows: [], abbreviations: [], notes: [], problems: tracking.problems };
  const headerIndex = lines.findIndex((line) => readHeader(line) !== null);
  const columns = headerIndex === -1 ? null : readHeader(lines[headerIndex] ?? '');

  if (columns === null) {
    tracking.problems.push({
      measureNumber: null,
      field: 'table',
      text: '',
      message: 'no table header (No., Action, ..., Source of Financing) was found, so no measure could be read',
      line: null,
    });
  } else {
    const blocks = readBlocks(lines.slice(0, headerIndex));
    const titleIndex = blocks.findLastIndex((block) => block.bold);
    layout.title = blocks[titleIndex]?.text ?? '';
    layout.preamble = blocks.filter((_, index) => index !== titleIndex).map((block) => block.text);
    tracking.used.fill(true, 0, headerIndex + 1);
    for (const missing of COLUMN_HEADERS.filter(({ column }) => !columns.includes(column))) {
      tracking.problems.push({
        measureNumber: null,
        field: 'table',
        text: normalizeCellText(lines[headerIndex] ?? ''),
        message: `the table has no ${missing.column} column; that field is left empty in every measure`,
        line: headerIndex + 1,
      });
    }
    const { rows, lastRowIndex } = readTable({ tracking, headerIndex, columns });
    layout.rows = rows;
    Object.assign(layout, readTail({ tracking, from: lastRowIndex + 1 }));
  }

  lines.forEach((line, index) => {
    if (tracking.used[index] !== true) {
      tracking.problems.push({
        measureNumber: tracking.owner[index] ?? null,
        field: 'unused_text',
        text: normalizeCellText(line),
        message: 'this line was not read into any part of the plan',
        line: index + 1,
      });
    }
  });
  return layout;
}

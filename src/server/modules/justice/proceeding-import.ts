import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SenimDatabase } from '../../db/database.js';
import type { CodeEdition, Database } from '../../db/schema.js';
import type { SystemActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { recordProceedingMovement } from './proceeding-movement.js';
import { codeEditionOn, proceedingStages, refuseStageMove, type ProceedingStage } from './proceeding-stages.js';
import { articleRef, type LocalizedRef } from './qualification.js';

// Bulk load of proceedings as the Committee for Legal Statistics exports them
// (docs/justice-import.md describes the columns). A row is one proceeding,
// keyed by its register number: a first import creates it, a later export
// adds the stages and the court's qualification it has reached since, and
// nothing recorded is ever overwritten. A row that cannot be taken as it is
// is listed with its line and the reason, and the rest go on.

export const importColumns = [
  'register_number',
  'registered_on',
  'registering_body',
  'investigating_body',
  'investigating_unit',
  'region',
  'articles',
  'stage',
  'pre_trial_on',
  'suspended_on',
  'discontinued_on',
  'discontinued_grounds',
  'resumed_on',
  'sent_to_court_on',
  'court_articles',
  'verdict_on',
  'appeal_on',
  'final_on',
  'cassation_on',
] as const;

export type ImportColumn = (typeof importColumns)[number];

const requiredColumns: readonly ImportColumn[] = ['register_number', 'registered_on', 'registering_body', 'investigating_body', 'region', 'articles', 'stage'];

/** A file that is not a table of proceedings at all: the command exits non-zero on it. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export type ImportProblem =
  | 'missing_value'
  | 'bad_value'
  | 'bad_date'
  | 'unknown_body'
  | 'not_law_enforcement'
  | 'unknown_region'
  | 'unknown_article'
  | 'stage_order_impossible'
  | 'duplicate_in_file'
  | 'conflicts_with_record';

export interface ImportRejection {
  line: number;
  registerNumber: string | null;
  problem: ImportProblem;
  reason: string;
}

export interface ProceedingImportReport {
  rows: number;
  created: number;
  /** Rows that added stages or a court qualification to a proceeding already recorded. */
  advanced: number;
  /** Rows that said nothing the record did not hold already. */
  unchanged: number;
  rejected: ImportRejection[];
  /** Header columns this import does not know, left aside. */
  ignoredColumns: string[];
}

export interface CsvRecord {
  /** The file's line where the record starts (the header is line 1). */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

/** Comma or semicolon, whichever the header uses outside quotes. */
function delimiterOf(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      commas += 1;
    } else if (!quoted && char === ';') {
      semicolons += 1;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/** RFC 4180 records, each with the line it starts on; quotes may hold delimiters and line breaks. */
function splitRecords(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] as string;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') {
          line += 1;
        }
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') {
        at += 1;
      }
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else {
      field += char;
    }
  }
  if (quoted) {
    throw new ImportFileError(`A quotation mark opened on line ${start} is never closed`);
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

/** The records of an export; throws ImportFileError when it is not one. */
export function readProceedingCsv(text: string): { records: CsvRecord[]; ignoredColumns: string[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.includes('\u0000') || body.includes('\uFFFD')) {
    throw new ImportFileError('The file is not UTF-8 text (save the export as CSV UTF-8)');
  }
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const [header, ...rows] = splitRecords(body, delimiterOf(firstLine));
  if (!header) {
    throw new ImportFileError('The file is empty: a header row and one row per proceeding are expected');
  }
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(importColumns);
  const missing = requiredColumns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(`The header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (see docs/justice-import.md)`);
  }
  const repeated = names.filter((name, index) => known.has(name) && names.indexOf(name) !== index);
  if (repeated.length > 0) {
    throw new ImportFileError(`The header row names ${[...new Set(repeated)].join(', ')} more than once`);
  }
  const records = rows.map((row) => {
    const values: Partial<Record<ImportColumn, string>> = {};
    names.forEach((name, index) => {
      if (known.has(name)) {
        values[name as ImportColumn] = (row.fields[index] ?? '').trim();
      }
    });
    return { line: row.line, values };
  });
  return { records, ignoredColumns: names.filter((name) => name !== '' && !known.has(name)) };
}

/** An article as the export writes it: 128, 128(3), 128 ч.3 п.2, 125(3)(b), 132-1. */
export interface ArticleRef {
  text: string;
  base: string;
  part: string | null;
  paragraph: string | null;
}

const articlePattern = /^(\d{1,4}(?:-\d{1,2})?)(?:\(([0-9]{1,2})\))?(?:\(([0-9a-zа-я]{1,3})\))?$/i;

export function parseArticleRef(text: string): ArticleRef | null {
  const compact = text
    .trim()
    .replace(/\s*ч\.?\s*(\d+)/giu, '($1)')
    .replace(/\s*п\.?\s*([0-9a-zа-я]+)/giu, '($1)')
    .replace(/\s+/g, '');
  const match = articlePattern.exec(compact);
  if (!match) {
    return null;
  }
  return { text: text.trim(), base: match[1] as string, part: match[2] ?? null, paragraph: match[3]?.toLowerCase() ?? null };
}

/** The articles of one column, separated by semicolons or commas. */
export function parseArticleList(text: string): { refs: ArticleRef[] } | { unreadable: string } {
  const refs: ArticleRef[] = [];
  for (const item of text.split(/[;,]/).map((part) => part.trim()).filter((part) => part !== '')) {
    const ref = parseArticleRef(item);
    if (!ref) {
      return { unreadable: item };
    }
    refs.push(ref);
  }
  return { refs };
}

/** YYYY-MM-DD or DD.MM.YYYY, a real calendar day; null otherwise. */
export function parseExportDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  const value = `${year}-${month}-${day}`;
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

export interface StageStep {
  stage: ProceedingStage;
  on: string;
  reason: string | null;
}

/** The reason a move back to pre-trial investigation carries when an export records it. */
export const RESUMED_REASON = 'Investigation resumed (resumed_on in the legal statistics export)';

export const investigatingUnits = ['criminal_police', 'migration_police', 'juvenile_police', 'border_service'] as const;
type InvestigatingUnit = (typeof investigatingUnits)[number];

/** A row that reads well on its own; bodies, region and articles are still codes to resolve. */
export interface ParsedProceedingRow {
  line: number;
  registerNumber: string;
  registeredOn: string;
  edition: CodeEdition;
  registeringBody: string;
  investigatingBody: string;
  investigatingUnit: InvestigatingUnit | null;
  region: string;
  articles: ArticleRef[];
  courtArticles: ArticleRef[];
  /** Where the court's qualification was decided, when the row has one. */
  court: { on: string; phase: 'indictment' | 'court' } | null;
  path: StageStep[];
}

type RowOutcome = { row: ParsedProceedingRow } | { rejection: ImportRejection };

const registerNumberPattern = /^\d{6,20}$/;

const stageWords: Record<ProceedingStage, string> = {
  registered: 'registered',
  pre_trial_investigation: 'pre-trial investigation',
  suspended_perpetrator_unknown: 'suspended',
  discontinued_non_rehabilitating: 'discontinued (non-rehabilitating)',
  discontinued_rehabilitating: 'discontinued (rehabilitating)',
  sent_to_court: 'sent to court',
  first_instance_verdict: 'first-instance verdict',
  appeal: 'appeal',
  cassation: 'cassation',
  final: 'final',
};

/** Checks one record on its own (dates, codes' shape, the order of stages), without the database. */
export function parseProceedingRow(record: CsvRecord, today: string): RowOutcome {
  const value = (column: ImportColumn): string => record.values[column] ?? '';
  const registerNumber = value('register_number');
  const reject = (problem: ImportProblem, reason: string): RowOutcome => ({ rejection: { line: record.line, registerNumber: registerNumber === '' ? null : registerNumber, problem, reason } });
  for (const column of requiredColumns) {
    if (value(column) === '') {
      return reject('missing_value', `${column} is empty`);
    }
  }
  if (!registerNumberPattern.test(registerNumber)) {
    return reject('bad_value', `register_number "${registerNumber}" is not a register number (6 to 20 digits; the ERDR prints 15)`);
  }
  const dates: Partial<Record<ImportColumn, string>> = {};
  for (const column of ['registered_on', 'pre_trial_on', 'suspended_on', 'discontinued_on', 'resumed_on', 'sent_to_court_on', 'verdict_on', 'appeal_on', 'final_on', 'cassation_on'] as const) {
    const text = value(column);
    if (text === '') {
      continue;
    }
    const date = parseExportDate(text);
    if (date === null) {
      return reject('bad_date', `${column} "${text}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
    }
    if (date > today) {
      return reject('bad_date', `${column} ${date} is in the future`);
    }
    dates[column] = date;
  }
  const registeredOn = dates.registered_on as string;
  if (registeredOn >= '2015-01-01' && registerNumber.length !== 15) {
    return reject('bad_value', `register_number "${registerNumber}" is not an ERDR number: from 2015 it has 15 digits`);
  }
  for (const [column, date] of Object.entries(dates)) {
    if (date < registeredOn) {
      return reject('bad_date', `${column} ${date} is before registered_on ${registeredOn}`);
    }
  }
  const unit = value('investigating_unit');
  if (unit !== '' && !(investigatingUnits as readonly string[]).includes(unit)) {
    return reject('bad_value', `investigating_unit "${unit}" is none of ${investigatingUnits.join(', ')}`);
  }
  const stage = value('stage');
  if (!(proceedingStages as readonly string[]).includes(stage)) {
    return reject('bad_value', `stage "${stage}" is none of ${proceedingStages.join(', ')}`);
  }
  const articles = parseArticleList(value('articles'));
  if ('unreadable' in articles) {
    return reject('unknown_article', `articles: "${articles.unreadable}" is not an article reference such as 128(3) or 309`);
  }
  if (articles.refs.length === 0) {
    return reject('missing_value', 'articles is empty');
  }
  const courtArticles = parseArticleList(value('court_articles'));
  if ('unreadable' in courtArticles) {
    return reject('unknown_article', `court_articles: "${courtArticles.unreadable}" is not an article reference such as 128(3) or 309`);
  }
  const grounds = value('discontinued_grounds');
  if ((grounds === '') !== (dates.discontinued_on === undefined)) {
    return reject('missing_value', dates.discontinued_on === undefined ? 'discontinued_grounds is given without discontinued_on' : 'discontinued_on needs discontinued_grounds (non_rehabilitating or rehabilitating)');
  }
  if (grounds !== '' && grounds !== 'non_rehabilitating' && grounds !== 'rehabilitating') {
    return reject('bad_value', `discontinued_grounds "${grounds}" is neither non_rehabilitating nor rehabilitating`);
  }
  const path = stagePathOf(registeredOn, stage as ProceedingStage, dates, grounds === 'rehabilitating' ? 'discontinued_rehabilitating' : 'discontinued_non_rehabilitating');
  if ('impossible' in path) {
    return reject('stage_order_impossible', path.impossible);
  }
  const courtOn = dates.verdict_on ?? dates.sent_to_court_on;
  if (courtArticles.refs.length > 0 && courtOn === undefined) {
    return reject('stage_order_impossible', 'court_articles are given but the proceeding was never sent to court (sent_to_court_on is empty)');
  }
  return {
    row: {
      line: record.line,
      registerNumber,
      registeredOn,
      edition: codeEditionOn(registeredOn),
      registeringBody: value('registering_body').toUpperCase(),
      investigatingBody: value('investigating_body').toUpperCase(),
      investigatingUnit: unit === '' ? null : (unit as InvestigatingUnit),
      region: value('region').toUpperCase(),
      articles: articles.refs,
      courtArticles: courtArticles.refs,
      court: courtArticles.refs.length > 0 && courtOn !== undefined ? { on: courtOn, phase: dates.verdict_on === undefined ? 'indictment' : 'court' } : null,
      path: path.steps,
    },
  };
}

/**
 * The stages a row says the proceeding went through, in the only order the
 * Code of Criminal Procedure allows, each checked by the same rule the
 * investigator's screen applies.
 */
function stagePathOf(registeredOn: string, stage: ProceedingStage, dates: Partial<Record<ImportColumn, string>>, discontinued: ProceedingStage): { steps: StageStep[] } | { impossible: string } {
  const later: [ImportColumn, ProceedingStage, string | null][] = [
    ['suspended_on', 'suspended_perpetrator_unknown', null],
    ['discontinued_on', discontinued, null],
    ['resumed_on', 'pre_trial_investigation', RESUMED_REASON],
    ['sent_to_court_on', 'sent_to_court', null],
    ['verdict_on', 'first_instance_verdict', null],
    ['appeal_on', 'appeal', null],
    ['final_on', 'final', null],
    ['cassation_on', 'cassation', null],
  ];
  const reached = later.filter(([column]) => dates[column] !== undefined);
  const steps: StageStep[] = [{ stage: 'registered', on: registeredOn, reason: null }];
  const columns: ImportColumn[] = ['registered_on'];
  // In the ERDR, registration opens the pre-trial investigation: without its own date it starts that day.
  if (stage !== 'registered' || dates.pre_trial_on !== undefined || reached.length > 0) {
    steps.push({ stage: 'pre_trial_investigation', on: dates.pre_trial_on ?? registeredOn, reason: null });
    columns.push('pre_trial_on');
  }
  for (const [column, next, reason] of reached) {
    steps.push({ stage: next, on: dates[column] as string, reason });
    columns.push(column);
  }
  for (let at = 1; at < steps.length; at += 1) {
    const before = steps[at - 1] as StageStep;
    const step = steps[at] as StageStep;
    if (step.on < before.on) {
      return { impossible: `${columns[at]} ${step.on} is before ${columns[at - 1]} ${before.on}` };
    }
    if (refuseStageMove(before.stage, step.stage, step.reason) !== null) {
      const hint = before.stage === 'suspended_perpetrator_unknown' || before.stage.startsWith('discontinued') ? ' (resumed_on says when the investigation resumed)' : '';
      return { impossible: `a proceeding cannot go from ${stageWords[before.stage]} to ${stageWords[step.stage]}${hint}` };
    }
  }
  const last = steps[steps.length - 1] as StageStep;
  if (last.stage !== stage) {
    return { impossible: `stage is ${stage} but the dates given end at ${stageWords[last.stage]}` };
  }
  return { steps };
}

interface ResolvedArticle {
  articleId: number;
  part: string | null;
  paragraph: string | null;
}

interface Lookups {
  organizations: Map<string, { id: string; lawEnforcement: boolean }>;
  regions: Map<string, { id: number; validFrom: string; validTo: string | null }>;
  articles: Map<string, number>;
  articleText: Map<number, string>;
}

async function lookupsOf(db: Kysely<Database>): Promise<Lookups> {
  const [organizations, regions, articles] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'code', 'law_enforcement']).execute(),
    db.selectFrom('regions').select(['id', 'code', sql<string>`valid_from::text`.as('valid_from'), sql<string | null>`valid_to::text`.as('valid_to')]).execute(),
    db.selectFrom('criminal_code_articles').select(['id', 'edition', 'article']).execute(),
  ]);
  return {
    organizations: new Map(organizations.map((row) => [row.code.toUpperCase(), { id: row.id, lawEnforcement: row.law_enforcement }])),
    regions: new Map(regions.map((row) => [row.code, { id: row.id, validFrom: row.valid_from, validTo: row.valid_to }])),
    articles: new Map(articles.map((row) => [`${row.edition}:${row.article.toLowerCase()}`, row.id])),
    articleText: new Map(articles.map((row) => [row.id, row.article])),
  };
}

/**
 * The article row a reference names in an edition: the row may carry the part
 * and paragraph itself (125(3)(b)), else they stay beside it (128 part 3).
 */
function resolveArticle(lookups: Lookups, edition: CodeEdition, ref: ArticleRef): ResolvedArticle | null {
  const find = (article: string) => lookups.articles.get(`${edition}:${article.toLowerCase()}`);
  if (ref.part !== null && ref.paragraph !== null) {
    const whole = find(`${ref.base}(${ref.part})(${ref.paragraph})`);
    if (whole !== undefined) {
      return { articleId: whole, part: null, paragraph: null };
    }
  }
  if (ref.part !== null) {
    const withPart = find(`${ref.base}(${ref.part})`);
    if (withPart !== undefined) {
      return { articleId: withPart, part: null, paragraph: ref.paragraph };
    }
  }
  const bare = find(ref.base);
  return bare === undefined ? null : { articleId: bare, part: ref.part, paragraph: ref.paragraph };
}

function resolveArticles(lookups: Lookups, editions: readonly CodeEdition[], refs: readonly ArticleRef[], column: string): { articles: ResolvedArticle[] } | { reason: string } {
  const articles: ResolvedArticle[] = [];
  for (const ref of refs) {
    const found = editions.map((edition) => resolveArticle(lookups, edition, ref)).find((article) => article !== null);
    if (!found) {
      return { reason: `${column}: article ${ref.text} is not in the ${editions.join(' or ')} Criminal Code’s reference table` };
    }
    if (articles.some((article) => article.articleId === found.articleId)) {
      return { reason: `${column}: article ${ref.text} is named twice` };
    }
    articles.push(found);
  }
  return { articles };
}

const qualificationKey = (articles: readonly ResolvedArticle[]): string =>
  articles
    .map((article) => `${article.articleId}:${article.part ?? ''}:${article.paragraph ?? ''}`)
    .sort()
    .join('|');

/** A row resolved against the reference tables, ready to write. */
interface ResolvedRow extends ParsedProceedingRow {
  registeringOrganizationId: string;
  investigatingOrganizationId: string;
  regionId: number;
  registrationArticles: ResolvedArticle[];
  courtQualification: ResolvedArticle[] | null;
  /** The court's articles as printed (128(3)), for the linked cases' timelines. */
  courtRefs: LocalizedRef[];
}

function resolveRow(lookups: Lookups, row: ParsedProceedingRow): { row: ResolvedRow } | { problem: ImportProblem; reason: string } {
  const bodies: { id: string; lawEnforcement: boolean }[] = [];
  for (const [column, code] of [
    ['registering_body', row.registeringBody],
    ['investigating_body', row.investigatingBody],
  ] as const) {
    const body = lookups.organizations.get(code);
    if (!body) {
      return { problem: 'unknown_body', reason: `${column} ${code} is not an organization code Senim knows (MIA, NSC, NSC-BS, AFM, PGO...)` };
    }
    if (!body.lawEnforcement) {
      return { problem: 'not_law_enforcement', reason: `${column} ${code} is not a law-enforcement body or the prosecutor’s office` };
    }
    bodies.push(body);
  }
  const region = lookups.regions.get(row.region);
  if (!region) {
    return { problem: 'unknown_region', reason: `region ${row.region} is not a region code (KZ-ALA, KZ-AST, KZ-YUZ...)` };
  }
  if (row.registeredOn < region.validFrom || (region.validTo !== null && row.registeredOn >= region.validTo)) {
    return { problem: 'unknown_region', reason: `region ${row.region} did not exist on ${row.registeredOn}` };
  }
  const registration = resolveArticles(lookups, [row.edition], row.articles, 'articles');
  if ('reason' in registration) {
    return { problem: 'unknown_article', reason: registration.reason };
  }
  let courtQualification: ResolvedArticle[] | null = null;
  if (row.court) {
    // A court applies the code of the registration unless the later code, in force when it sits, is the one it uses.
    const courtEdition = codeEditionOn(row.court.on);
    const court = resolveArticles(lookups, courtEdition === row.edition ? [row.edition] : [row.edition, courtEdition], row.courtArticles, 'court_articles');
    if ('reason' in court) {
      return { problem: 'unknown_article', reason: court.reason };
    }
    courtQualification = court.articles;
  }
  return {
    row: {
      ...row,
      registeringOrganizationId: (bodies[0] as { id: string }).id,
      investigatingOrganizationId: (bodies[1] as { id: string }).id,
      regionId: region.id,
      registrationArticles: registration.articles,
      courtQualification,
      courtRefs: (courtQualification ?? []).map((article) => articleRef(lookups.articleText.get(article.articleId) ?? '', article.part, article.paragraph)),
    },
  };
}

type WriteOutcome = { outcome: 'created' | 'advanced' | 'unchanged' } | { outcome: 'rejected'; reason: string };

/** Midday in Kazakhstan on the day of the last step: what the "no movement for N days" worklist reads. */
const movedOn = (date: string): string => `${date}T12:00:00+05:00`;

async function insertQualification(trx: Transaction<Database>, input: { proceedingId: string; sequence: number; decidedOn: string; phase: 'registration' | 'indictment' | 'court'; reason: string | null; articles: readonly ResolvedArticle[] }): Promise<void> {
  const qualification = await trx
    .insertInto('proceeding_qualifications')
    .values({ proceeding_id: input.proceedingId, sequence: input.sequence, decided_on: input.decidedOn, phase: input.phase, reason: input.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('proceeding_qualification_articles')
    .values(input.articles.map((article) => ({ qualification_id: qualification.id, article_id: article.articleId, part: article.part, paragraph: article.paragraph })))
    .execute();
}

export const COURT_QUALIFICATION_REASON = 'Qualification at court as the legal statistics export records it';

async function createProceeding(trx: Transaction<Database>, actor: SystemActor, row: ResolvedRow, source: string): Promise<WriteOutcome> {
  const id = randomUUID();
  const last = row.path[row.path.length - 1] as StageStep;
  const lastDay = [last.on, row.court?.on ?? last.on].sort().at(-1) as string;
  await trx
    .insertInto('criminal_proceedings')
    .values({
      id,
      register_number: row.registerNumber,
      registered_on: row.registeredOn,
      code_edition: row.edition,
      registering_organization_id: row.registeringOrganizationId,
      investigating_organization_id: row.investigatingOrganizationId,
      investigating_unit: row.investigatingUnit,
      region_id: row.regionId,
      investigator_user_id: null,
      stage: last.stage,
      stage_since: last.on,
      last_movement_at: movedOn(lastDay),
      source: 'imported',
      created_by: null,
    })
    .execute();
  await trx
    .insertInto('proceeding_stage_changes')
    .values(row.path.map((step) => ({ proceeding_id: id, stage: step.stage, occurred_on: step.on, reason: step.reason, recorded_by: null })))
    .execute();
  await insertQualification(trx, { proceedingId: id, sequence: 1, decidedOn: row.registeredOn, phase: 'registration', reason: null, articles: row.registrationArticles });
  const requalified = row.court !== null && row.courtQualification !== null && qualificationKey(row.courtQualification) !== qualificationKey(row.registrationArticles);
  if (requalified && row.court && row.courtQualification) {
    await insertQualification(trx, { proceedingId: id, sequence: 2, decidedOn: row.court.on, phase: row.court.phase, reason: COURT_QUALIFICATION_REASON, articles: row.courtQualification });
  }
  await recordAudit(trx, {
    actor,
    action: 'proceeding.imported',
    record: { type: 'criminal_proceeding', id },
    fields: ['stage', 'qualification'],
    details: { registerNumber: row.registerNumber, source, line: row.line, outcome: 'created', stage: last.stage, stages: row.path.length, requalified },
  });
  return { outcome: 'created' };
}

async function advanceProceeding(trx: Transaction<Database>, actor: SystemActor, row: ResolvedRow, source: string, proceedingId: string): Promise<WriteOutcome> {
  const recorded = await trx
    .selectFrom('criminal_proceedings')
    .select(['registering_organization_id', 'investigating_organization_id', 'region_id', sql<string>`registered_on::text`.as('registered_on'), sql<string>`last_movement_at::text`.as('last_movement_at')])
    .where('id', '=', proceedingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const differing = [
    recorded.registered_on !== row.registeredOn ? 'registered_on' : null,
    recorded.registering_organization_id !== row.registeringOrganizationId ? 'registering_body' : null,
    recorded.investigating_organization_id !== row.investigatingOrganizationId ? 'investigating_body' : null,
    recorded.region_id !== row.regionId ? 'region' : null,
  ].filter((field) => field !== null);
  const qualifications = await trx
    .selectFrom('proceeding_qualifications as q')
    .innerJoin('proceeding_qualification_articles as a', 'a.qualification_id', 'q.id')
    .select(['q.sequence', 'q.phase', 'a.article_id', 'a.part', 'a.paragraph'])
    .where('q.proceeding_id', '=', proceedingId)
    .execute();
  const bySequence = new Map<number, { phase: string; articles: ResolvedArticle[] }>();
  for (const entry of qualifications) {
    const qualification = bySequence.get(entry.sequence) ?? { phase: entry.phase, articles: [] };
    qualification.articles.push({ articleId: entry.article_id, part: entry.part, paragraph: entry.paragraph });
    bySequence.set(entry.sequence, qualification);
  }
  if (qualificationKey(bySequence.get(1)?.articles ?? []) !== qualificationKey(row.registrationArticles)) {
    differing.push('articles');
  }
  if (differing.length > 0) {
    return { outcome: 'rejected', reason: `differs from the proceeding recorded under this number in ${differing.join(', ')}; nothing recorded is overwritten` };
  }
  const history = await trx
    .selectFrom('proceeding_stage_changes')
    .select(['stage', sql<string>`occurred_on::text`.as('occurred_on')])
    .where('proceeding_id', '=', proceedingId)
    .orderBy('id')
    .execute();
  const agreed = Math.min(history.length, row.path.length);
  for (let at = 0; at < agreed; at += 1) {
    const step = row.path[at] as StageStep;
    const held = history[at] as { stage: string; occurred_on: string };
    if (step.stage !== held.stage || step.on !== held.occurred_on) {
      return { outcome: 'rejected', reason: `its stages differ from those recorded from ${stageWords[held.stage as ProceedingStage] ?? held.stage} on ${held.occurred_on}; nothing recorded is overwritten` };
    }
  }
  const added = row.path.slice(history.length);
  for (const step of added) {
    await trx.insertInto('proceeding_stage_changes').values({ proceeding_id: proceedingId, stage: step.stage, occurred_on: step.on, reason: step.reason, recorded_by: null }).execute();
    await trx.updateTable('criminal_proceedings').set({ stage: step.stage, stage_since: step.on }).where('id', '=', proceedingId).execute();
    await recordProceedingMovement(trx, { proceedingId, actor: null, kind: 'proceeding.stage_changed', details: { stage: step.stage, occurredOn: step.on, source: 'imported' } });
  }
  const sequences = [...bySequence.keys()].sort((a, b) => a - b);
  const current = bySequence.get(sequences.at(-1) ?? 1);
  const courtKey = row.courtQualification === null ? null : qualificationKey(row.courtQualification);
  const known = courtKey !== null && (courtKey === qualificationKey(current?.articles ?? []) || [...bySequence.values()].some((entry) => entry.phase !== 'registration' && entry.phase !== 'investigation' && qualificationKey(entry.articles) === courtKey));
  const requalify = courtKey !== null && !known && row.court !== null && row.courtQualification !== null;
  if (requalify && row.court && row.courtQualification) {
    await insertQualification(trx, { proceedingId, sequence: (sequences.at(-1) ?? 0) + 1, decidedOn: row.court.on, phase: row.court.phase, reason: COURT_QUALIFICATION_REASON, articles: row.courtQualification });
    await recordProceedingMovement(trx, { proceedingId, actor: null, kind: 'proceeding.requalified', details: { decidedOn: row.court.on, phase: row.court.phase, articles: row.courtRefs, source: 'imported' } });
  }
  if (added.length === 0 && !requalify) {
    return { outcome: 'unchanged' };
  }
  // The movement is the day the export records, unless something later was recorded here since.
  const lastDay = [...added.map((step) => step.on), ...(requalify && row.court ? [row.court.on] : [])].sort().at(-1) as string;
  await trx
    .updateTable('criminal_proceedings')
    .set({ last_movement_at: sql`greatest(${recorded.last_movement_at}::timestamptz, ${movedOn(lastDay)}::timestamptz)` })
    .where('id', '=', proceedingId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: 'proceeding.imported',
    record: { type: 'criminal_proceeding', id: proceedingId },
    fields: ['stage', 'qualification'],
    details: { registerNumber: row.registerNumber, source, line: row.line, outcome: 'advanced', stage: (added.at(-1)?.stage ?? history.at(-1)?.stage ?? 'registered'), stages: added.length, requalified: requalify },
  });
  return { outcome: 'advanced' };
}

export interface ImportProceedingsInput {
  database: SenimDatabase;
  actor: SystemActor;
  text: string;
  /** The file's name, for the audit trail. */
  source: string;
  /** Today in Kazakhstan (YYYY-MM-DD): no date of a row may be later. */
  today: string;
}

/** Reads and stores an export, one transaction per row; throws ImportFileError when the file is not an export at all. */
export async function importProceedings(input: ImportProceedingsInput): Promise<ProceedingImportReport> {
  const { records, ignoredColumns } = readProceedingCsv(input.text);
  const lookups = await lookupsOf(input.database.db);
  const report: ProceedingImportReport = { rows: records.length, created: 0, advanced: 0, unchanged: 0, rejected: [], ignoredColumns };
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const parsed = parseProceedingRow(record, input.today);
    if ('rejection' in parsed) {
      report.rejected.push(parsed.rejection);
      continue;
    }
    const { row } = parsed;
    const reject = (problem: ImportProblem, reason: string) => report.rejected.push({ line: row.line, registerNumber: row.registerNumber, problem, reason });
    const first = firstLineOf.get(row.registerNumber);
    if (first !== undefined) {
      reject('duplicate_in_file', `register_number ${row.registerNumber} is on line ${first} already`);
      continue;
    }
    firstLineOf.set(row.registerNumber, row.line);
    const resolved = resolveRow(lookups, row);
    if ('problem' in resolved) {
      reject(resolved.problem, resolved.reason);
      continue;
    }
    // As the system: a proceeding's linked cases get the stage on their timeline, behind the cases' row-level wall.
    const written = await withPersonScope(input.database.db, input.actor, async (trx) => {
      const existing = await trx.selectFrom('criminal_proceedings').select('id').where('register_number', '=', row.registerNumber).executeTakeFirst();
      return existing ? advanceProceeding(trx, input.actor, resolved.row, input.source, existing.id) : createProceeding(trx, input.actor, resolved.row, input.source);
    });
    if (written.outcome === 'rejected') {
      reject('conflicts_with_record', written.reason);
    } else {
      report[written.outcome] += 1;
    }
  }
  return report;
}

import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { SenimDatabase } from '../../db/database.js';
import type { CodeEdition, Database } from '../../db/schema.js';
import { systemActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { sealJson } from '../../platform/vault/cipher.js';
import { staffEmailDigests } from '../../platform/vault/staff-email.js';
import { demoUsers } from '../directory/demo-users.js';
import { addDays, isoDateOf } from '../cases/working-days.js';
import { feminineFamily, nameStocks } from '../cases/demo-names.js';
import { quota, seededRandom } from '../cases/demo-cases.js';
import { defendantIdentityAad } from './defendant.service.js';
import { codeEditionOn, type ProceedingStage } from './proceeding-stages.js';
import { articleRef, type LocalizedRef } from './qualification.js';

// Synthetic criminal proceedings for the demo, planned as plain data, then
// written by loadDemoProceedings. Their mix follows the
// Committee for Legal Statistics' figures for 2013-2015 as the Government
// reported them (001_*.txt): per year and article, then per article what
// became of the proceedings in 2015 (brought to trial, discontinued without
// acquittal, suspended under CPC art. 45 §1.7, in progress, discontinued
// and removed from the record). Most are under 271/309 (brothels); few
// under 128 reach court, and those that do are often re-qualified to
// 309/271, which is the seeds' complaint (003_*.txt). The years before 2015
// stand under the 1997 Code and came in through the Committee's export;
// recent ones are the demo investigators' own work, linked to demo cases.

export type DemoBody = 'MIA' | 'NSC' | 'NSC-BS' | 'AFM' | 'PGO';

/** Registered proceedings per year and article, one tenth of the reported figures (2015: 357, 2014: 302, 2013: 350). */
const registeredByYear: Record<'2013' | '2014' | '2015', readonly (readonly [string, number])[]> = {
  '2013': [
    ['125(3)(b)', 15],
    ['126(3)(b)', 7],
    ['128', 33],
    ['132-1', 17],
    ['133', 25],
    ['270', 40],
    ['271', 213],
  ],
  '2014': [
    ['125(3)(b)', 2],
    ['126(3)(b)', 10],
    ['128', 17],
    ['132-1', 10],
    ['133', 15],
    ['270', 28],
    ['271', 220],
  ],
  '2015': [
    ['116', 1],
    ['125(3)(2)', 2],
    ['126(3)(2)', 3],
    ['128', 42],
    ['134', 19],
    ['135', 49],
    ['308', 39],
    ['309', 202],
  ],
};

/** The 2014 counterpart of each 1997 article, for its share of outcomes. */
const counterpart: Record<string, string> = { '125(3)(b)': '125(3)(2)', '126(3)(b)': '126(3)(2)', '132-1': '134', '133': '135', '270': '308', '271': '309', '113': '116' };

export type DemoOutcome = 'court' | 'discontinued' | 'suspended' | 'in_progress' | 'removed';

/** What became of the 2015 proceedings per article: trial, discontinued without acquittal, suspended, in progress, removed from the record. */
const outcomesOf2015: Record<string, readonly (readonly [DemoOutcome, number])[]> = {
  '116': [['in_progress', 1]],
  '125(3)(2)': [['in_progress', 2]],
  '126(3)(2)': [
    ['court', 2],
    ['suspended', 1],
  ],
  '128': [
    ['court', 4],
    ['discontinued', 9],
    ['suspended', 2],
    ['in_progress', 27],
    ['removed', 52],
  ],
  '134': [
    ['court', 5],
    ['discontinued', 5],
    ['suspended', 5],
    ['in_progress', 4],
    ['removed', 9],
  ],
  '135': [
    ['court', 8],
    ['discontinued', 1],
    ['suspended', 4],
    ['in_progress', 36],
    ['removed', 11],
  ],
  '308': [
    ['discontinued', 16],
    ['suspended', 19],
    ['in_progress', 4],
    ['removed', 66],
  ],
  '309': [
    ['court', 94],
    ['discontinued', 23],
    ['suspended', 28],
    ['in_progress', 57],
    ['removed', 234],
  ],
};

const historicRegions: readonly (readonly [string, number])[] = [
  ['KZ-ALA', 6],
  ['KZ-AST', 5],
  ['KZ-YUZ', 4],
  ['KZ-ALM', 3],
  ['KZ-KAR', 2],
  ['KZ-VOS', 2],
  ['KZ-PAV', 1],
  ['KZ-KUS', 1],
  ['KZ-AKT', 1],
  ['KZ-ZHA', 1],
  ['KZ-MAN', 1],
  ['KZ-ATY', 1],
];

export interface DemoArticle {
  edition: CodeEdition;
  article: string;
  part: string | null;
}

export interface DemoStageStep {
  stage: ProceedingStage;
  on: string;
  reason: string | null;
}

export interface DemoDefendant {
  sex: 'female' | 'male';
  ageYears: number;
  citizenship: string;
  organizedGroup: boolean;
  role: 'organizer' | 'perpetrator' | 'accomplice';
  /** Sealed by the loader; null: the investigation does not know who it is. */
  identity: { names: { given: string; family: string }[]; birthDate: string; documents: [] } | null;
  verdict: {
    decidedOn: string;
    outcome: 'convicted' | 'acquitted';
    article: DemoArticle | null;
    sentenceKind: 'imprisonment' | 'suspended' | 'restricted_freedom' | 'fine' | null;
    sentenceMonths: number | null;
    fineTenge: number | null;
    confiscation: boolean;
  } | null;
}

export interface DemoCaseLink {
  caseId: string;
  proceduralStatus: 'victim' | 'witness';
}

export interface DemoProceedingPlan {
  registerNumber: string;
  registeredOn: string;
  edition: CodeEdition;
  registeringBody: DemoBody;
  investigatingBody: DemoBody;
  investigatingUnit: 'criminal_police' | 'migration_police' | 'juvenile_police' | 'border_service' | null;
  regionCode: string;
  /** Worked by the demo investigator (investigator.almaty). */
  investigator: boolean;
  source: 'entered' | 'imported';
  outcome: DemoOutcome;
  articles: DemoArticle[];
  path: DemoStageStep[];
  requalification: { on: string; phase: 'indictment' | 'court'; reason: string; articles: DemoArticle[] } | null;
  defendants: DemoDefendant[];
  cases: DemoCaseLink[];
}

/** A demo case a recent proceeding may concern. */
export interface DemoCaseFact {
  id: string;
  regionCode: string;
  firstContactDate: string;
  exploitationForms: readonly string[];
  child: boolean;
  policeSharing: boolean;
}

export interface DemoProceedingOptions {
  seed: number;
  /** Today as YYYY-MM-DD: every date is on or before it. */
  today: string;
  /** The identified demo cases, in a stable order. */
  cases: readonly DemoCaseFact[];
}

type Random = () => number;

const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const chance = (random: Random, probability: number): boolean => random() < probability;
function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}
function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) {
      return item;
    }
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}
const earlier = (a: string, b: string): string => (a < b ? a : b);

const REQUALIFIED_AT_COURT = 'Признаки торговли людьми не доказаны: действия переквалифицированы на содержание притона и сводничество';
const RESUMED = 'Возобновлено: установлено местонахождение подозреваемого';

/** An article reference split into the row the reference table holds and the part beside it. */
function articleOf(edition: CodeEdition, ref: string, random: Random): DemoArticle {
  if (ref === '128' || ref === '135' || ref === '133') {
    return { edition, article: ref, part: pick(random, ['2', '3', '3']) };
  }
  if (ref === '309' || ref === '271' || ref === '308' || ref === '270') {
    return { edition, article: ref, part: pick(random, ['1', '1', '2', '3']) };
  }
  return { edition, article: ref, part: null };
}

/** The brothel article of the same Code: where a trafficking case that reaches court is often tried. */
const brothelArticle = (edition: CodeEdition): string => (edition === '1997' ? '271' : '309');

function sentenceOf(random: Random, article: string): Pick<NonNullable<DemoDefendant['verdict']>, 'sentenceKind' | 'sentenceMonths' | 'fineTenge' | 'confiscation'> {
  const trafficking = ['128', '133', '135', '125(3)(b)', '125(3)(2)', '126(3)(b)', '126(3)(2)'].includes(article);
  const kind = trafficking
    ? weighted(random, [
        ['imprisonment', 8],
        ['suspended', 2],
      ] as const)
    : weighted(random, [
        ['imprisonment', 4],
        ['suspended', 3],
        ['restricted_freedom', 2],
        ['fine', 1],
      ] as const);
  switch (kind) {
    case 'imprisonment':
      return { sentenceKind: kind, sentenceMonths: trafficking ? between(random, 48, 144) : between(random, 12, 60), fineTenge: null, confiscation: trafficking && chance(random, 0.5) };
    case 'suspended':
      return { sentenceKind: kind, sentenceMonths: between(random, 12, 36), fineTenge: null, confiscation: false };
    case 'restricted_freedom':
      return { sentenceKind: kind, sentenceMonths: between(random, 6, 36), fineTenge: null, confiscation: false };
    case 'fine':
      return { sentenceKind: kind, sentenceMonths: null, fineTenge: between(random, 500, 1000) * 1_982, confiscation: false };
  }
}

function defendantsOf(random: Random, input: { article: string; convictedUnder: DemoArticle | null; verdictOn: string | null; withIdentity: boolean; today: string }): DemoDefendant[] {
  const brothel = ['271', '309', '270', '308'].includes(input.article);
  const count = between(random, 1, 3);
  const group = count > 1 && chance(random, 0.5);
  return Array.from({ length: count }, (_, index) => {
    const sex: 'female' | 'male' = chance(random, brothel ? 0.55 : 0.25) ? 'female' : 'male';
    const citizenship = weighted(random, [
      ['KAZ', 8],
      ['UZB', 1],
      ['KGZ', 1],
    ] as const);
    const stock = nameStocks[citizenship];
    const family = pick(random, stock.family);
    const ageYears = between(random, 22, 56);
    const convicted = input.verdictOn !== null && input.convictedUnder !== null && chance(random, 0.88);
    return {
      sex,
      ageYears,
      citizenship,
      organizedGroup: group,
      role: index === 0 ? 'organizer' : pick(random, ['perpetrator', 'accomplice'] as const),
      identity: input.withIdentity
        ? { names: [{ given: pick(random, sex === 'female' ? stock.female : stock.male)[0], family: (sex === 'female' ? feminineFamily(family) : family)[0] }], birthDate: String(Number(input.today.slice(0, 4)) - ageYears), documents: [] }
        : null,
      verdict:
        input.verdictOn === null
          ? null
          : convicted
            ? { decidedOn: input.verdictOn, outcome: 'convicted', article: input.convictedUnder, ...sentenceOf(random, input.convictedUnder?.article ?? input.article) }
            : { decidedOn: input.verdictOn, outcome: 'acquitted', article: null, sentenceKind: null, sentenceMonths: null, fineTenge: null, confiscation: false },
    };
  });
}

interface OutcomeInput {
  random: Random;
  registeredOn: string;
  edition: CodeEdition;
  ref: string;
  outcome: DemoOutcome;
  today: string;
  /** How far a proceeding that went to court has come: recent ones may still wait for their verdict. */
  settled: boolean;
}

/** The stages of one proceeding, its re-qualification at court, and its date of verdict. */
function pathOf(input: OutcomeInput): { path: DemoStageStep[]; requalification: DemoProceedingPlan['requalification']; verdictOn: string | null; courtArticle: DemoArticle | null } {
  const { random, registeredOn, today } = input;
  const after = (from: string, low: number, high: number) => earlier(addDays(from, between(random, low, high)), today);
  const path: DemoStageStep[] = [
    { stage: 'registered', on: registeredOn, reason: null },
    { stage: 'pre_trial_investigation', on: registeredOn, reason: null },
  ];
  switch (input.outcome) {
    case 'in_progress':
      return { path, requalification: null, verdictOn: null, courtArticle: null };
    case 'suspended':
      path.push({ stage: 'suspended_perpetrator_unknown', on: after(registeredOn, 60, 120), reason: null });
      return { path, requalification: null, verdictOn: null, courtArticle: null };
    case 'discontinued':
      path.push({ stage: 'discontinued_non_rehabilitating', on: after(registeredOn, 40, 180), reason: null });
      return { path, requalification: null, verdictOn: null, courtArticle: null };
    case 'removed':
      path.push({ stage: 'discontinued_rehabilitating', on: after(registeredOn, 20, 120), reason: null });
      return { path, requalification: null, verdictOn: null, courtArticle: null };
    case 'court': {
      if (chance(random, 0.15)) {
        const suspended = after(registeredOn, 30, 60);
        path.push({ stage: 'suspended_perpetrator_unknown', on: suspended, reason: null }, { stage: 'pre_trial_investigation', on: after(suspended, 20, 60), reason: RESUMED });
      }
      const sentOn = after(path[path.length - 1]?.on ?? registeredOn, 60, 180);
      path.push({ stage: 'sent_to_court', on: sentOn, reason: null });
      // A trafficking charge that reaches court is, more often than not, tried as running a brothel.
      const requalified = input.ref === '128' && chance(random, 0.7);
      const courtArticle = requalified ? articleOf(input.edition, brothelArticle(input.edition), random) : articleOf(input.edition, input.ref, random);
      const requalification = requalified ? { on: sentOn, phase: 'indictment' as const, reason: REQUALIFIED_AT_COURT, articles: [courtArticle] } : null;
      const verdictOn = addDays(sentOn, between(random, 45, 150));
      if (!input.settled || verdictOn > today) {
        return { path, requalification, verdictOn: null, courtArticle };
      }
      path.push({ stage: 'first_instance_verdict', on: verdictOn, reason: null });
      const finalOn = addDays(verdictOn, between(random, 30, 90));
      if (finalOn <= today) {
        if (chance(random, 0.3)) {
          path.push({ stage: 'appeal', on: addDays(verdictOn, 15), reason: null });
        }
        path.push({ stage: 'final', on: finalOn, reason: null });
      }
      return { path, requalification, verdictOn, courtArticle };
    }
  }
}

function unitOf(random: Random, body: DemoBody, ref: string, child: boolean): DemoProceedingPlan['investigatingUnit'] {
  if (body === 'NSC-BS') {
    return 'border_service';
  }
  if (body !== 'MIA') {
    return null;
  }
  if (child || ['133', '135', '132-1', '134'].includes(ref)) {
    return 'juvenile_police';
  }
  return weighted(random, [
    ['criminal_police', 7],
    ['migration_police', 2],
  ] as const);
}

function registerNumberOf(on: string, sequence: number, regionCode: string): string {
  // YY, a region and body code, then a running number: 15 digits like the ERDR's; 99 marks the demo.
  const region = String(historicRegions.findIndex(([code]) => code === regionCode) + 10).padStart(2, '0');
  return `${on.slice(2, 4)}${region}99${String(sequence).padStart(9, '0')}`;
}

function planHistoric(random: Random, today: string): DemoProceedingPlan[] {
  const plans: DemoProceedingPlan[] = [];
  for (const [year, counts] of Object.entries(registeredByYear)) {
    const total = Math.round(counts.reduce((sum, [, count]) => sum + count, 0) / 10);
    const refs = quota(random, total, counts);
    const regions = quota(random, total, historicRegions);
    // The outcome mix per article, exact over all of the article's proceedings in the year.
    const outcomes = new Map<string, DemoOutcome[]>();
    for (const ref of new Set(refs)) {
      const shares = outcomesOf2015[counterpart[ref] ?? ref] ?? [['in_progress', 1]];
      outcomes.set(ref, quota(random, refs.filter((entry) => entry === ref).length, shares));
    }
    refs.forEach((ref, index) => {
      const registeredOn = `${year}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
      const edition = codeEditionOn(registeredOn);
      const outcome = outcomes.get(ref)?.pop() ?? 'in_progress';
      const regionCode = regions[index] as string;
      const body = weighted(random, [
        ['MIA', 17],
        ['NSC-BS', 1],
        ['AFM', 1],
        ['NSC', 1],
      ] as const);
      const registeringBody: DemoBody = body === 'MIA' && chance(random, 0.05) ? 'PGO' : body;
      const { path, requalification, verdictOn, courtArticle } = pathOf({ random, registeredOn, edition, ref, outcome, today, settled: true });
      plans.push({
        registerNumber: registerNumberOf(registeredOn, plans.length + 1, regionCode),
        registeredOn,
        edition,
        registeringBody,
        investigatingBody: body,
        investigatingUnit: unitOf(random, body, ref, false),
        regionCode,
        investigator: false,
        source: 'imported',
        outcome,
        articles: [articleOf(edition, ref, random)],
        path,
        requalification,
        defendants: outcome === 'court' ? defendantsOf(random, { article: ref, convictedUnder: courtArticle, verdictOn, withIdentity: false, today }) : [],
        cases: [],
      });
    });
  }
  return plans;
}

/** The article a recent case's exploitation points to, as police in 2025-2026 register it. */
function recentArticle(random: Random, fact: DemoCaseFact): string {
  if (fact.child) {
    return fact.exploitationForms.includes('sexual') ? pick(random, ['134', '135']) : '135';
  }
  if (fact.exploitationForms.includes('sexual')) {
    return weighted(random, [
      ['309', 6],
      ['128', 3],
      ['308', 1],
    ] as const);
  }
  return weighted(random, [
    ['128', 7],
    ['126(3)(2)', 2],
    ['125(3)(2)', 1],
  ] as const);
}

function planRecent(random: Random, options: DemoProceedingOptions, firstSequence: number): DemoProceedingPlan[] {
  const plans: DemoProceedingPlan[] = [];
  const almaty = options.cases.filter((fact) => fact.regionCode === 'KZ-ALA');
  const used = new Set<string>();
  const take = (candidates: readonly DemoCaseFact[]): DemoCaseFact | undefined => {
    const free = candidates.filter((fact) => !used.has(fact.id));
    const preferred = free.filter((fact) => fact.policeSharing);
    const chosen = preferred.length > 0 && chance(random, 0.7) ? pick(random, preferred) : free.length > 0 ? pick(random, free) : undefined;
    if (chosen) {
      used.add(chosen.id);
    }
    return chosen;
  };
  const add = (input: { fact: DemoCaseFact | undefined; regionCode: string; registeredOn: string; outcome: DemoOutcome; investigator: boolean; lastDay?: string }) => {
    const ref = input.fact ? recentArticle(random, input.fact) : weighted(random, registeredByYear['2015']);
    const edition: CodeEdition = '2014';
    const { path, requalification, verdictOn, courtArticle } = pathOf({ random, registeredOn: input.registeredOn, edition, ref, outcome: input.outcome, today: options.today, settled: chance(random, 0.6) });
    const second = input.fact && chance(random, 0.25) ? take(options.cases.filter((fact) => fact.regionCode === input.regionCode)) : undefined;
    const reachedCourt = input.outcome === 'court';
    plans.push({
      registerNumber: registerNumberOf(input.registeredOn, firstSequence + plans.length, input.regionCode === 'KZ-ALA' ? 'KZ-ALA' : 'KZ-AST'),
      registeredOn: input.registeredOn,
      edition,
      registeringBody: 'MIA',
      investigatingBody: 'MIA',
      investigatingUnit: unitOf(random, 'MIA', ref, input.fact?.child ?? false),
      regionCode: input.regionCode,
      investigator: input.investigator,
      source: 'entered',
      outcome: input.outcome,
      articles: [articleOf(edition, ref, random)],
      path,
      requalification,
      // Suspects are known in some investigations under way; accused in every one that reached court.
      defendants:
        reachedCourt || (input.outcome === 'in_progress' && chance(random, 0.4))
          ? defendantsOf(random, { article: ref, convictedUnder: courtArticle, verdictOn, withIdentity: chance(random, 0.7), today: options.today })
          : [],
      cases: [...(input.fact ? [{ caseId: input.fact.id, proceduralStatus: 'victim' as const }] : []), ...(second ? [{ caseId: second.id, proceduralStatus: pick(random, ['victim', 'witness'] as const) }] : [])],
    });
  };

  // The Almaty investigator's worklist: three investigations without movement for months, two suspended, one just sent to court.
  const daysAgo = (low: number, high: number) => addDays(options.today, -between(random, low, high));
  for (let stalled = 0; stalled < 3; stalled += 1) {
    add({ fact: take(almaty), regionCode: 'KZ-ALA', registeredOn: daysAgo(90, 300), outcome: 'in_progress', investigator: true });
  }
  for (let suspended = 0; suspended < 2; suspended += 1) {
    add({ fact: take(almaty), regionCode: 'KZ-ALA', registeredOn: daysAgo(150, 400), outcome: 'suspended', investigator: true });
  }

  // Proceedings on the other demo cases: as many as a third of the identified ones, with the 2015 mix of outcomes.
  const others = options.cases.filter((fact) => !used.has(fact.id));
  const count = Math.min(others.length, Math.max(6, Math.round(options.cases.length / 3)));
  const outcomes = quota(random, count, [
    ['court', 4],
    ['discontinued', 1],
    ['suspended', 2],
    ['in_progress', 4],
    ['removed', 2],
  ] as const);
  for (const outcome of outcomes) {
    const fact = take(others);
    if (!fact) {
      break;
    }
    const registeredOn = earlier(addDays(fact.firstContactDate, between(random, 0, 20)), options.today);
    add({ fact, regionCode: fact.regionCode, registeredOn, outcome, investigator: fact.regionCode === 'KZ-ALA' });
  }
  return plans;
}

/** Plans the demo proceedings. Pure: the same options give the same plans. */
export function planDemoProceedings(options: DemoProceedingOptions): DemoProceedingPlan[] {
  const random = seededRandom(options.seed);
  const historic = planHistoric(random, options.today);
  return [...historic, ...planRecent(random, options, historic.length + 1)];
}

// --- Loading -----------------------------------------------------------------

const demoSeeder = systemActor('seed-demo');
export const DEMO_PROCEEDING_SEED = 20_130_101;
/** Proceedings written per transaction: few round trips, and a server listening meanwhile still gets a turn between batches. */
const DEMO_PROCEEDING_BATCH = 25;

interface DemoLookups {
  organizations: Map<string, string>;
  regions: Map<string, number>;
  articles: Map<string, number>;
  investigatorId: string;
}

async function demoCaseFacts(database: SenimDatabase, vaultKeys: VaultKeys): Promise<DemoCaseFact[]> {
  const demoEmails = demoUsers.flatMap((user) => staffEmailDigests(vaultKeys, user.email));
  const rows = await withPersonScope(database.db, demoSeeder, (trx) =>
    trx
      .selectFrom('nrm_cases as c')
      .innerJoin('regions as r', 'r.id', 'c.region_id')
      .innerJoin('users as u', 'u.id', 'c.created_by')
      .select([
        'c.id',
        'r.code as region_code',
        sql<string>`c.first_contact_date::text`.as('first_contact_date'),
        'c.exploitation_forms',
        'c.age_years',
        sql<boolean>`exists (select 1 from case_consents k where k.case_id = c.id and k.scope = 'police_sharing' and k.given and k.withdrawn_at is null)`.as('police_sharing'),
      ])
      .where('u.email_digest', 'in', demoEmails)
      .where(sql<boolean>`cardinality(c.exploitation_forms) > 0`)
      .orderBy('c.first_contact_date')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
  );
  return rows.map((row) => ({
    id: row.id,
    regionCode: row.region_code,
    firstContactDate: row.first_contact_date,
    exploitationForms: row.exploitation_forms,
    child: row.age_years === null || row.age_years < 18,
    policeSharing: row.police_sharing,
  }));
}

async function demoLookups(database: SenimDatabase, vaultKeys: VaultKeys): Promise<DemoLookups> {
  const db = database.db;
  const investigator = await db.selectFrom('users').select('id').where('email_digest', 'in', staffEmailDigests(vaultKeys, 'investigator.almaty@demo.senim.local')).executeTakeFirst();
  if (!investigator) {
    throw new Error('Demo user investigator.almaty@demo.senim.local is missing: load the demo users first');
  }
  const [organizations, regions, articles] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', ['MIA', 'NSC', 'NSC-BS', 'AFM', 'PGO']).execute(),
    db.selectFrom('regions').select(['id', 'code']).execute(),
    db.selectFrom('criminal_code_articles').select(['id', 'edition', 'article']).execute(),
  ]);
  return {
    organizations: new Map(organizations.map((row) => [row.code, row.id])),
    regions: new Map(regions.map((row) => [row.code, row.id])),
    articles: new Map(articles.map((row) => [`${row.edition}:${row.article}`, row.id])),
    investigatorId: investigator.id,
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`Demo proceedings need ${what}, which is not in the database`);
  }
  return value;
}

const at = (date: string, minute = 0): string => `${date}T10:${String(10 + minute).padStart(2, '0')}:00+05:00`;
const refsOf = (articles: readonly DemoArticle[]): LocalizedRef[] => articles.map((article) => articleRef(article.article, article.part));

async function writeProceeding(trx: Transaction<Database>, plan: DemoProceedingPlan, lookups: DemoLookups, vaultKeys: VaultKeys): Promise<void> {
  const id = randomUUID();
  const by = plan.investigator ? lookups.investigatorId : null;
  const articleId = (article: DemoArticle) => required(lookups.articles.get(`${article.edition}:${article.article}`), `article ${article.edition}:${article.article}`);
  const last = plan.path[plan.path.length - 1] as DemoStageStep;
  const verdicts = plan.defendants.flatMap((defendant) => (defendant.verdict ? [defendant.verdict] : []));
  const lastDay = [last.on, plan.requalification?.on ?? last.on, ...verdicts.map((verdict) => verdict.decidedOn)].sort().at(-1) as string;
  await trx
    .insertInto('criminal_proceedings')
    .values({
      id,
      register_number: plan.registerNumber,
      registered_on: plan.registeredOn,
      code_edition: plan.edition,
      registering_organization_id: required(lookups.organizations.get(plan.registeringBody), plan.registeringBody),
      investigating_organization_id: required(lookups.organizations.get(plan.investigatingBody), plan.investigatingBody),
      investigating_unit: plan.investigatingUnit,
      region_id: required(lookups.regions.get(plan.regionCode), plan.regionCode),
      investigator_user_id: by,
      stage: last.stage,
      stage_since: last.on,
      last_movement_at: at(lastDay),
      source: plan.source,
      created_by: by,
      created_at: at(plan.registeredOn),
      updated_at: at(lastDay),
    })
    .execute();
  await trx
    .insertInto('proceeding_stage_changes')
    .values(plan.path.map((step, index) => ({ proceeding_id: id, stage: step.stage, occurred_on: step.on, reason: step.reason, recorded_by: by, recorded_at: at(step.on, index) })))
    .execute();
  const qualifications = [
    { sequence: 1, decided_on: plan.registeredOn, phase: 'registration' as const, reason: null, articles: plan.articles },
    ...(plan.requalification ? [{ sequence: 2, decided_on: plan.requalification.on, phase: plan.requalification.phase, reason: plan.requalification.reason, articles: plan.requalification.articles }] : []),
  ];
  for (const qualification of qualifications) {
    const row = await trx
      .insertInto('proceeding_qualifications')
      .values({ proceeding_id: id, sequence: qualification.sequence, decided_on: qualification.decided_on, phase: qualification.phase, reason: qualification.reason, recorded_by: by, recorded_at: at(qualification.decided_on, 5) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('proceeding_qualification_articles')
      .values(qualification.articles.map((article) => ({ qualification_id: row.id, article_id: articleId(article), part: article.part, paragraph: null })))
      .execute();
  }
  const accused = plan.outcome === 'court';
  for (const defendant of plan.defendants) {
    const defendantId = randomUUID();
    await trx
      .insertInto('proceeding_defendants')
      .values({
        id: defendantId,
        proceeding_id: id,
        sealed_identity: defendant.identity ? sealJson(vaultKeys, defendant.identity, defendantIdentityAad(defendantId)) : null,
        key_id: defendant.identity ? vaultKeys.keyId : null,
        sex: defendant.sex,
        age_years: defendant.ageYears,
        citizenship: defendant.citizenship,
        organized_group: defendant.organizedGroup,
        role: defendant.role,
        procedural_status: accused ? 'accused' : 'suspect',
        created_by: by,
        created_at: at(plan.registeredOn, 6),
      })
      .execute();
    if (defendant.verdict) {
      const verdict = defendant.verdict;
      await trx
        .insertInto('defendant_verdicts')
        .values({
          defendant_id: defendantId,
          instance: 'first_instance',
          decided_on: verdict.decidedOn,
          outcome: verdict.outcome,
          conviction_article_id: verdict.article ? articleId(verdict.article) : null,
          conviction_part: verdict.article?.part ?? null,
          sentence_kind: verdict.sentenceKind,
          sentence_months: verdict.sentenceMonths,
          fine_tenge: verdict.fineTenge,
          confiscation: verdict.confiscation,
          recorded_by: by,
          recorded_at: at(verdict.decidedOn, 7),
        })
        .execute();
    }
  }
  if (plan.cases.length > 0) {
    await trx
      .insertInto('proceeding_cases')
      .values(plan.cases.map((link) => ({ proceeding_id: id, case_id: link.caseId, procedural_status: link.proceduralStatus, linked_by: by, linked_at: at(plan.registeredOn) })))
      .execute();
    // Each linked case's timeline shows the proceeding's steps on their own dates, as in real use.
    const verdictOn = verdicts[0]?.decidedOn;
    const events = [
      { on: plan.registeredOn, kind: 'proceeding.linked', details: { stage: 'registered', registeredOn: plan.registeredOn, codeEdition: plan.edition, articles: refsOf(plan.articles) } },
      ...plan.path.slice(1).map((step) => ({ on: step.on, kind: 'proceeding.stage_changed', details: { stage: step.stage, occurredOn: step.on } })),
      ...(plan.requalification ? [{ on: plan.requalification.on, kind: 'proceeding.requalified', details: { decidedOn: plan.requalification.on, phase: plan.requalification.phase, articles: refsOf(plan.requalification.articles) } }] : []),
      ...(verdictOn
        ? [
            {
              on: verdictOn,
              kind: 'proceeding.verdict',
              details: {
                instance: 'first_instance',
                decidedOn: verdictOn,
                stage: 'first_instance_verdict',
                outcomes: { convicted: verdicts.filter((verdict) => verdict.outcome === 'convicted').length, acquitted: verdicts.filter((verdict) => verdict.outcome === 'acquitted').length, dismissed: 0 },
                articles: [...new Set(verdicts.flatMap((verdict) => (verdict.article ? [`${verdict.article.edition}:${verdict.article.article}`] : [])))],
              },
            },
          ]
        : []),
    ].sort((a, b) => a.on.localeCompare(b.on));
    await trx
      .insertInto('case_events')
      .values(
        plan.cases.flatMap((link) =>
          events.map((event, index) => ({
            case_id: link.caseId,
            kind: event.kind,
            occurred_at: at(event.on, 20 + index),
            actor_user_id: by,
            organization_id: by === null ? null : required(lookups.organizations.get('MIA'), 'MIA'),
            details: JSON.stringify({ proceedingId: id, ...event.details }),
          })),
        ),
      )
      .execute();
  }
  await recordAudit(trx, {
    actor: demoSeeder,
    action: plan.source === 'imported' ? 'proceeding.imported' : 'proceeding.registered',
    record: { type: 'criminal_proceeding', id },
    fields: ['stage', 'qualification', ...(plan.defendants.length > 0 ? ['defendants'] : []), ...(plan.cases.length > 0 ? ['cases'] : [])],
    details: { registerNumber: plan.registerNumber, source: 'seed-demo', stage: last.stage },
  });
}

/**
 * Loads the demo proceedings once, after the demo cases (recent proceedings
 * concern them); a database that has them is left alone. Returns how many
 * were loaded.
 */
export async function loadDemoProceedings(database: SenimDatabase, vaultKeys: VaultKeys, options: { today?: string } = {}): Promise<number> {
  const today = options.today ?? isoDateOf(new Date());
  const plans = planDemoProceedings({ seed: DEMO_PROCEEDING_SEED, today, cases: await demoCaseFacts(database, vaultKeys) });
  const historic = plans.filter((plan) => plan.source === 'imported').map((plan) => plan.registerNumber);
  const loaded = await database.db.selectFrom('criminal_proceedings').select('id').where('register_number', 'in', historic).limit(1).executeTakeFirst();
  if (loaded) {
    return 0;
  }
  const lookups = await demoLookups(database, vaultKeys);
  for (let start = 0; start < plans.length; start += DEMO_PROCEEDING_BATCH) {
    await withPersonScope(database.db, demoSeeder, async (trx) => {
      for (const plan of plans.slice(start, start + DEMO_PROCEEDING_BATCH)) {
        await writeProceeding(trx, plan, lookups, vaultKeys);
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return plans.length;
}

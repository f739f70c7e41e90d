import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { CivilClaimsTable, Database, FundCompensationsTable, StateProtectionsTable } from '../../db/schema.js';

// The SQL of a case's side of criminal justice: the proceedings its case
// worker may see, state protection, civil claims and the Victims
// Compensation Fund. A case's rows are read only after the caller's reach
// over the case (or over the proceeding, for protection) has been checked.

type Queryable = Kysely<Database> | Transaction<Database>;

/** The proceedings a case is linked to, with what a case worker may read of each: never the investigator or the file. */
export async function selectCaseProceedings(trx: Queryable, caseId: string) {
  return trx
    .selectFrom('proceeding_cases as pc')
    .innerJoin('criminal_proceedings as p', 'p.id', 'pc.proceeding_id')
    .innerJoin('organizations as o', 'o.id', 'p.investigating_organization_id')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('region_names as n')
          .select(['n.name_ru', 'n.name_kk', 'n.name_en'])
          .whereRef('n.region_id', '=', 'r.id')
          // The name in use now: a case worker reads today's map.
          .orderBy(sql`n.valid_to is null`, 'desc')
          .orderBy('n.valid_from', 'desc')
          .limit(1)
          .as('rn'),
      (join) => join.onTrue(),
    )
    .select([
      'p.id',
      'p.register_number',
      'p.registered_on',
      'p.code_edition',
      'p.investigating_unit',
      'p.stage',
      'p.stage_since',
      'pc.procedural_status',
      'pc.non_punishment_review',
      'o.id as organization_id',
      'o.abbreviation_ru',
      'o.abbreviation_kk',
      'o.abbreviation_en',
      'o.name_ru',
      'o.name_kk',
      'o.name_en',
      'r.code as region_code',
      'rn.name_ru as region_name_ru',
      'rn.name_kk as region_name_kk',
      'rn.name_en as region_name_en',
    ])
    .where('pc.case_id', '=', caseId)
    .orderBy('p.registered_on', 'desc')
    .orderBy('p.id')
    .execute();
}

/** Stage changes, oldest first, without their reasons: a reason is the investigator's words about the file. */
export async function selectStageDates(trx: Queryable, proceedingIds: readonly string[]) {
  if (proceedingIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('proceeding_stage_changes')
    .select(['proceeding_id', 'stage', 'occurred_on'])
    .where('proceeding_id', 'in', proceedingIds)
    .orderBy('proceeding_id')
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
}

export interface QualificationArticleRow {
  proceeding_id: string;
  sequence: number;
  decided_on: string;
  phase: 'registration' | 'investigation' | 'indictment' | 'court';
  article_id: number;
  edition: '1997' | '2014';
  article: string;
  title_ru: string;
  title_kk: string;
  title_en: string;
  part: string | null;
  paragraph: string | null;
}

/** The first and the latest qualification of each proceeding, with their articles. */
export async function selectFirstAndCurrentQualifications(trx: Queryable, proceedingIds: readonly string[]): Promise<QualificationArticleRow[]> {
  if (proceedingIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('proceeding_qualifications as q')
    .innerJoin('proceeding_qualification_articles as qa', 'qa.qualification_id', 'q.id')
    .innerJoin('criminal_code_articles as a', 'a.id', 'qa.article_id')
    .select(['q.proceeding_id', 'q.sequence', 'q.decided_on', 'q.phase', 'a.id as article_id', 'a.edition', 'a.article', 'a.title_ru', 'a.title_kk', 'a.title_en', 'qa.part', 'qa.paragraph'])
    .where('q.proceeding_id', 'in', proceedingIds)
    .where((eb) =>
      eb.or([
        eb('q.sequence', '=', eb.selectFrom('proceeding_qualifications as f').select((inner) => inner.fn.min('f.sequence').as('s')).whereRef('f.proceeding_id', '=', 'q.proceeding_id')),
        eb('q.sequence', '=', eb.selectFrom('proceeding_qualifications as l').select((inner) => inner.fn.max('l.sequence').as('s')).whereRef('l.proceeding_id', '=', 'q.proceeding_id')),
      ]),
    )
    .orderBy('q.proceeding_id')
    .orderBy('q.sequence')
    .orderBy('a.edition')
    .orderBy('a.article')
    .execute();
}

/**
 * The verdict in force on each defendant of these proceedings (the latest by
 * date, then by record), with no column that tells who the defendant is.
 */
export async function selectVerdictsInForce(trx: Queryable, proceedingIds: readonly string[]) {
  if (proceedingIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom((eb) =>
      eb
        .selectFrom('defendant_verdicts as v')
        .innerJoin('proceeding_defendants as d', 'd.id', 'v.defendant_id')
        .select(['d.proceeding_id', 'v.decided_on', 'v.outcome', 'v.conviction_article_id', 'v.conviction_part', 'v.sentence_kind', 'v.confiscation'])
        .select(sql<number>`row_number() over (partition by v.defendant_id order by v.decided_on desc, v.id desc)`.as('recency'))
        .where('d.proceeding_id', 'in', proceedingIds)
        .as('latest'),
    )
    .leftJoin('criminal_code_articles as a', 'a.id', 'latest.conviction_article_id')
    .select([
      'latest.proceeding_id',
      'latest.decided_on',
      'latest.outcome',
      'latest.conviction_part',
      'latest.sentence_kind',
      'latest.confiscation',
      'a.id as article_id',
      'a.edition',
      'a.article',
      'a.title_ru',
      'a.title_kk',
      'a.title_en',
    ])
    .where('latest.recency', '=', 1)
    .execute();
}

// --- State protection ------------------------------------------------------

export type ProtectionRow = Selectable<StateProtectionsTable>;

export async function isCaseLinked(trx: Queryable, proceedingId: string, caseId: string): Promise<boolean> {
  const link = await trx.selectFrom('proceeding_cases').select('case_id').where('proceeding_id', '=', proceedingId).where('case_id', '=', caseId).executeTakeFirst();
  return link !== undefined;
}

export async function selectProtections(trx: Queryable, filter: { proceedingId?: string; caseId?: string }): Promise<ProtectionRow[]> {
  let query = trx.selectFrom('state_protections').selectAll();
  if (filter.proceedingId !== undefined) {
    query = query.where('proceeding_id', '=', filter.proceedingId);
  }
  if (filter.caseId !== undefined) {
    query = query.where('case_id', '=', filter.caseId);
  }
  return query.orderBy('requested_on').orderBy('recorded_at').execute();
}

export async function selectProtection(trx: Transaction<Database>, proceedingId: string, protectionId: string): Promise<ProtectionRow | undefined> {
  return trx.selectFrom('state_protections').selectAll().where('id', '=', protectionId).where('proceeding_id', '=', proceedingId).forUpdate().executeTakeFirst();
}

export async function insertProtection(trx: Transaction<Database>, row: Insertable<StateProtectionsTable>): Promise<ProtectionRow> {
  return trx.insertInto('state_protections').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProtection(trx: Transaction<Database>, id: string, changes: Updateable<StateProtectionsTable>): Promise<ProtectionRow> {
  return trx
    .updateTable('state_protections')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}


// --- Compensation -----------------------------------------------------------

/** The proceeding when it is linked to the case: what a claim on the case may name. */
export async function selectLinkedProceeding(trx: Queryable, caseId: string, proceedingId: string) {
  return trx
    .selectFrom('proceeding_cases as pc')
    .innerJoin('criminal_proceedings as p', 'p.id', 'pc.proceeding_id')
    .select(['p.id', 'p.registered_on', 'p.register_number'])
    .where('pc.case_id', '=', caseId)
    .where('pc.proceeding_id', '=', proceedingId)
    .executeTakeFirst();
}

export type CivilClaimRow = Selectable<CivilClaimsTable> & { register_number: string };

export async function selectCivilClaims(trx: Queryable, caseId: string): Promise<CivilClaimRow[]> {
  return trx
    .selectFrom('civil_claims as c')
    .innerJoin('criminal_proceedings as p', 'p.id', 'c.proceeding_id')
    .selectAll('c')
    .select('p.register_number')
    .where('c.case_id', '=', caseId)
    .orderBy('c.claimed_on')
    .orderBy('c.recorded_at')
    .execute();
}

export async function selectCivilClaim(trx: Transaction<Database>, caseId: string, claimId: string) {
  return trx.selectFrom('civil_claims').selectAll().where('id', '=', claimId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function insertCivilClaim(trx: Transaction<Database>, row: Insertable<CivilClaimsTable>): Promise<void> {
  await trx.insertInto('civil_claims').values(row).execute();
}

export async function updateCivilClaim(trx: Transaction<Database>, id: string, changes: Updateable<CivilClaimsTable>): Promise<void> {
  await trx
    .updateTable('civil_claims')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export type FundCompensationRow = Selectable<FundCompensationsTable> & { register_number: string | null; mci_value_tenge: number | null };

export async function selectFundCompensations(trx: Queryable, caseId: string, compensationId?: string): Promise<FundCompensationRow[]> {
  let query = trx
    .selectFrom('fund_compensations as f')
    .leftJoin('criminal_proceedings as p', 'p.id', 'f.proceeding_id')
    .leftJoin('monthly_calculation_indices as m', 'm.year', 'f.mci_year')
    .selectAll('f')
    .select(['p.register_number', 'm.value_tenge as mci_value_tenge'])
    .where('f.case_id', '=', caseId);
  if (compensationId !== undefined) {
    query = query.where('f.id', '=', compensationId);
  }
  return query.orderBy('f.applied_on').orderBy('f.recorded_at').execute();
}

export async function selectFundCompensationForUpdate(trx: Transaction<Database>, caseId: string, compensationId: string) {
  return trx.selectFrom('fund_compensations').selectAll().where('id', '=', compensationId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function insertFundCompensation(trx: Transaction<Database>, row: Insertable<FundCompensationsTable>): Promise<void> {
  await trx.insertInto('fund_compensations').values(row).execute();
}

export async function updateFundCompensation(trx: Transaction<Database>, id: string, changes: Updateable<FundCompensationsTable>): Promise<void> {
  await trx
    .updateTable('fund_compensations')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function selectMonthlyCalculationIndex(trx: Queryable, year: number): Promise<number | null> {
  const row = await trx.selectFrom('monthly_calculation_indices').select('value_tenge').where('year', '=', year).executeTakeFirst();
  return row?.value_tenge ?? null;
}

export async function selectMonthlyCalculationIndices(db: Queryable) {
  return db.selectFrom('monthly_calculation_indices').select(['year', 'value_tenge']).orderBy('year').execute();
}

import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ProceedingListQuery } from '../../../shared/proceeding.schemas.js';
import type { CodeEdition, CriminalProceedingsTable, Database, ProceduralStatusColumn, ProceedingStageColumn } from '../../db/schema.js';
import { personInReach, type Reach } from '../../platform/person-reach.js';
import { proceedingInReach, type ProceedingReach } from './proceeding-reach.js';
import { restingStages } from './proceeding-stages.js';

// Every function here runs in the justice module's transaction, which
// crosses the case wall (see acrossCases in proceeding.service.ts): each
// query that touches nrm_cases says itself what the user may see of it.

export type ProceedingRow = Selectable<CriminalProceedingsTable> & { region_code: string };

export interface ArticleRow {
  id: number;
  edition: CodeEdition;
  article: string;
  title_ru: string;
  title_kk: string;
  title_en: string;
  category: 'thb' | 'exploitation' | 'related';
}

export interface QualifiedArticleRow extends ArticleRow {
  part: string | null;
  paragraph: string | null;
}

const articleColumns = ['id', 'edition', 'article', 'title_ru', 'title_kk', 'title_en', 'category'] as const;

export async function articlesByIds(trx: Transaction<Database>, ids: readonly number[]): Promise<ArticleRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return trx.selectFrom('criminal_code_articles').select(articleColumns).where('id', 'in', ids).execute();
}

export async function articleChoices(trx: Transaction<Database>, edition: CodeEdition | null): Promise<ArticleRow[]> {
  let query = trx.selectFrom('criminal_code_articles').select(articleColumns);
  if (edition) {
    query = query.where('edition', '=', edition);
  }
  return query.orderBy('edition', 'desc').orderBy('id').execute();
}

export async function organizationsByIds(trx: Transaction<Database>, ids: readonly string[]) {
  return trx.selectFrom('organizations').select(['id', 'law_enforcement']).where('id', 'in', ids).execute();
}

export async function regionByCode(trx: Transaction<Database>, code: string) {
  return trx.selectFrom('regions').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export async function activeUserOf(trx: Transaction<Database>, userId: string) {
  return trx.selectFrom('users').select(['id', 'organization_id']).where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
}

export async function registerNumberTaken(trx: Transaction<Database>, registerNumber: string): Promise<boolean> {
  const row = await trx.selectFrom('criminal_proceedings').select('id').where('register_number', '=', registerNumber).executeTakeFirst();
  return row !== undefined;
}

export async function insertProceeding(
  trx: Transaction<Database>,
  row: Omit<CriminalProceedingsTable, 'stage' | 'last_movement_at' | 'source' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await trx.insertInto('criminal_proceedings').values(row).execute();
}

export async function insertStageChange(
  trx: Transaction<Database>,
  change: { proceedingId: string; stage: ProceedingStageColumn; occurredOn: string; reason: string | null; recordedBy: string },
): Promise<void> {
  await trx
    .insertInto('proceeding_stage_changes')
    .values({ proceeding_id: change.proceedingId, stage: change.stage, occurred_on: change.occurredOn, reason: change.reason, recorded_by: change.recordedBy })
    .execute();
}

export async function insertQualification(
  trx: Transaction<Database>,
  qualification: {
    proceedingId: string;
    sequence: number;
    decidedOn: string;
    phase: 'registration' | 'investigation' | 'indictment' | 'court';
    reason: string | null;
    recordedBy: string;
    articles: readonly { articleId: number; part: string | null; paragraph: string | null }[];
  },
): Promise<void> {
  const { id } = await trx
    .insertInto('proceeding_qualifications')
    .values({
      proceeding_id: qualification.proceedingId,
      sequence: qualification.sequence,
      decided_on: qualification.decidedOn,
      phase: qualification.phase,
      reason: qualification.reason,
      recorded_by: qualification.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('proceeding_qualification_articles')
    .values(qualification.articles.map((article) => ({ qualification_id: id, article_id: article.articleId, part: article.part, paragraph: article.paragraph })))
    .execute();
}

/**
 * The cases with these codes, whether or not the user reads them: a victim
 * who did not consent to share with police is linked by the code the
 * investigator was given, and stays a code to them. Only id and code are read.
 */
export async function casesByCodes(trx: Transaction<Database>, codes: readonly string[]) {
  if (codes.length === 0) {
    return [];
  }
  return trx.selectFrom('nrm_cases').select(['nrm_cases.id', 'nrm_cases.code']).where('nrm_cases.code', 'in', codes).execute();
}

export async function caseLinkOf(trx: Transaction<Database>, proceedingId: string, caseId: string) {
  return trx
    .selectFrom('proceeding_cases')
    .innerJoin('nrm_cases', 'nrm_cases.id', 'proceeding_cases.case_id')
    .selectAll('proceeding_cases')
    .select('nrm_cases.code as case_code')
    .where('proceeding_cases.proceeding_id', '=', proceedingId)
    .where('proceeding_cases.case_id', '=', caseId)
    .executeTakeFirst();
}

export type CaseLinkRow = NonNullable<Awaited<ReturnType<typeof caseLinkOf>>>;

export async function insertCaseLink(
  trx: Transaction<Database>,
  link: { proceedingId: string; caseId: string; proceduralStatus: ProceduralStatusColumn; linkedBy: string },
): Promise<void> {
  await trx
    .insertInto('proceeding_cases')
    .values({
      proceeding_id: link.proceedingId,
      case_id: link.caseId,
      procedural_status: link.proceduralStatus,
      non_punishment_review: link.proceduralStatus === 'suspect' || link.proceduralStatus === 'accused' ? 'pending' : null,
      linked_by: link.linkedBy,
    })
    .execute();
}

export async function updateCaseLink(
  trx: Transaction<Database>,
  link: { proceedingId: string; caseId: string; proceduralStatus: ProceduralStatusColumn; nonPunishmentReview: CaseLinkRow['non_punishment_review']; nonPunishmentNote: string | null },
): Promise<void> {
  await trx
    .updateTable('proceeding_cases')
    .set({ procedural_status: link.proceduralStatus, non_punishment_review: link.nonPunishmentReview, non_punishment_note: link.nonPunishmentNote })
    .where('proceeding_id', '=', link.proceedingId)
    .where('case_id', '=', link.caseId)
    .execute();
}

function proceedingsWithRegion(trx: Kysely<Database> | Transaction<Database>, reach: ProceedingReach) {
  return trx
    .selectFrom('criminal_proceedings')
    .innerJoin('regions', 'regions.id', 'criminal_proceedings.region_id')
    .selectAll('criminal_proceedings')
    .select('regions.code as region_code')
    .where(proceedingInReach(reach));
}

/** The proceeding, if in reach; locked (lock) when the step about to be recorded depends on its stage or dates. */
export async function proceedingInReachById(trx: Kysely<Database> | Transaction<Database>, reach: ProceedingReach, id: string, lock = false): Promise<ProceedingRow | undefined> {
  const query = proceedingsWithRegion(trx, reach).where('criminal_proceedings.id', '=', id);
  return lock ? query.forUpdate('criminal_proceedings').executeTakeFirst() : query.executeTakeFirst();
}

export async function updateStage(trx: Transaction<Database>, proceedingId: string, stage: ProceedingStageColumn, since: string): Promise<void> {
  await trx.updateTable('criminal_proceedings').set({ stage, stage_since: since, updated_at: sql`now()` }).where('id', '=', proceedingId).execute();
}

export async function lastStageChangeOf(trx: Transaction<Database>, proceedingId: string) {
  return trx
    .selectFrom('proceeding_stage_changes')
    .select(['stage', 'occurred_on'])
    .where('proceeding_id', '=', proceedingId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function stageChangesOf(trx: Transaction<Database>, proceedingId: string) {
  return trx
    .selectFrom('proceeding_stage_changes')
    .select(['stage', 'occurred_on', 'reason', 'recorded_at'])
    .where('proceeding_id', '=', proceedingId)
    .orderBy('id', 'asc')
    .execute();
}

export async function qualificationsOf(trx: Transaction<Database>, proceedingId: string) {
  return trx
    .selectFrom('proceeding_qualifications')
    .select(['id', 'sequence', 'decided_on', 'phase', 'reason', 'recorded_at'])
    .where('proceeding_id', '=', proceedingId)
    .orderBy('sequence', 'asc')
    .execute();
}

/** The articles of these qualifications, by qualification id. */
export async function articlesOfQualifications(trx: Transaction<Database>, qualificationIds: readonly number[]): Promise<Map<number, QualifiedArticleRow[]>> {
  const byQualification = new Map<number, QualifiedArticleRow[]>();
  if (qualificationIds.length === 0) {
    return byQualification;
  }
  const rows = await trx
    .selectFrom('proceeding_qualification_articles as qa')
    .innerJoin('criminal_code_articles as a', 'a.id', 'qa.article_id')
    .select(['qa.qualification_id', 'a.id', 'a.edition', 'a.article', 'a.title_ru', 'a.title_kk', 'a.title_en', 'a.category', 'qa.part', 'qa.paragraph'])
    .where('qa.qualification_id', 'in', qualificationIds)
    .orderBy('qa.qualification_id')
    .orderBy('a.id')
    .execute();
  for (const { qualification_id: qualificationId, ...article } of rows) {
    byQualification.set(qualificationId, [...(byQualification.get(qualificationId) ?? []), article]);
  }
  return byQualification;
}

/** The qualification in force (the highest sequence) of each proceeding: its id and date. */
export async function qualificationsInForce(trx: Transaction<Database>, proceedingIds: readonly string[]) {
  if (proceedingIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('proceeding_qualifications')
    .distinctOn('proceeding_id')
    .select(['proceeding_id', 'id', 'sequence', 'decided_on'])
    .where('proceeding_id', 'in', proceedingIds)
    .orderBy('proceeding_id')
    .orderBy('sequence', 'desc')
    .execute();
}

/** How many cases each proceeding links, and how many suspects or accused among them await the non-punishment review. */
export async function linkCountsOf(trx: Transaction<Database>, proceedingIds: readonly string[]) {
  if (proceedingIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('proceeding_cases')
    .select((eb) => [
      'proceeding_id',
      eb.fn.countAll<number>().as('linked'),
      sql<number>`count(*) filter (where non_punishment_review = 'pending' and procedural_status in ('suspect', 'accused'))`.as('pending'),
    ])
    .where('proceeding_id', 'in', proceedingIds)
    .groupBy('proceeding_id')
    .execute();
}

/**
 * The cases a proceeding links, each with whether the user reaches the
 * person's identity (the persons rule: police only with consent). Nothing
 * else of a case is read here.
 */
export async function linkedCasesOf(trx: Transaction<Database>, proceedingId: string, identityReach: Reach | null) {
  const identityReadable = identityReach ? personInReach(identityReach, sql.ref('nrm_cases.person_id')) : sql<boolean>`false`;
  return trx
    .selectFrom('proceeding_cases')
    .innerJoin('nrm_cases', 'nrm_cases.id', 'proceeding_cases.case_id')
    .selectAll('proceeding_cases')
    .select(['nrm_cases.code as case_code', 'nrm_cases.person_id', sql<boolean>`${identityReadable}`.as('identity_readable')])
    .where('proceeding_cases.proceeding_id', '=', proceedingId)
    .orderBy('proceeding_cases.linked_at')
    .orderBy('nrm_cases.code')
    .execute();
}

/** A page of the proceedings in reach, with a worklist's or filter's own conditions. */
export async function pageOfProceedings(trx: Transaction<Database>, reach: ProceedingReach, query: ProceedingListQuery) {
  let base = trx.selectFrom('criminal_proceedings').innerJoin('regions', 'regions.id', 'criminal_proceedings.region_id').where(proceedingInReach(reach));
  if (query.stage) {
    base = base.where('criminal_proceedings.stage', '=', query.stage);
  }
  if (query.registerNumber) {
    base = base.where('criminal_proceedings.register_number', 'like', `${query.registerNumber}%`);
  }
  if (query.articleId !== undefined) {
    const articleId = query.articleId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('proceeding_qualifications as q')
          .innerJoin('proceeding_qualification_articles as qa', 'qa.qualification_id', 'q.id')
          .select(sql`1`.as('one'))
          .whereRef('q.proceeding_id', '=', 'criminal_proceedings.id')
          .where('qa.article_id', '=', articleId)
          .where(sql<boolean>`q.sequence = (select max(q2.sequence) from proceeding_qualifications q2 where q2.proceeding_id = criminal_proceedings.id)`),
      ),
    );
  }
  switch (query.worklist) {
    case 'stalled':
      base = base
        .where('criminal_proceedings.stage', 'not in', restingStages)
        .where('criminal_proceedings.last_movement_at', '<', sql<Date>`now() - make_interval(days => ${query.days})`);
      break;
    case 'suspended':
      base = base.where('criminal_proceedings.stage', '=', 'suspended_perpetrator_unknown');
      break;
    case 'non_punishment':
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('proceeding_cases as pc')
            .select(sql`1`.as('one'))
            .whereRef('pc.proceeding_id', '=', 'criminal_proceedings.id')
            .where('pc.procedural_status', 'in', ['suspect', 'accused'])
            .where('pc.non_punishment_review', '=', 'pending'),
        ),
      );
      break;
    case undefined:
      break;
  }
  // The stalled worklist shows the longest-forgotten first; every other list the latest movement first.
  const direction = query.worklist === 'stalled' ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    base
      .selectAll('criminal_proceedings')
      .select('regions.code as region_code')
      .orderBy('criminal_proceedings.last_movement_at', direction)
      .orderBy('criminal_proceedings.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

import type { CaseProceeding, CaseProceedingArticle as ProceedingArticle, CaseProceedingList, CaseProceedingOutcome } from '../../../shared/case-justice.schemas.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { caseReachOf } from '../cases/case-access.js';
import { caseById } from '../cases/case.repo.js';
import {
  selectCaseProceedings,
  selectCivilClaims,
  selectFirstAndCurrentQualifications,
  selectFundCompensations,
  selectProtections,
  selectStageDates,
  selectVerdictsInForce,
  type QualificationArticleRow,
} from './case-justice.repo.js';
import { civilClaimOf, fundCompensationOf } from './compensation.service.js';
import { protectionOf } from './protection.service.js';
import { articleRef } from './qualification.js';

// The case's view of its criminal proceedings: what her case worker, a
// provider, or an investigator who may read the case sees on the case page.
// Built from an explicit list of columns, so that the investigative file
// (the investigator, reasons, notes, defendants) cannot slip in: defendants
// appear only as counts of the verdicts in force.

type ArticleFields = Pick<QualificationArticleRow, 'article_id' | 'edition' | 'article' | 'title_ru' | 'title_kk' | 'title_en' | 'part' | 'paragraph'>;

function articleOf(row: ArticleFields): ProceedingArticle {
  return {
    articleId: row.article_id,
    edition: row.edition,
    article: row.article,
    part: row.part,
    paragraph: row.paragraph,
    ref: articleRef(row.article, row.part, row.paragraph),
    title: { ru: row.title_ru, kk: row.title_kk, en: row.title_en },
  };
}

type VerdictInForce = Awaited<ReturnType<typeof selectVerdictsInForce>>[number];

/** The verdicts in force as counts: how many convicted, acquitted, dismissed, and with which sentences. */
export function outcomeOf(verdicts: readonly VerdictInForce[]): CaseProceedingOutcome | null {
  if (verdicts.length === 0) {
    return null;
  }
  const sentences = new Map<NonNullable<VerdictInForce['sentence_kind']>, number>();
  const articles = new Map<string, ProceedingArticle>();
  let confiscations = 0;
  for (const verdict of verdicts) {
    if (verdict.outcome !== 'convicted') {
      continue;
    }
    if (verdict.sentence_kind) {
      sentences.set(verdict.sentence_kind, (sentences.get(verdict.sentence_kind) ?? 0) + 1);
    }
    confiscations += verdict.confiscation ? 1 : 0;
    if (verdict.article_id !== null && verdict.edition !== null && verdict.article !== null) {
      const article = articleOf({
        article_id: verdict.article_id,
        edition: verdict.edition,
        article: verdict.article,
        title_ru: verdict.title_ru ?? '',
        title_kk: verdict.title_kk ?? '',
        title_en: verdict.title_en ?? '',
        part: verdict.conviction_part,
        paragraph: null,
      });
      articles.set(`${article.articleId}|${article.part ?? ''}`, article);
    }
  }
  const count = (outcome: VerdictInForce['outcome']) => verdicts.filter((verdict) => verdict.outcome === outcome).length;
  return {
    convicted: count('convicted'),
    acquitted: count('acquitted'),
    dismissed: count('dismissed'),
    sentences: [...sentences].map(([kind, total]) => ({ kind, count: total })),
    confiscations,
    convictionArticles: [...articles.values()],
    lastDecidedOn: verdicts.map((verdict) => verdict.decided_on).reduce((latest, date) => (date > latest ? date : latest)),
  };
}

function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) {
      group.push(row);
    } else {
      groups.set(key(row), [row]);
    }
  }
  return groups;
}

/**
 * The proceedings linked to a case, within the case's own reach: a user who
 * cannot read the case gets 404, as on the case page. The read is recorded
 * with the case's other reads.
 */
export async function listCaseProceedings(input: { context: AppContext; actor: UserActor; caseId: string; origin: RequestOrigin }): Promise<CaseProceedingList> {
  const { context, actor } = input;
  const reach = caseReachOf(actor, 'cases.read');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const caseRow = await caseById(trx, reach, input.caseId, { actor, view: 'case', requestId: input.origin.requestId });
    const proceedings = await selectCaseProceedings(trx, caseRow.id);
    const ids = proceedings.map((proceeding) => proceeding.id);
    const [stages, qualifications, verdicts, protections, claims, fund] = await Promise.all([
      selectStageDates(trx, ids),
      selectFirstAndCurrentQualifications(trx, ids),
      selectVerdictsInForce(trx, ids),
      selectProtections(trx, { caseId: caseRow.id }),
      selectCivilClaims(trx, caseRow.id),
      selectFundCompensations(trx, caseRow.id),
    ]);
    const stagesOf = groupBy(stages, (row) => row.proceeding_id);
    const qualificationsOf = groupBy(qualifications, (row) => row.proceeding_id);
    const verdictsOf = groupBy(verdicts, (row) => row.proceeding_id);
    const protectionsOf = groupBy(protections, (row) => row.proceeding_id);
    const claimsOf = groupBy(claims, (row) => row.proceeding_id);
    const items = proceedings.map((proceeding): CaseProceeding => {
      const articles = qualificationsOf.get(proceeding.id) ?? [];
      const first = Math.min(...articles.map((row) => row.sequence));
      const last = Math.max(...articles.map((row) => row.sequence));
      const current = articles.find((row) => row.sequence === last);
      return {
        proceedingId: proceeding.id,
        registerNumber: proceeding.register_number,
        registeredOn: proceeding.registered_on,
        codeEdition: proceeding.code_edition,
        investigatingBody: {
          id: proceeding.organization_id,
          abbreviation: { ru: proceeding.abbreviation_ru, kk: proceeding.abbreviation_kk, en: proceeding.abbreviation_en },
          name: { ru: proceeding.name_ru, kk: proceeding.name_kk, en: proceeding.name_en },
        },
        investigatingUnit: proceeding.investigating_unit,
        region: {
          code: proceeding.region_code,
          name: { ru: proceeding.region_name_ru ?? proceeding.region_code, kk: proceeding.region_name_kk ?? proceeding.region_code, en: proceeding.region_name_en ?? proceeding.region_code },
        },
        stage: proceeding.stage,
        stageSince: proceeding.stage_since,
        stages: (stagesOf.get(proceeding.id) ?? []).map((row) => ({ stage: row.stage, occurredOn: row.occurred_on })),
        articlesAtRegistration: articles.filter((row) => row.sequence === first).map(articleOf),
        articlesNow: articles.filter((row) => row.sequence === last).map(articleOf),
        qualifiedOn: current?.decided_on ?? proceeding.registered_on,
        qualificationPhase: current?.phase ?? 'registration',
        proceduralStatus: proceeding.procedural_status,
        nonPunishmentReview: proceeding.non_punishment_review,
        outcome: outcomeOf(verdictsOf.get(proceeding.id) ?? []),
        protections: (protectionsOf.get(proceeding.id) ?? []).map(protectionOf),
        civilClaims: (claimsOf.get(proceeding.id) ?? []).map(civilClaimOf),
      };
    });
    return { items, fundCompensations: fund.map(fundCompensationOf) };
  });
}

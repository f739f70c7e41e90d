import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, justiceRefusal, type FieldProblem } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import type {
  articleListQuerySchema,
  caseLinkUpdateRequestSchema,
  LinkedCase,
  linkCaseRequestSchema,
  ProceedingDetail,
  ProceedingListQuery,
  ProceedingSummary,
  QualificationArticleInput,
  RegisterProceedingRequest,
  requalificationRequestSchema,
  stageMoveRequestSchema,
} from '../../../shared/proceeding.schemas.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type RequestOrigin, type UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { reachOf } from '../../platform/person-reach.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { can } from '../../platform/policy.js';
import { readIdentity } from '../persons/person.service.js';
import { recordProceedingMovement } from './proceeding-movement.js';
import { proceedingNotFound, proceedingReachOf, type ProceedingReach } from './proceeding-reach.js';
import { codeEditionOn, nextStages, refuseStageMove } from './proceeding-stages.js';
import {
  activeUserOf,
  articleChoices,
  articlesByIds,
  articlesOfQualifications,
  caseLinkOf,
  casesByCodes,
  insertCaseLink,
  insertProceeding,
  insertQualification,
  insertStageChange,
  lastStageChangeOf,
  linkCountsOf,
  linkedCasesOf,
  organizationsByIds,
  pageOfProceedings,
  proceedingInReachById,
  qualificationsInForce,
  qualificationsOf,
  regionByCode,
  registerNumberTaken,
  stageChangesOf,
  updateCaseLink,
  updateStage,
  type ArticleRow,
  type CaseLinkRow,
  type ProceedingRow,
  type QualifiedArticleRow,
} from './proceeding.repo.js';
import { articleRef, articlesOutsideEdition, sameQualification, type LocalizedRef } from './qualification.js';

const justiceModule = systemActor('justice:proceedings');

/**
 * A proceeding names cases its investigator may not read: a victim who did
 * not consent to share with police is in the proceeding as a case code only.
 * So the justice module reads case codes and writes case timelines across the
 * row-level wall, as Senim itself, and every query here that touches a case
 * says what the user may see of it with the persons and cases reach rules.
 * Out of reach of the user, a case is never more than its code and "linked".
 */
function acrossCases<T>(context: AppContext, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return withPersonScope(context.database.db, justiceModule, fn);
}

// --- Views ----------------------------------------------------------------

function articleView(article: QualifiedArticleRow) {
  return {
    articleId: article.id,
    edition: article.edition,
    article: article.article,
    part: article.part,
    paragraph: article.paragraph,
    ref: articleRef(article.article, article.part, article.paragraph),
    title: { ru: article.title_ru, kk: article.title_kk, en: article.title_en },
  };
}

function caseLinkView(link: CaseLinkRow) {
  return {
    caseId: link.case_id,
    caseCode: link.case_code,
    proceduralStatus: link.procedural_status,
    nonPunishmentReview: link.non_punishment_review,
    nonPunishmentNote: link.non_punishment_note,
    linkedAt: new Date(link.linked_at).toISOString(),
  };
}

async function summariesOf(trx: Transaction<Database>, rows: readonly ProceedingRow[]): Promise<ProceedingSummary[]> {
  const ids = rows.map((row) => row.id);
  const [inForce, counts] = await Promise.all([qualificationsInForce(trx, ids), linkCountsOf(trx, ids)]);
  const articles = await articlesOfQualifications(
    trx,
    inForce.map((qualification) => qualification.id),
  );
  const qualificationOf = new Map(inForce.map((qualification) => [qualification.proceeding_id, qualification.id]));
  const countsOf = new Map(counts.map((count) => [count.proceeding_id, count]));
  return rows.map((row) => ({
    id: row.id,
    registerNumber: row.register_number,
    registeredOn: row.registered_on,
    codeEdition: row.code_edition,
    registeringOrganizationId: row.registering_organization_id,
    investigatingOrganizationId: row.investigating_organization_id,
    investigatingUnit: row.investigating_unit,
    regionCode: row.region_code,
    investigatorUserId: row.investigator_user_id,
    stage: row.stage,
    stageSince: row.stage_since,
    lastMovementAt: new Date(row.last_movement_at).toISOString(),
    source: row.source,
    articles: (articles.get(qualificationOf.get(row.id) ?? -1) ?? []).map(articleView),
    linkedCases: Number(countsOf.get(row.id)?.linked ?? 0),
    nonPunishmentPending: Number(countsOf.get(row.id)?.pending ?? 0),
  }));
}

async function summaryOf(trx: Transaction<Database>, reach: ProceedingReach, proceedingId: string): Promise<ProceedingSummary> {
  const row = await proceedingInReachById(trx, reach, proceedingId);
  if (!row) {
    throw proceedingNotFound();
  }
  const [summary] = await summariesOf(trx, [row]);
  if (!summary) {
    throw proceedingNotFound();
  }
  return summary;
}

/** What an event or audit record says of a qualification: article refs as the statistics print them, never titles. */
/** The articles as printed in each language: case timelines word them in the reader's ('128 ч.3'), the audit trail in English. */
function refsOf(articles: readonly { article: string; part: string | null; paragraph: string | null }[]): LocalizedRef[] {
  return articles.map((article) => articleRef(article.article, article.part, article.paragraph));
}

const englishRefs = (refs: readonly LocalizedRef[]): string => refs.map((ref) => ref.en).join('; ');

// --- Checks ---------------------------------------------------------------

function field(name: string, message: string): FieldProblem[] {
  return [{ field: name, message }];
}

/** The date checks every recorded step of a proceeding shares (stage moves, re-qualifications, verdicts). */
export function refuseDateInFuture(date: string, fieldName: string): void {
  if (date > todayInKazakhstan()) {
    throw justiceRefusal('date_in_future', { fields: field(fieldName, 'is in the future') });
  }
}

export function refuseDateBeforeRegistration(date: string, registeredOn: string, fieldName: string): void {
  if (date < registeredOn) {
    throw justiceRefusal('date_before_registration', { fields: field(fieldName, `is before the registration on ${registeredOn}`) });
  }
}

/** The articles named, in the order given; an unknown id is a field problem naming its place. */
async function resolveArticles(trx: Transaction<Database>, articles: readonly QualificationArticleInput[]): Promise<ArticleRow[]> {
  const rows = await articlesByIds(
    trx,
    articles.map((article) => article.articleId),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unknown = articles.flatMap((article, index) => (byId.has(article.articleId) ? [] : [index]));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'No such article of the Criminal Code', {
      fields: unknown.map((index) => ({ field: `body.articles.${index}.articleId`, message: 'no such article' })),
    });
  }
  return articles.map((article) => byId.get(article.articleId) as ArticleRow);
}

function qualifiedArticles(articles: readonly QualificationArticleInput[]) {
  return articles.map((article) => ({ articleId: article.articleId, part: article.part ?? null, paragraph: article.paragraph ?? null }));
}

/** The cases with these codes: an unknown code is a field problem naming its place; a known one links whether or not the user reads it. */
async function resolveCaseCodes(trx: Transaction<Database>, codes: readonly string[], fieldOf: (index: number) => string) {
  const rows = await casesByCodes(trx, codes);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const unknown = codes.flatMap((code, index) => (byCode.has(code) ? [] : [index]));
  if (unknown.length > 0) {
    throw new AppError('unprocessable', 'No case has this code', { fields: unknown.map((index) => ({ field: fieldOf(index), message: 'no case has this code' })) });
  }
  return codes.map((code) => byCode.get(code) as (typeof rows)[number]);
}

function isRegisterNumberClash(error: unknown): boolean {
  const cause = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  const named = [cause?.constraint, cause?.message].filter((value): value is string => typeof value === 'string');
  return cause?.code === '23505' && named.some((text) => text.includes('register_number'));
}

// --- Use cases ------------------------------------------------------------

/** The articles an investigator chooses from, with the ids a qualification names them by. */
export async function listArticleChoices(input: { context: AppContext; actor: UserActor; query: z.infer<typeof articleListQuerySchema> }) {
  proceedingReachOf(input.actor, 'proceedings.read');
  const edition = input.query.on ? codeEditionOn(input.query.on) : (input.query.edition ?? null);
  const rows = await input.context.database.db.transaction().execute((trx) => articleChoices(trx, edition));
  return {
    items: rows.map((row) => ({ articleId: row.id, edition: row.edition, article: row.article, title: { ru: row.title_ru, kk: row.title_kk, en: row.title_en }, category: row.category })),
  };
}

/**
 * Registers a proceeding as the ERDR did: qualified under the Code in force
 * on the registration date, at stage 'registered', with the victims'
 * and witnesses' cases linked by their codes.
 */
export async function registerProceeding(input: { context: AppContext; actor: UserActor; request: RegisterProceedingRequest; origin: RequestOrigin }) {
  const { context, actor, request } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  refuseDateInFuture(request.registeredOn, 'body.registeredOn');
  const proceedingId = randomUUID();
  const edition = codeEditionOn(request.registeredOn);
  try {
    return await acrossCases(context, async (trx) => {
      const bodies = await organizationsByIds(trx, [request.registeringOrganizationId, request.investigatingOrganizationId]);
      for (const name of ['registeringOrganizationId', 'investigatingOrganizationId'] as const) {
        const body = bodies.find((organization) => organization.id === request[name]);
        if (!body) {
          throw new AppError('validation_failed', 'No such organization', { fields: field(`body.${name}`, 'no such organization') });
        }
        if (!body.law_enforcement) {
          throw justiceRefusal('not_law_enforcement', { fields: field(`body.${name}`, 'not a law-enforcement body') });
        }
      }
      if (reach.kind === 'body' && reach.organizationId !== request.registeringOrganizationId && reach.organizationId !== request.investigatingOrganizationId) {
        throw new AppError('unprocessable', 'Your body registers or investigates the proceedings you record', {
          fields: field('body.investigatingOrganizationId', 'your body is neither the registering nor the investigating one'),
        });
      }
      const region = await regionByCode(trx, request.regionCode);
      if (!region) {
        throw new AppError('validation_failed', `Unknown region ${request.regionCode}`, { fields: field('body.regionCode', 'no such region') });
      }
      if (reach.kind === 'body' && reach.regionIds.length > 0 && !reach.regionIds.includes(region.id)) {
        throw new AppError('unprocessable', 'The region is not one you work in', { fields: field('body.regionCode', 'outside your regions') });
      }
      const investigatorUserId = request.investigatorUserId ?? actor.userId;
      if (request.investigatorUserId !== undefined) {
        const investigator = await activeUserOf(trx, request.investigatorUserId);
        if (!investigator || ![request.registeringOrganizationId, request.investigatingOrganizationId].includes(investigator.organization_id)) {
          throw new AppError('validation_failed', 'The investigator is a user of the registering or investigating body', {
            fields: field('body.investigatorUserId', 'not an active user of either body'),
          });
        }
      }
      const articles = await resolveArticles(trx, request.articles);
      const outside = articlesOutsideEdition(articles, edition);
      if (outside.length > 0) {
        throw justiceRefusal('article_edition_mismatch', {
          fields: outside.map((index) => ({ field: `body.articles.${index}.articleId`, message: `not an article of the ${edition} Code in force on ${request.registeredOn}` })),
        });
      }
      if (await registerNumberTaken(trx, request.registerNumber)) {
        throw justiceRefusal('register_number_taken', { fields: field('body.registerNumber', 'recorded already') });
      }
      const cases = await resolveCaseCodes(
        trx,
        request.victims.map((victim) => victim.caseCode),
        (index) => `body.victims.${index}.caseCode`,
      );

      await insertProceeding(trx, {
        id: proceedingId,
        register_number: request.registerNumber,
        registered_on: request.registeredOn,
        code_edition: edition,
        registering_organization_id: request.registeringOrganizationId,
        investigating_organization_id: request.investigatingOrganizationId,
        investigating_unit: request.investigatingUnit,
        region_id: region.id,
        investigator_user_id: investigatorUserId,
        stage_since: request.registeredOn,
        created_by: actor.userId,
      });
      await insertStageChange(trx, { proceedingId, stage: 'registered', occurredOn: request.registeredOn, reason: null, recordedBy: actor.userId });
      const qualified = qualifiedArticles(request.articles);
      await insertQualification(trx, { proceedingId, sequence: 1, decidedOn: request.registeredOn, phase: 'registration', reason: null, recordedBy: actor.userId, articles: qualified });
      for (const [index, victim] of request.victims.entries()) {
        const linked = cases[index];
        if (linked) {
          await insertCaseLink(trx, { proceedingId, caseId: linked.id, proceduralStatus: victim.proceduralStatus, linkedBy: actor.userId });
        }
      }
      const refs = refsOf(articles.map((article, index) => ({ article: article.article, part: qualified[index]?.part ?? null, paragraph: qualified[index]?.paragraph ?? null })));
      await recordProceedingMovement(trx, {
        proceedingId,
        actor,
        kind: 'proceeding.linked',
        details: { stage: 'registered', registeredOn: request.registeredOn, codeEdition: edition, articles: refs },
      });
      await recordAudit(trx, {
        actor,
        action: 'proceeding.registered',
        record: { type: 'criminal_proceeding', id: proceedingId },
        origin: input.origin,
        details: { codeEdition: edition, articles: englishRefs(refs), linkedCases: cases.length },
      });
      return { id: proceedingId, registerNumber: request.registerNumber };
    });
  } catch (error) {
    if (isRegisterNumberClash(error)) {
      throw justiceRefusal('register_number_taken', { fields: field('body.registerNumber', 'recorded already') });
    }
    throw error;
  }
}

/** My body's proceedings in my regions, a filter or a worklist, the latest movement first (the stalled worklist: the longest-forgotten first). */
export async function listProceedings(input: { context: AppContext; actor: UserActor; query: ProceedingListQuery }) {
  const reach = proceedingReachOf(input.actor, 'proceedings.read');
  // The non-punishment worklist reads the links to cases the investigator may not see.
  return acrossCases(input.context, async (trx) => {
    const { rows, total } = await pageOfProceedings(trx, reach, input.query);
    return { items: await summariesOf(trx, rows), page: { limit: input.query.limit, offset: input.query.offset, total } };
  });
}

function displayNameOf(identity: PersonIdentity): string | null {
  const name = identity.names.find((entry) => entry.kind === 'primary') ?? identity.names[0];
  if (!name) {
    return null;
  }
  const parts = [name.family, name.given, name.patronymic].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The name of a linked person, read through the persons service (audited,
 * and behind the row-level wall once more). Should the wall disagree with the
 * reach computed here, the person is withheld rather than the page refused.
 */
async function identityOf(input: { context: AppContext; actor: UserActor; personId: string; purpose: string; origin: RequestOrigin }): Promise<LinkedCase['identity']> {
  try {
    const [record] = await readIdentity({ ...input, history: false });
    return record ? { personId: input.personId, displayName: displayNameOf(record.identity) } : null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      return null;
    }
    throw error;
  }
}

/**
 * The proceeding page. The identity of a linked person is read only where
 * the user reaches the person by the persons rule (police: with the person's
 * consent to share with them), through the persons service, which audits the
 * read; everyone else linked is their case code and "identity withheld".
 */
export async function readProceeding(input: { context: AppContext; actor: UserActor; proceedingId: string; origin: RequestOrigin }): Promise<ProceedingDetail> {
  const { context, actor } = input;
  const reach = proceedingReachOf(actor, 'proceedings.read');
  const identityReach = can(actor, 'persons.identity.read') ? reachOf(actor, 'persons.identity.read') : null;
  const loaded = await acrossCases(context, async (trx) => {
    const summary = await summaryOf(trx, reach, input.proceedingId);
    const [qualifications, stages, links] = await Promise.all([
      qualificationsOf(trx, input.proceedingId),
      stageChangesOf(trx, input.proceedingId),
      linkedCasesOf(trx, input.proceedingId, identityReach),
    ]);
    const articles = await articlesOfQualifications(
      trx,
      qualifications.map((qualification) => qualification.id),
    );
    return { summary, qualifications, stages, links, articles };
  });
  const { summary, qualifications, stages, links, articles } = loaded;
  const purpose = `Criminal proceeding ${summary.registerNumber}: the persons taking part`;
  const cases: LinkedCase[] = [];
  for (const link of links) {
    let identity: LinkedCase['identity'] = null;
    if (link.identity_readable) {
      identity = await identityOf({ context, actor, personId: link.person_id, purpose, origin: input.origin });
    }
    cases.push({ ...caseLinkView(link), identity, identityWithheld: identity === null });
  }
  return {
    summary,
    qualifications: qualifications.map((qualification) => ({
      sequence: qualification.sequence,
      decidedOn: qualification.decided_on,
      phase: qualification.phase,
      reason: qualification.reason,
      recordedAt: new Date(qualification.recorded_at).toISOString(),
      articles: (articles.get(qualification.id) ?? []).map(articleView),
    })),
    stageHistory: stages.map((stage) => ({ stage: stage.stage, occurredOn: stage.occurred_on, reason: stage.reason, recordedAt: new Date(stage.recorded_at).toISOString() })),
    nextStages: nextStages(summary.stage),
    cases,
  };
}

/** Moves a proceeding to another stage, on the date it happened; a move back carries its reason. */
export async function moveProceedingStage(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  move: z.infer<typeof stageMoveRequestSchema>;
  origin: RequestOrigin;
}): Promise<ProceedingSummary> {
  const { context, actor, move } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  const reason = move.reason && move.reason.length > 0 ? move.reason : null;
  return acrossCases(context, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const refusal = refuseStageMove(proceeding.stage, move.stage, reason);
    if (refusal === 'stage_back_needs_reason') {
      throw justiceRefusal(refusal, { fields: field('body.reason', 'say why the proceeding moves back') });
    }
    if (refusal) {
      throw justiceRefusal(refusal, { detail: `The proceeding cannot move from ${proceeding.stage} to ${move.stage}` });
    }
    refuseDateInFuture(move.occurredOn, 'body.occurredOn');
    refuseDateBeforeRegistration(move.occurredOn, proceeding.registered_on, 'body.occurredOn');
    const last = await lastStageChangeOf(trx, proceeding.id);
    if (last && move.occurredOn < last.occurred_on) {
      throw justiceRefusal('date_before_current_stage', { fields: field('body.occurredOn', `is before ${last.occurred_on}, when the current stage began`) });
    }
    await updateStage(trx, proceeding.id, move.stage, move.occurredOn);
    await insertStageChange(trx, { proceedingId: proceeding.id, stage: move.stage, occurredOn: move.occurredOn, reason, recordedBy: actor.userId });
    await recordProceedingMovement(trx, { proceedingId: proceeding.id, actor, kind: 'proceeding.stage_changed', details: { stage: move.stage, occurredOn: move.occurredOn } });
    await recordAudit(trx, {
      actor,
      action: 'proceeding.stage_changed',
      record: { type: 'criminal_proceeding', id: proceeding.id },
      fields: reason ? ['stage', 'reason'] : ['stage'],
      origin: input.origin,
      details: { from: proceeding.stage, to: move.stage, occurredOn: move.occurredOn },
    });
    return summaryOf(trx, reach, proceeding.id);
  });
}

/**
 * Records a new qualification, in force from its date. The old ones stay as
 * they were: the statistics compare what a proceeding was registered under
 * with what it reached court under. Any edition may be named, since a
 * proceeding registered under the 1997 Code may be tried under the 2014 one.
 */
export async function requalifyProceeding(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  requalification: z.infer<typeof requalificationRequestSchema>;
  origin: RequestOrigin;
}): Promise<ProceedingSummary> {
  const { context, actor, requalification } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return acrossCases(context, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    refuseDateInFuture(requalification.decidedOn, 'body.decidedOn');
    refuseDateBeforeRegistration(requalification.decidedOn, proceeding.registered_on, 'body.decidedOn');
    const articles = await resolveArticles(trx, requalification.articles);
    const [inForce] = await qualificationsInForce(trx, [proceeding.id]);
    if (inForce) {
      if (requalification.decidedOn < inForce.decided_on) {
        throw justiceRefusal('date_before_qualification_in_force', { fields: field('body.decidedOn', `is before ${inForce.decided_on}, when the qualification in force was decided`) });
      }
      const current = (await articlesOfQualifications(trx, [inForce.id])).get(inForce.id) ?? [];
      const currentArticles = current.map((article) => ({ articleId: article.id, part: article.part, paragraph: article.paragraph }));
      if (sameQualification(currentArticles, qualifiedArticles(requalification.articles))) {
        throw justiceRefusal('requalification_unchanged', { fields: field('body.articles', 'the same articles as the qualification in force') });
      }
    }
    const qualified = qualifiedArticles(requalification.articles);
    await insertQualification(trx, {
      proceedingId: proceeding.id,
      sequence: (inForce?.sequence ?? 0) + 1,
      decidedOn: requalification.decidedOn,
      phase: requalification.phase,
      reason: requalification.reason,
      recordedBy: actor.userId,
      articles: qualified,
    });
    const refs = refsOf(articles.map((article, index) => ({ article: article.article, part: qualified[index]?.part ?? null, paragraph: qualified[index]?.paragraph ?? null })));
    await recordProceedingMovement(trx, {
      proceedingId: proceeding.id,
      actor,
      kind: 'proceeding.requalified',
      details: { decidedOn: requalification.decidedOn, phase: requalification.phase, articles: refs },
    });
    await recordAudit(trx, {
      actor,
      action: 'proceeding.requalified',
      record: { type: 'criminal_proceeding', id: proceeding.id },
      fields: ['articles', 'reason'],
      origin: input.origin,
      details: { phase: requalification.phase, decidedOn: requalification.decidedOn, articles: englishRefs(refs) },
    });
    return summaryOf(trx, reach, proceeding.id);
  });
}

/** Links one more case, by its code, to a proceeding in reach. */
export async function linkCaseToProceeding(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  link: z.infer<typeof linkCaseRequestSchema>;
  origin: RequestOrigin;
}) {
  const { context, actor, link } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return acrossCases(context, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const [linked] = await resolveCaseCodes(trx, [link.caseCode], () => 'body.caseCode');
    if (!linked) {
      throw new AppError('unprocessable', 'No case has this code', { fields: field('body.caseCode', 'no case has this code') });
    }
    if (await caseLinkOf(trx, proceeding.id, linked.id)) {
      throw justiceRefusal('case_already_linked', { fields: field('body.caseCode', 'linked already') });
    }
    await insertCaseLink(trx, { proceedingId: proceeding.id, caseId: linked.id, proceduralStatus: link.proceduralStatus, linkedBy: actor.userId });
    const [inForce] = await qualificationsInForce(trx, [proceeding.id]);
    const articles = inForce ? ((await articlesOfQualifications(trx, [inForce.id])).get(inForce.id) ?? []) : [];
    // Only the linked case's timeline: the others must not learn who else joined, in which role.
    await recordProceedingMovement(trx, {
      proceedingId: proceeding.id,
      onlyCaseId: linked.id,
      actor,
      kind: 'proceeding.linked',
      details: { stage: proceeding.stage, registeredOn: proceeding.registered_on, codeEdition: proceeding.code_edition, articles: refsOf(articles) },
    });
    await recordAudit(trx, {
      actor,
      action: 'proceeding.case_linked',
      record: { type: 'criminal_proceeding', id: proceeding.id },
      origin: input.origin,
      details: { caseId: linked.id, proceduralStatus: link.proceduralStatus },
    });
    const row = await caseLinkOf(trx, proceeding.id, linked.id);
    if (!row) {
      throw proceedingNotFound();
    }
    return caseLinkView(row);
  });
}

/**
 * Changes a linked person's procedural status or records the review of the
 * non-punishment principle. A victim who becomes a suspect or accused awaits
 * that review, unless it was done already; one who is a victim or witness
 * again no longer does.
 */
export async function updateProceedingCaseLink(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  caseId: string;
  update: z.infer<typeof caseLinkUpdateRequestSchema>;
  origin: RequestOrigin;
}) {
  const { context, actor, update } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return acrossCases(context, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const link = await caseLinkOf(trx, proceeding.id, input.caseId);
    if (!link) {
      throw new AppError('not_found', 'No such case in this proceeding');
    }
    const status = update.proceduralStatus ?? link.procedural_status;
    const accused = status === 'suspect' || status === 'accused';
    if (update.nonPunishmentReview !== undefined && !accused) {
      throw new AppError('unprocessable', 'The non-punishment principle is reviewed for a suspect or accused', {
        fields: field('body.nonPunishmentReview', 'only for a suspect or accused'),
      });
    }
    let review = update.nonPunishmentReview ?? link.non_punishment_review;
    if (accused && review === null) {
      review = 'pending';
    }
    if (!accused && review === 'pending') {
      review = null;
    }
    await updateCaseLink(trx, {
      proceedingId: proceeding.id,
      caseId: link.case_id,
      proceduralStatus: status,
      nonPunishmentReview: review,
      nonPunishmentNote: update.nonPunishmentNote ?? link.non_punishment_note,
    });
    await recordAudit(trx, {
      actor,
      action: 'proceeding.case_link_updated',
      record: { type: 'criminal_proceeding', id: proceeding.id },
      fields: Object.entries(update).flatMap(([name, value]) => (value === undefined ? [] : [name])),
      origin: input.origin,
      details: { caseId: link.case_id, proceduralStatus: status, nonPunishmentReview: review },
    });
    const row = await caseLinkOf(trx, proceeding.id, link.case_id);
    if (!row) {
      throw new AppError('not_found', 'No such case in this proceeding');
    }
    return caseLinkView(row);
  });
}

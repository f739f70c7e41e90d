import { randomUUID } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import type {
  createDefendantRequestSchema,
  DefendantIdentity,
  defendantSchema,
  updateDefendantRequestSchema,
  verdictRecordedSchema,
  verdictRequestSchema,
  verdictSchema,
} from '../../../shared/defendant.schemas.js';
import { justiceRefusal } from '../../../shared/errors.js';
import { AppError } from '../../../shared/errors.js';
import type { Database, ProceedingDefendantsTable } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type RequestOrigin, type UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { openJson, sealJson } from '../../platform/vault/cipher.js';
import {
  insertDefendant,
  insertVerdict,
  selectArticle,
  selectDefendant,
  selectDefendants,
  selectVerdicts,
  updateDefendant,
  type DefendantRow,
  type VerdictRow,
} from './defendant.repo.js';
import { insertStageChange, lastStageChangeOf, proceedingInReachById, updateStage } from './proceeding.repo.js';
import { refuseDateBeforeRegistration, refuseDateInFuture } from './proceeding.service.js';
import { markProceedingMoved, recordProceedingMovement } from './proceeding-movement.js';
import { proceedingNotFound, proceedingReachOf } from './proceeding-reach.js';
import { stageAfterVerdict, verdictAllowed } from './proceeding-stages.js';
import { refuseVerdictFacts, verdictInForce } from './sentence.js';

type Defendant = z.infer<typeof defendantSchema>;
type Verdict = z.infer<typeof verdictSchema>;

/** Bound to the defendant: a sealed identity copied onto another defendant's row does not open there. */
export const defendantIdentityAad = (defendantId: string) => `defendant:${defendantId}:identity`;

/** Names of the identity parts that hold something: what an audit event says was read or written, never the values. */
function filledIdentityFields(identity: DefendantIdentity | null | undefined): string[] {
  if (!identity) {
    return [];
  }
  return (['names', 'birthDate', 'documents'] as const).filter((key) => (key === 'birthDate' ? identity.birthDate !== null : identity[key].length > 0));
}

const isoOf = (value: Date | string) => new Date(value).toISOString();

function verdictOf(row: VerdictRow): Verdict {
  return {
    id: row.id,
    defendantId: row.defendant_id,
    instance: row.instance,
    decidedOn: row.decided_on,
    outcome: row.outcome,
    convictionArticle:
      row.conviction_article_id !== null && row.article_edition !== null
        ? { id: row.conviction_article_id, edition: row.article_edition, article: row.article ?? '', title: { ru: row.title_ru ?? '', kk: row.title_kk ?? '', en: row.title_en ?? '' } }
        : null,
    convictionPart: row.conviction_part,
    sentence: row.sentence_kind ? { kind: row.sentence_kind, months: row.sentence_months, fineTenge: row.fine_tenge, confiscation: row.confiscation } : null,
    recordedAt: isoOf(row.recorded_at),
  };
}

function defendantOf(row: DefendantRow, verdictRows: readonly VerdictRow[]): Defendant {
  const verdicts = verdictRows.filter((verdict) => verdict.defendant_id === row.id).map(verdictOf);
  return {
    id: row.id,
    proceedingId: row.proceeding_id,
    sex: row.sex,
    ageYears: row.age_years,
    citizenship: row.citizenship,
    organizedGroup: row.organized_group,
    role: row.role,
    proceduralStatus: row.procedural_status,
    identityRecorded: row.sealed_identity !== null,
    verdictInForce: verdictInForce(verdicts),
    verdicts,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
}

function sealedIdentityColumns(context: AppContext, defendantId: string, identity: DefendantIdentity | null) {
  return identity === null
    ? { sealed_identity: null, key_id: null }
    : { sealed_identity: sealJson(context.vaultKeys, identity, defendantIdentityAad(defendantId)), key_id: context.vaultKeys.keyId };
}

/** Records a suspect or accused; the identity, when known, goes into the vault only. */
export async function recordDefendant(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  defendant: z.infer<typeof createDefendantRequestSchema>;
  origin: RequestOrigin;
}): Promise<Defendant> {
  const { context, actor, defendant } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return context.database.db.transaction().execute(async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const id = randomUUID();
    const row = await insertDefendant(trx, {
      id,
      proceeding_id: proceeding.id,
      ...sealedIdentityColumns(context, id, defendant.identity ?? null),
      sex: defendant.sex,
      age_years: defendant.ageYears,
      citizenship: defendant.citizenship,
      organized_group: defendant.organizedGroup,
      role: defendant.role,
      procedural_status: defendant.proceduralStatus,
      created_by: actor.userId,
    });
    await markProceedingMoved(trx, proceeding.id);
    await recordAudit(trx, {
      actor,
      action: 'defendant.recorded',
      record: { type: 'defendant', id },
      fields: filledIdentityFields(defendant.identity),
      origin: input.origin,
      details: { proceedingId: proceeding.id },
    });
    return defendantOf(row, []);
  });
}

/** Changes coarse facts or the procedural status (a suspect charged becomes accused); an identity given replaces the sealed one as a whole. */
export async function updateDefendantFacts(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  defendantId: string;
  changes: z.infer<typeof updateDefendantRequestSchema>;
  origin: RequestOrigin;
}): Promise<Defendant> {
  const { context, actor, changes } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return context.database.db.transaction().execute(async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const columns: Updateable<ProceedingDefendantsTable> = {
      ...(changes.identity === undefined ? {} : sealedIdentityColumns(context, input.defendantId, changes.identity)),
      ...(changes.sex === undefined ? {} : { sex: changes.sex }),
      ...(changes.ageYears === undefined ? {} : { age_years: changes.ageYears }),
      ...(changes.citizenship === undefined ? {} : { citizenship: changes.citizenship }),
      ...(changes.organizedGroup === undefined ? {} : { organized_group: changes.organizedGroup }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.proceduralStatus === undefined ? {} : { procedural_status: changes.proceduralStatus }),
    };
    const row = await updateDefendant(trx, { proceedingId: proceeding.id, defendantId: input.defendantId, changes: columns });
    if (!row) {
      throw defendantNotFound();
    }
    await markProceedingMoved(trx, proceeding.id);
    const changed = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
    await recordAudit(trx, {
      actor,
      action: 'defendant.updated',
      record: { type: 'defendant', id: row.id },
      fields: changed.flatMap((key) => (key === 'identity' ? ['identity', ...filledIdentityFields(changes.identity).map((field) => `identity.${field}`)] : [key])),
      origin: input.origin,
      details: { proceedingId: proceeding.id, identityRemoved: changes.identity === null },
    });
    return defendantOf(row, await selectVerdicts(trx, [row.id]));
  });
}

/** The defendants of a proceeding in reach: coarse facts and verdicts, never who they are. */
export async function listDefendants(input: { context: AppContext; actor: UserActor; proceedingId: string }): Promise<{ items: Defendant[] }> {
  const reach = proceedingReachOf(input.actor, 'proceedings.read');
  const db = input.context.database.db;
  const proceeding = await proceedingInReachById(db, reach, input.proceedingId);
  if (!proceeding) {
    throw proceedingNotFound();
  }
  const rows = await selectDefendants(db, proceeding.id);
  const verdicts = await selectVerdicts(
    db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => defendantOf(row, verdicts)) };
}

/** Opens a defendant's sealed identity: every opening is in the audit trail, with why and from where. */
export async function readDefendantIdentity(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  defendantId: string;
  purpose: string;
  origin: RequestOrigin;
}): Promise<{ defendantId: string; identity: DefendantIdentity | null }> {
  const { context, actor } = input;
  const reach = proceedingReachOf(actor, 'proceedings.read');
  return context.database.db.transaction().execute(async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const row = await selectDefendant(trx, proceeding.id, input.defendantId);
    if (!row) {
      throw defendantNotFound();
    }
    const identity = row.sealed_identity === null ? null : openJson<DefendantIdentity>(context.vaultKeys, row.sealed_identity, defendantIdentityAad(row.id));
    await recordAudit(trx, {
      actor,
      action: 'defendant.identity_read',
      record: { type: 'defendant', id: row.id },
      fields: filledIdentityFields(identity),
      purpose: input.purpose,
      origin: input.origin,
      details: { proceedingId: proceeding.id },
    });
    return { defendantId: row.id, identity };
  });
}

/**
 * Records a court's verdict on a defendant. The first verdict moves the
 * proceeding out of "sent to court"; the movement goes on every linked case's
 * timeline as counts and articles, without a name.
 */
export async function recordVerdict(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  defendantId: string;
  verdict: z.infer<typeof verdictRequestSchema>;
  origin: RequestOrigin;
}): Promise<z.infer<typeof verdictRecordedSchema>> {
  const { context, actor, verdict } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  const problem = refuseVerdictFacts({
    outcome: verdict.outcome,
    convictionArticleId: verdict.convictionArticleId,
    convictionPart: verdict.convictionPart,
    sentence: verdict.sentence,
  });
  // The movement writes an event on each linked case, those of victims who
  // did not agree to share with police too: the investigator records the
  // verdict without seeing those cases, so the transaction passes the cases'
  // wall as Senim itself. It reads nothing of them.
  return withPersonScope(context.database.db, systemActor('justice:verdict'), async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const defendant = await selectDefendant(trx, proceeding.id, input.defendantId);
    if (!defendant) {
      throw defendantNotFound();
    }
    if (!verdictAllowed(proceeding.stage, verdict.instance)) {
      throw justiceRefusal('verdict_before_court', { fields: [{ field: 'body.instance', message: `no ${verdict.instance.replace('_', ' ')} verdict at stage ${proceeding.stage.replaceAll('_', ' ')}` }] });
    }
    refuseDateBeforeRegistration(verdict.decidedOn, proceeding.registered_on, 'body.decidedOn');
    refuseDateInFuture(verdict.decidedOn, 'body.decidedOn');
    if (defendant.procedural_status === 'suspect') {
      throw justiceRefusal('verdict_on_suspect', { fields: [{ field: 'body.instance', message: 'the defendant is a suspect, not accused' }] });
    }
    if (problem) {
      throw justiceRefusal('conviction_needs_sentence', { detail: `The verdict cannot be recorded: ${problem.message}`, fields: [problem] });
    }
    const article = verdict.convictionArticleId === undefined ? undefined : await selectArticle(trx, verdict.convictionArticleId);
    if (verdict.convictionArticleId !== undefined && !article) {
      throw new AppError('unprocessable', 'No such article of the Criminal Code', { fields: [{ field: 'body.convictionArticleId', message: 'no such article' }] });
    }
    const verdictId = await insertVerdict(trx, {
      defendant_id: defendant.id,
      instance: verdict.instance,
      decided_on: verdict.decidedOn,
      outcome: verdict.outcome,
      conviction_article_id: verdict.convictionArticleId ?? null,
      conviction_part: verdict.convictionPart ?? null,
      sentence_kind: verdict.sentence?.kind ?? null,
      sentence_months: verdict.sentence?.months ?? null,
      fine_tenge: verdict.sentence?.fineTenge ?? null,
      confiscation: verdict.sentence?.confiscation ?? false,
      recorded_by: actor.userId,
    });
    const stage = stageAfterVerdict(proceeding.stage, verdict.instance);
    if (stage !== proceeding.stage) {
      const last = await lastStageChangeOf(trx, proceeding.id);
      if (last && verdict.decidedOn < last.occurred_on) {
        throw justiceRefusal('date_before_current_stage', { fields: [{ field: 'body.decidedOn', message: `is before ${last.occurred_on}, when the case went to court` }] });
      }
      await updateStage(trx, proceeding.id, stage, verdict.decidedOn);
      await insertStageChange(trx, { proceedingId: proceeding.id, stage, occurredOn: verdict.decidedOn, reason: null, recordedBy: actor.userId });
    }
    await recordAudit(trx, {
      actor,
      action: 'defendant.verdict_recorded',
      record: { type: 'defendant', id: defendant.id },
      origin: input.origin,
      details: { proceedingId: proceeding.id, verdictId, instance: verdict.instance, outcome: verdict.outcome },
    });
    await recordProceedingMovement(trx, {
      proceedingId: proceeding.id,
      actor,
      kind: 'proceeding.verdict',
      details: await verdictMovementDetails(trx, { proceedingId: proceeding.id, instance: verdict.instance, decidedOn: verdict.decidedOn, stage }),
    });
    const [recorded] = await selectVerdicts(trx, [defendant.id]).then((rows) => rows.filter((row) => row.id === verdictId));
    if (!recorded) {
      throw new Error('The verdict just recorded is missing');
    }
    return { verdict: verdictOf(recorded), proceedingStage: stage };
  });
}

/**
 * What a linked case's timeline says of a verdict: the instance and date, the
 * outcomes in force on the proceeding counted, the articles of conviction
 * and the sentences, with no defendant named or identified.
 */
async function verdictMovementDetails(trx: Transaction<Database>, input: { proceedingId: string; instance: string; decidedOn: string; stage: string }) {
  const rows = await selectDefendants(trx, input.proceedingId);
  const verdicts = await selectVerdicts(
    trx,
    rows.map((row) => row.id),
  );
  const inForce = rows.map((row) => verdictInForce(verdicts.filter((verdict) => verdict.defendant_id === row.id).map(verdictOf))).filter((verdict) => verdict !== null);
  const outcomes = { convicted: 0, acquitted: 0, dismissed: 0 };
  for (const verdict of inForce) {
    outcomes[verdict.outcome] += 1;
  }
  const convictions = inForce.filter((verdict) => verdict.outcome === 'convicted');
  return {
    instance: input.instance,
    decidedOn: input.decidedOn,
    stage: input.stage,
    outcomes,
    articles: [...new Set(convictions.flatMap((verdict) => (verdict.convictionArticle ? [`${verdict.convictionArticle.edition}:${verdict.convictionArticle.article}`] : [])))],
    // Sorted so that the order says nothing about which defendant got which.
    sentences: convictions
      .flatMap((verdict) => (verdict.sentence ? [verdict.sentence] : []))
      .sort((a, b) => a.kind.localeCompare(b.kind) || (a.months ?? 0) - (b.months ?? 0) || (a.fineTenge ?? 0) - (b.fineTenge ?? 0)),
  };
}

function defendantNotFound(): AppError {
  return new AppError('not_found', 'No such defendant in this proceeding');
}

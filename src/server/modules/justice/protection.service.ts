import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Protection, ProtectionMeasure, ProtectionRequest, ProtectionUpdate } from '../../../shared/case-justice.schemas.js';
import { AppError, justiceRefusal } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type RequestOrigin, type UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import {
  insertProtection,
  isCaseLinked,
  selectProtection,
  selectProtections,
  updateProtection,
  type ProtectionRow,
} from './case-justice.repo.js';
import { breachRefusal, protectionBreach, type ProtectionFacts } from './compensation.js';
import { recordProceedingMovement } from './proceeding-movement.js';
import { proceedingInReachById } from './proceeding.repo.js';
import { proceedingNotFound, proceedingReachOf } from './proceeding-reach.js';

// State protection of a person taking part in the proceeding (Law of
// 5 July 2000 No. 72-II), recorded by the investigating body. The decision
// reaches the protected person's case timeline, whether or not the
// investigator sees that case (a victim who did not agree to share with
// police is in the proceeding as a case code): the transaction passes the
// cases' wall as Senim itself, reads nothing of the case, and every query
// on the proceeding says its reach in SQL.

const isoInstant = (value: Date | string) => new Date(value).toISOString();

export function protectionOf(row: ProtectionRow): Protection {
  return {
    id: row.id,
    proceedingId: row.proceeding_id,
    caseId: row.case_id,
    requestedOn: row.requested_on,
    decision: row.decision,
    decidedOn: row.decided_on,
    measures: row.measures as ProtectionMeasure[],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    refusalReason: row.refusal_reason,
    updatedAt: isoInstant(row.updated_at),
  };
}

function refuseBreach(facts: ProtectionFacts, registeredOn: string): void {
  const breach = protectionBreach(facts, { today: todayInKazakhstan(), registeredOn });
  if (breach) {
    throw breachRefusal(breach);
  }
}

/** The investigating body's decisions on protection cross the case wall: it may decide for a victim it cannot see. */
const protectionDesk = systemActor('justice:protection');

/** One movement on the protected person's case only, and the audit event. */
async function recordProtectionStep(
  trx: Transaction<Database>,
  input: { actor: UserActor; row: ProtectionRow; action: 'proceeding.protection_recorded' | 'proceeding.protection_updated'; origin: RequestOrigin },
): Promise<void> {
  const { row } = input;
  // The protected person's case alone: that a witness is under protection, and how, is for nobody else.
  await recordProceedingMovement(trx, {
    proceedingId: row.proceeding_id,
    onlyCaseId: row.case_id,
    actor: input.actor,
    kind: 'proceeding.protection',
    details: { protectionId: row.id, decision: row.decision, measures: row.measures, startsOn: row.starts_on, endsOn: row.ends_on },
  });
  await recordAudit(trx, {
    actor: input.actor,
    action: input.action,
    record: { type: 'criminal_proceeding', id: row.proceeding_id },
    origin: input.origin,
    details: { protectionId: row.id, caseId: row.case_id, decision: row.decision, measures: row.measures.join(',') },
  });
}

export async function recordProtection(input: { context: AppContext; actor: UserActor; proceedingId: string; protection: ProtectionRequest; origin: RequestOrigin }): Promise<Protection> {
  const { context, actor, protection } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return withPersonScope(context.database.db, protectionDesk, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    if (!(await isCaseLinked(trx, proceeding.id, protection.caseId))) {
      throw justiceRefusal('proceeding_not_linked', { fields: [{ field: 'body.caseId', message: 'not a case linked to this proceeding' }] });
    }
    refuseBreach(protection, proceeding.registered_on);
    const row = await insertProtection(trx, {
      id: randomUUID(),
      proceeding_id: proceeding.id,
      case_id: protection.caseId,
      requested_on: protection.requestedOn,
      decision: protection.decision,
      decided_on: protection.decidedOn,
      measures: [...protection.measures],
      starts_on: protection.startsOn,
      ends_on: protection.endsOn,
      refusal_reason: protection.refusalReason,
      recorded_by: actor.userId,
    });
    await recordProtectionStep(trx, { actor, row, action: 'proceeding.protection_recorded', origin: input.origin });
    return protectionOf(row);
  });
}

export async function updateProtectionRecord(input: {
  context: AppContext;
  actor: UserActor;
  proceedingId: string;
  protectionId: string;
  update: ProtectionUpdate;
  origin: RequestOrigin;
}): Promise<Protection> {
  const { context, actor, update } = input;
  const reach = proceedingReachOf(actor, 'proceedings.manage');
  return withPersonScope(context.database.db, protectionDesk, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId, true);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    const current = await selectProtection(trx, proceeding.id, input.protectionId);
    if (!current) {
      throw new AppError('not_found', 'No such protection record on this proceeding');
    }
    const next: ProtectionFacts = {
      requestedOn: update.requestedOn ?? current.requested_on,
      decision: update.decision ?? current.decision,
      decidedOn: update.decidedOn === undefined ? current.decided_on : update.decidedOn,
      measures: update.measures ?? (current.measures as ProtectionMeasure[]),
      startsOn: update.startsOn === undefined ? current.starts_on : update.startsOn,
      endsOn: update.endsOn === undefined ? current.ends_on : update.endsOn,
      refusalReason: update.refusalReason === undefined ? current.refusal_reason : update.refusalReason,
    };
    refuseBreach(next, proceeding.registered_on);
    const row = await updateProtection(trx, current.id, {
      requested_on: next.requestedOn,
      decision: next.decision,
      decided_on: next.decidedOn,
      measures: [...next.measures],
      starts_on: next.startsOn,
      ends_on: next.endsOn,
      refusal_reason: next.refusalReason,
    });
    await recordProtectionStep(trx, { actor, row, action: 'proceeding.protection_updated', origin: input.origin });
    return protectionOf(row);
  });
}

/** The protection records of a proceeding in reach, for the investigator's screen. */
export async function listProtections(input: { context: AppContext; actor: UserActor; proceedingId: string }): Promise<{ items: Protection[] }> {
  const { context, actor } = input;
  const reach = proceedingReachOf(actor, 'proceedings.read');
  // The investigating body keeps the protection it decided, for victims whose case it may not see.
  return withPersonScope(context.database.db, protectionDesk, async (trx) => {
    const proceeding = await proceedingInReachById(trx, reach, input.proceedingId);
    if (!proceeding) {
      throw proceedingNotFound();
    }
    return { items: (await selectProtections(trx, { proceedingId: proceeding.id })).map(protectionOf) };
  });
}

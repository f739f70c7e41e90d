import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UserActor } from '../../platform/actor.js';
import { recordCaseEvent } from '../cases/case.repo.js';

/**
 * Every step recorded on a proceeding (registration, stage, qualification,
 * defendant, verdict, protection) moves it: the worklist of proceedings
 * "without movement for N days" reads this. False when there is no such
 * proceeding.
 */
export async function markProceedingMoved(trx: Transaction<Database>, proceedingId: string): Promise<boolean> {
  const moved = await trx
    .updateTable('criminal_proceedings')
    .set({ last_movement_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', proceedingId)
    .returning('id')
    .executeTakeFirst();
  return moved !== undefined;
}

/**
 * A step a case's timeline shows: on every linked case, or on one case only
 * (`onlyCaseId`) when the others must not learn of it: that someone else
 * joined the proceeding and in which role, that a witness is under protection.
 * The details are what a case worker may read (stage, dates, articles,
 * outcome), never the investigative file or a defendant. A defendant recorded
 * or changed moves the proceeding with markProceedingMoved alone.
 */
export async function recordProceedingMovement(
  trx: Transaction<Database>,
  input: { proceedingId: string; actor: UserActor | null; kind: ProceedingEventKind; details: Record<string, unknown>; onlyCaseId?: string },
): Promise<void> {
  if (!(await markProceedingMoved(trx, input.proceedingId))) {
    return;
  }
  const caseIds =
    input.onlyCaseId !== undefined
      ? [input.onlyCaseId]
      : (await trx.selectFrom('proceeding_cases').select('case_id').where('proceeding_id', '=', input.proceedingId).execute()).map((row) => row.case_id);
  for (const caseId of caseIds) {
    await recordCaseEvent(trx, { caseId, kind: input.kind, actor: input.actor, details: { proceedingId: input.proceedingId, ...input.details } });
  }
}

/** The case-timeline event kinds the justice module writes (the web words them: events.<kind>). */
export const proceedingEventKinds = [
  'proceeding.linked',
  'proceeding.stage_changed',
  'proceeding.requalified',
  'proceeding.verdict',
  'proceeding.protection',
  'proceeding.compensation',
] as const;

export type ProceedingEventKind = (typeof proceedingEventKinds)[number];

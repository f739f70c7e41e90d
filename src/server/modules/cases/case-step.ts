import { type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { caseReachOf, type CaseReach } from './case-access.js';
import { caseForStep, recordCaseEvent, refreshStep, type CaseRow } from './case.repo.js';

/** One step on a case: the event on its timeline, the audit event, the refreshed step. Same transaction. */
export async function recordStep(
  trx: Transaction<Database>,
  input: {
    caseId: string;
    actor: UserActor;
    event: string;
    audit: AuditAction;
    origin: RequestOrigin;
    details?: Record<string, string | number | boolean | null>;
    /**
     * Free text for the case's timeline only (a reason in the worker's words),
     * kept behind the case's wall: the audit trail, which auditors read across
     * organizations, gets names of fields, never such text.
     */
    caseOnlyDetails?: Record<string, string>;
  },
): Promise<void> {
  const eventDetails = { ...input.details, ...input.caseOnlyDetails };
  await recordCaseEvent(trx, { caseId: input.caseId, kind: input.event, actor: input.actor, ...(Object.keys(eventDetails).length > 0 ? { details: eventDetails } : {}) });
  await recordAudit(trx, {
    actor: input.actor,
    action: input.audit,
    record: { type: 'case', id: input.caseId },
    origin: input.origin,
    ...(input.details ? { details: input.details } : {}),
  });
  await refreshStep(trx, input.caseId);
}

/** Runs one step on a case within reach, locked against concurrent steps. */
export async function onCase<T>(
  context: AppContext,
  actor: UserActor,
  permission: Parameters<typeof caseReachOf>[1],
  caseId: string,
  step: (trx: Transaction<Database>, caseRow: CaseRow, reach: CaseReach) => Promise<T>,
): Promise<T> {
  const reach = caseReachOf(actor, permission);
  return withPersonScope(context.database.db, actor, async (trx) => step(trx, await caseForStep(trx, reach, caseId), reach));
}


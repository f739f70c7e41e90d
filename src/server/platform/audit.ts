import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema.js';
import type { RequestOrigin, SystemActor, UserActor } from './actor.js';

export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.mfa_enrolled',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.signed_out',
  'session.revoked',
  'user.created',
  'user.updated',
  'user.preferences_updated',
  'organization.created',
  'organization.updated',
  'person.created',
  'person.identity_read',
  'person.identity_updated',
  'person.searched',
  'person.involvement_granted',
  'access.denied',
  'audit.searched',
  'system.bootstrap_admin_created',
  'plan.imported',
  'plan.deadline_changed',
  'plan_report.saved',
  'plan_report.submitted',
  'plan_report.returned',
  'plan_report.accepted',
  'commission.created',
  'commission.updated',
  'commission.member_added',
  'commission.member_left',
  'commission.working_body_handed_over',
  'commission.meeting_scheduled',
  'commission.meeting_cancelled',
  'commission.notice_sent',
  'commission.minutes_recorded',
  'commission.decision_recorded',
  'commission.report_published',
  'plan_report.attachment_added',
  'plan_report.attachment_removed',
  'plan.next_draft_seeded',
  'plan.confirmed',
  'plan.measure_removed',
  'case.created',
  'case.consent_recorded',
  'case.consent_withdrawn',
  'case.screened',
  'case.identification_decided',
  'case.referral_requested',
  'case.referral_consent_overridden',
  'case.referral_accepted',
  'case.referral_declined',
  'case.service_recorded',
  'case.service_updated',
  'case.migration_status_updated',
  'case.child_protection_updated',
  'case.worker_named',
  'case.closed',
  'case.follow_up_recorded',
  'case.reopened',
  'case.summary_printed',
  'notification.filed',
  'screening.questionnaire_published',
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditEventInput {
  actor: Pick<UserActor, 'kind' | 'userId' | 'email' | 'organizationId'> | SystemActor | { kind: 'anonymous'; label: string };
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failure';
  record?: { type: string; id: string };
  /** Which fields were read or changed: names only, never values. */
  fields?: string[];
  /** Why the user looked, for sensitive reads. */
  purpose?: string;
  origin?: RequestOrigin;
  details?: Record<string, string | number | boolean | null>;
}

/** What the chain hashes: every column of an event but its own hash and the link. */
export interface ChainedContent {
  id: number;
  occurredAt: string;
  actorKind: 'user' | 'system' | 'anonymous';
  actorUserId: string | null;
  actorOrganizationId: string | null;
  actorLabel: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failure';
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Keys sorted at every level, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(previousHash: string, content: ChainedContent): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

function actorColumns(actor: AuditEventInput['actor']) {
  switch (actor.kind) {
    case 'user':
      return { actorKind: 'user' as const, actorUserId: actor.userId, actorOrganizationId: actor.organizationId, actorLabel: actor.email };
    case 'system':
      return { actorKind: 'system' as const, actorUserId: null, actorOrganizationId: null, actorLabel: `system:${actor.purpose}` };
    case 'anonymous':
      return { actorKind: 'anonymous' as const, actorUserId: null, actorOrganizationId: null, actorLabel: actor.label };
  }
}

/**
 * Appends one event to the chain, inside the caller's transaction so that the
 * event exists exactly when the change it describes does. Locking the chain
 * head serializes writers: the price of a chain with no forks.
 */
export async function recordAudit(trx: Transaction<Database>, input: AuditEventInput): Promise<void> {
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['last_hash'])
    .where('singleton', '=', true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const { nextval } = await sql<{ nextval: number }>`select nextval('audit_events_id_seq')::int8 as nextval`
    .execute(trx)
    .then((result) => result.rows[0] ?? { nextval: 0 });
  const content: ChainedContent = {
    id: nextval,
    occurredAt: new Date().toISOString(),
    ...actorColumns(input.actor),
    action: input.action,
    recordType: input.record?.type ?? null,
    recordId: input.record?.id ?? null,
    fields: input.fields ?? [],
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? 'success',
    requestId: input.origin?.requestId ?? null,
    ip: input.origin?.ip ?? null,
    details: input.details ?? {},
  };
  const hash = chainHash(head.last_hash, content);
  await trx
    .insertInto('audit_events')
    .values({
      id: content.id,
      occurred_at: content.occurredAt,
      actor_kind: content.actorKind,
      actor_user_id: content.actorUserId,
      actor_organization_id: content.actorOrganizationId,
      actor_label: content.actorLabel,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      fields: content.fields,
      purpose: content.purpose,
      outcome: content.outcome,
      request_id: content.requestId,
      ip: content.ip,
      details: JSON.stringify(content.details),
      previous_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx
    .updateTable('audit_chain_head')
    .set({ last_event_id: content.id, last_hash: hash })
    .where('singleton', '=', true)
    .execute();
}

export function chainedContentOf(row: Selectable<AuditEventsTable>): ChainedContent {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorOrganizationId: row.actor_organization_id,
    actorLabel: row.actor_label,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    fields: row.fields,
    purpose: row.purpose,
    outcome: row.outcome,
    requestId: row.request_id,
    ip: row.ip,
    details: row.details,
  };
}

/** Records an event in a transaction of its own: for denials and failures, whose own transaction is rolled back. */
export async function recordAuditAlone(db: Kysely<Database>, input: AuditEventInput): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, input));
}

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenEventId: number | null; reason: string };

/**
 * Walks the whole chain. A changed row no longer hashes to its stored hash; a
 * deleted row breaks the link of the row after it; a deleted last row leaves
 * the chain head pointing past the end.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  let previousHash = 'senim-audit-genesis';
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      count += 1;
      if (row.previous_hash !== previousHash) {
        return {
          ok: false,
          events: count,
          brokenEventId: row.id,
          reason: `event ${row.id} does not link to the event before it: an event before it was deleted or changed`,
        };
      }
      const recomputed = chainHash(row.previous_hash, chainedContentOf(row));
      if (recomputed !== row.hash) {
        return { ok: false, events: count, brokenEventId: row.id, reason: `event ${row.id} was changed after it was written` };
      }
      previousHash = row.hash;
      lastId = row.id;
    }
    if (rows.length < batchSize) {
      break;
    }
  }
  const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirst();
  if (!head || head.last_hash !== previousHash || (head.last_event_id ?? 0) !== lastId) {
    return {
      ok: false,
      events: count,
      brokenEventId: head?.last_event_id ?? null,
      reason: `the chain ends at event ${lastId || 'none'} but its head names event ${head?.last_event_id ?? 'none'}: the last events were deleted`,
    };
  }
  return { ok: true, events: count };
}

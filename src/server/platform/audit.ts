import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { installedAuditKey, keyedChainHash, storedContent, type ChainedContent } from './audit-chain.js';
import type { RequestOrigin, SystemActor, UserActor } from './actor.js';

export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.mfa_enrolled',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.signed_out',
  'auth.password_changed',
  'session.revoked',
  'sessions.purged',
  'user.created',
  'user.updated',
  'user.preferences_updated',
  'user.password_reset',
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
  'case.civil_claim_recorded',
  'case.civil_claim_updated',
  'case.fund_compensation_recorded',
  'case.fund_compensation_updated',
  'proceeding.protection_recorded',
  'proceeding.protection_updated',
  'case.summary_printed',
  'case.reads_sealed',
  'defendant.recorded',
  'defendant.updated',
  'defendant.identity_read',
  'defendant.verdict_recorded',
  'notification.filed',
  'screening.questionnaire_published',
  'proceeding.imported',
  'proceeding.registered',
  'proceeding.stage_changed',
  'proceeding.requalified',
  'proceeding.case_linked',
  'proceeding.case_link_updated',
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

// The chain itself (hashing, verification, anchors) lives in audit-chain.ts.
export { chainedContentOf, type ChainedContent } from './audit-chain.js';

function actorColumns(actor: AuditEventInput['actor']) {
  switch (actor.kind) {
    case 'user':
      // The id, never the email: staff emails are sealed like names, and the trail cannot be re-sealed after a leak.
      // An auditor sees the name through the directory (actorName in the audit search).
      return { actorKind: 'user' as const, actorUserId: actor.userId, actorOrganizationId: actor.organizationId, actorLabel: `user:${actor.userId}` };
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
  const key = installedAuditKey();
  // Hashed as the database will store it (lone surrogates and NUL become
  // U+FFFD), so verification, which reads it back, computes the same hash.
  const content = storedContent({
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
  } satisfies ChainedContent);
  const hash = keyedChainHash(key, head.last_hash, content);
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
      hash_kind: 'hmac-sha256',
      key_id: key.keyId,
    })
    .execute();
  await trx
    .updateTable('audit_chain_head')
    .set({ last_event_id: content.id, last_hash: hash })
    .where('singleton', '=', true)
    .execute();
}

/** Records an event in a transaction of its own: for denials and failures, whose own transaction is rolled back. */
export async function recordAuditAlone(db: Kysely<Database>, input: AuditEventInput): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, input));
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface AuditFilter {
  /** The reader's reach: events caused by this organization's staff only, or (null) every event. */
  actorOrganizationId: string | null;
  userId: string | null;
  actor: string | null;
  /** The user whose email the actor filter names: events after 0019 carry the id, not the email. */
  actorUserId: string | null;
  recordType: string | null;
  recordId: string | null;
  action: string | null;
  outcome: 'success' | 'denied' | 'failure' | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

export async function selectAuditEvents(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_events');
  if (filter.actorOrganizationId) {
    query = query.where('actor_organization_id', '=', filter.actorOrganizationId);
  }
  if (filter.userId) {
    query = query.where('actor_user_id', '=', filter.userId);
  }
  if (filter.actor) {
    const label = filter.actor.toLowerCase();
    const byId = filter.actorUserId;
    query = byId ? query.where((eb) => eb.or([eb(sql`lower(actor_label)`, '=', label), eb('actor_user_id', '=', byId)])) : query.where(sql`lower(actor_label)`, '=', label);
  }
  if (filter.recordType) {
    query = query.where('record_type', '=', filter.recordType);
  }
  if (filter.recordId) {
    query = query.where('record_id', '=', filter.recordId);
  }
  if (filter.action) {
    query = query.where('action', '=', filter.action);
  }
  if (filter.outcome) {
    query = query.where('outcome', '=', filter.outcome);
  }
  if (filter.from) {
    query = query.where('occurred_at', '>=', new Date(filter.from));
  }
  if (filter.to) {
    query = query.where('occurred_at', '<', new Date(filter.to));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

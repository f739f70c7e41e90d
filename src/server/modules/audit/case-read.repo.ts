import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

// The record of case reads (migration 0016) shows its rows only to a
// transaction that says it reads the audit trail: users write their reads and
// read none back.

export async function withAuditRead<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('senim.audit_read', 'on', true)`.execute(trx);
    return fn(trx);
  });
}

export interface CaseReadFilter {
  caseId: string | null;
  caseCode: string | null;
  userId: string | null;
  /** Reads by this organization's staff only: an auditor whose reach is its own organization. */
  organizationId: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

export async function selectCaseReads(trx: Transaction<Database>, filter: CaseReadFilter) {
  let query = trx.selectFrom('case_reads');
  if (filter.caseId) {
    query = query.where('case_id', '=', filter.caseId);
  }
  if (filter.caseCode) {
    query = query.where('case_code', '=', filter.caseCode.toUpperCase());
  }
  if (filter.userId) {
    query = query.where('user_id', '=', filter.userId);
  }
  if (filter.organizationId) {
    query = query.where('organization_id', '=', filter.organizationId);
  }
  if (filter.from) {
    query = query.where('read_at', '>=', new Date(filter.from));
  }
  if (filter.to) {
    query = query.where('read_at', '<', new Date(filter.to));
  }
  const [rows, count, sealedUpTo] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    lastSealedReadId(trx),
  ]);
  return { rows, total: Number(count.total), sealedUpTo };
}

export async function lastSealedReadId(trx: Transaction<Database>): Promise<number> {
  const row = await trx.selectFrom('case_read_seals').select(sql<number | null>`max(to_id)`.as('to_id')).executeTakeFirstOrThrow();
  return Number(row.to_id ?? 0);
}

/** Holds off a second sealer until this transaction ends; any fixed number of our own would do. */
export async function lockCaseReadSealing(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CASE_READ_SEAL_LOCK}::int8)`.execute(trx);
}

const CASE_READ_SEAL_LOCK = 5_316_016;

/** The newest read older than settleSeconds: later ones may belong to transactions still open with smaller ids. */
export async function lastSettledReadId(trx: Transaction<Database>, after: number, settleSeconds: number): Promise<number | null> {
  const row = await trx
    .selectFrom('case_reads')
    .select(sql<number | null>`max(id)`.as('id'))
    .where('id', '>', after)
    .where('read_at', '<=', sql<Date>`now() - make_interval(secs => ${settleSeconds})`)
    .executeTakeFirstOrThrow();
  return row.id === null ? null : Number(row.id);
}

/**
 * SHA-256 over the reads fromId..toId, each as one line of its columns, in id
 * order, computed by the database so that it digests exactly what it stores
 * (instants as microseconds since 1970, whatever the session's time zone).
 */
export async function digestOfReads(trx: Transaction<Database>, fromId: number, toId: number): Promise<{ reads: number; digest: string }> {
  const result = await sql<{ reads: number; digest: string }>`
    select count(*)::int as reads,
      encode(sha256(convert_to(coalesce(string_agg(concat_ws('|',
        r.id, r.case_id, r.case_code, r.user_id, r.organization_id, r.view,
        (extract(epoch from r.read_at) * 1000000)::int8, coalesce(r.request_id, '')), E'\\n' order by r.id), ''), 'UTF8')), 'hex') as digest
    from case_reads r
    where r.id between ${fromId}::int8 and ${toId}::int8`.execute(trx);
  const row = result.rows[0];
  return { reads: Number(row?.reads ?? 0), digest: row?.digest ?? '' };
}

export async function insertSeal(trx: Transaction<Database>, seal: { fromId: number; toId: number; reads: number; digest: string }): Promise<void> {
  await trx.insertInto('case_read_seals').values({ from_id: seal.fromId, to_id: seal.toId, reads: seal.reads, digest: seal.digest }).execute();
}

export async function selectSeals(trx: Transaction<Database>) {
  return trx.selectFrom('case_read_seals').select(['from_id', 'to_id', 'reads', 'digest']).orderBy('to_id').execute();
}

/** What the audit chain says each seal covered: the copy nobody can change unnoticed. */
export async function selectSealEvents(trx: Transaction<Database>) {
  return trx.selectFrom('audit_events').select(['id', 'details']).where('action', '=', 'case.reads_sealed').orderBy('id').execute();
}

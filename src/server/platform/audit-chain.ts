import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import type { AuditEventsTable, Database } from '../db/schema.js';
import { signWithAuditKey, verifyAuditSignature, type AuditKey } from './audit-key.js';

export const AUDIT_GENESIS_HASH = 'senim-audit-genesis';

/** What the chain hashes: every column of an event but its own hash, the link and (keyed events) the key id. */
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

// A UTF-16 half with no partner: UTF-8 cannot carry it, so the database stores U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as PostgreSQL keeps it: lone surrogates become U+FFFD, as the UTF-8
 * encoder on the way to the database makes them, and NUL, which text and jsonb
 * refuse, becomes U+FFFD too. The chain hashes this form, so what is hashed is
 * exactly what verification reads back.
 */
export function storedText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/** A jsonb value as it comes back: text as stored, numbers as JSON writes them (no NaN or Infinity), no undefined. */
export function storedJson(value: unknown): unknown {
  if (typeof value === 'string') {
    return storedText(value);
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (Array.isArray(value)) {
    return value.map((entry) => (entry === undefined ? null : storedJson(entry)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [storedText(key), storedJson(entry)]),
    );
  }
  return value ?? null;
}

/** An event's content as the database will store it. */
export function storedContent(content: ChainedContent): ChainedContent {
  const text = (value: string | null) => (value === null ? null : storedText(value));
  return {
    ...content,
    actorLabel: storedText(content.actorLabel),
    action: storedText(content.action),
    recordType: text(content.recordType),
    recordId: text(content.recordId),
    fields: content.fields.map(storedText),
    purpose: text(content.purpose),
    requestId: text(content.requestId),
    ip: text(content.ip),
    details: storedJson(content.details) as Record<string, unknown>,
  };
}

/** Keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
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

/** The events written before migration 0017: plain SHA-256, which anyone who can write the database can recompute. */
export function unkeyedChainHash(previousHash: string, content: ChainedContent): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Every event since: HMAC-SHA256 under the audit key, which never enters the database. */
export function keyedChainHash(key: AuditKey, previousHash: string, content: ChainedContent): string {
  return createHmac('sha256', key.chainKey)
    .update(`senim-audit/v1\n${key.keyId}\n${previousHash}\n`)
    .update(canonicalJson(content))
    .digest('hex');
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

let installedKey: AuditKey | null = null;

/**
 * The key recordAudit chains with, set once by whatever starts the process
 * (server, command, test set-up). One process serves one installation, so one
 * key; passing it through every service that records an event would thread it
 * through seventy call sites for nothing.
 */
export function useAuditKey(key: AuditKey): void {
  installedKey = key;
}

export function hasInstalledAuditKey(): boolean {
  return installedKey !== null;
}

export function installedAuditKey(): AuditKey {
  if (installedKey === null) {
    // Never fall back to an unkeyed hash: that is the hole the key closes.
    throw new Error('No audit key is installed: call useAuditKey() at start-up (SENIM_AUDIT_KEY or the embedded database key file)');
  }
  return installedKey;
}

/** A run of consecutive events that do not verify. */
export interface BrokenRange {
  fromEventId: number;
  toEventId: number;
  events: number;
  /** What is wrong, one sentence per kind of problem, the first event of each kind named. */
  problems: string[];
}

export interface AnchorCheck {
  ok: boolean;
  sequence: number;
  problems: string[];
}

export interface AuditVerification {
  ok: boolean;
  /** Events read. */
  events: number;
  /** Events from before the chain was keyed, protected by plain SHA-256 only. */
  unkeyedEvents: number;
  broken: BrokenRange[];
  anchor: AnchorCheck | null;
}

export const auditAnchorSchema = z.object({
  format: z.literal('senim-audit-anchor/1'),
  sequence: z.number().int().min(0),
  hash: z.string().min(1),
  time: z.string().datetime(),
  keyId: z.string().min(1),
  publicKey: z.string().min(1),
  signature: z.string().min(1),
});

export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

function anchorMessage(anchor: Pick<AuditAnchor, 'format' | 'sequence' | 'hash' | 'time' | 'keyId'>): string {
  return canonicalJson({ format: anchor.format, sequence: anchor.sequence, hash: anchor.hash, time: anchor.time, keyId: anchor.keyId });
}

/** Why an anchor cannot be trusted, or null: signed by this installation's audit key. */
export function anchorSignatureProblem(anchor: AuditAnchor, key: AuditKey): string | null {
  if (anchor.keyId !== key.keyId || anchor.publicKey !== key.publicKey) {
    return `the anchor was signed with audit key ${anchor.keyId}, not the configured key ${key.keyId}`;
  }
  if (!verifyAuditSignature(anchor.publicKey, anchorMessage(anchor), anchor.signature)) {
    return 'the anchor signature does not match its content: the anchor file was altered';
  }
  return null;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface EventProblem {
  kind: 'link' | 'changed' | 'unkeyed' | 'other_key';
  text: string;
}

function describeProblem(row: Selectable<AuditEventsTable>, previous: { id: number | null; hash: string }, state: { key: AuditKey; unkeyedUntil: number | null; keyedSeen: boolean }): EventProblem | null {
  if (!sameHash(row.previous_hash, previous.hash)) {
    return {
      kind: 'link',
      text: `event ${row.id} does not link to ${previous.id === null ? 'the start of the trail' : `event ${previous.id}`}: events between them were deleted, or one of them was changed`,
    };
  }
  const content = chainedContentOf(row);
  if (row.hash_kind === 'sha256') {
    if (state.keyedSeen || state.unkeyedUntil === null || row.id > state.unkeyedUntil) {
      return { kind: 'unkeyed', text: `event ${row.id} carries an unkeyed hash where every event must be keyed: it was rewritten without the audit key` };
    }
    return sameHash(unkeyedChainHash(row.previous_hash, content), row.hash) ? null : { kind: 'changed', text: `event ${row.id} was changed after it was written` };
  }
  if (row.key_id !== state.key.keyId) {
    return { kind: 'other_key', text: `event ${row.id} was keyed with audit key ${row.key_id ?? 'none'}, not the configured key ${state.key.keyId}` };
  }
  return sameHash(keyedChainHash(state.key, row.previous_hash, content), row.hash) ? null : { kind: 'changed', text: `event ${row.id} was changed after it was written` };
}

/**
 * Walks the whole chain in one snapshot and reports every run of events that
 * does not verify, not just the first: a changed row no longer hashes to its
 * hash, a deleted row breaks the link of the row after it, an event rewritten
 * without the key fails its HMAC, deleted last rows leave the head pointing
 * past the end. With an anchor, also proves that the event it names still has
 * its hash and that nothing up to it was rewritten or cut away.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: { key: AuditKey; batchSize?: number; anchor?: AuditAnchor },
): Promise<AuditVerification> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => walkChain(trx, options));
}

async function walkChain(trx: Transaction<Database>, options: { key: AuditKey; batchSize?: number; anchor?: AuditAnchor }): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const head = await trx.selectFrom('audit_chain_head').selectAll().executeTakeFirst();
  const state = { key: options.key, unkeyedUntil: head?.unkeyed_until_event_id ?? null, keyedSeen: false };
  const broken: BrokenRange[] = [];
  let open: (BrokenRange & { kinds: Set<string> }) | null = null;
  const closeRange = () => {
    if (open) {
      const { kinds: _kinds, ...range } = open;
      broken.push(range);
      open = null;
    }
  };
  const anchor = options.anchor;
  const anchorProblems: string[] = [];
  if (anchor) {
    const signatureProblem = anchorSignatureProblem(anchor, options.key);
    if (signatureProblem) {
      anchorProblems.push(signatureProblem);
    }
  }
  let anchorSeen = anchor?.sequence === 0;
  if (anchor?.sequence === 0 && anchor.hash !== AUDIT_GENESIS_HASH) {
    anchorProblems.push('an anchor at sequence 0 must name the start of the trail');
  }
  let previous: { id: number | null; hash: string } = { id: null, hash: AUDIT_GENESIS_HASH };
  let count = 0;
  let unkeyed = 0;
  for (;;) {
    const rows = await trx
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', previous.id ?? 0)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      count += 1;
      const problem = describeProblem(row, previous, state);
      if (row.hash_kind === 'sha256') {
        unkeyed += 1;
      } else {
        state.keyedSeen = true;
      }
      if (anchor && !anchorSeen && row.id >= anchor.sequence) {
        anchorSeen = true;
        if (row.id !== anchor.sequence) {
          anchorProblems.push(`event ${anchor.sequence}, which the anchor names, is missing: events up to it were deleted`);
        } else if (!sameHash(row.hash, anchor.hash)) {
          anchorProblems.push(`event ${anchor.sequence} no longer has the hash the anchor holds: the trail up to it was rewritten`);
        }
      }
      if (problem) {
        if (open === null) {
          open = { fromEventId: row.id, toEventId: row.id, events: 0, problems: [], kinds: new Set() };
        }
        const range: BrokenRange & { kinds: Set<string> } = open;
        range.toEventId = row.id;
        range.events += 1;
        if (!range.kinds.has(problem.kind)) {
          range.kinds.add(problem.kind);
          range.problems.push(problem.text);
        }
      } else {
        closeRange();
      }
      previous = { id: row.id, hash: row.hash };
    }
    if (rows.length < batchSize) {
      break;
    }
  }
  closeRange();
  const lastId = previous.id ?? 0;
  const named = head?.last_event_id ?? 0;
  if (!head || head.last_hash !== previous.hash || named !== lastId) {
    // The head moves with every event in the same transaction; a head past the
    // end means the newest events were deleted, one behind it that events were added by hand.
    const [fromEventId, toEventId] = named > lastId ? [lastId + 1, named] : named < lastId ? [named + 1, lastId] : [lastId, lastId];
    broken.push({
      fromEventId,
      toEventId,
      events: 0,
      problems: [`the trail ends at event ${lastId || 'none'} but its head names event ${named || 'none'}: the last events were deleted, or the head was changed`],
    });
  }
  if (anchor) {
    if (!anchorSeen) {
      anchorProblems.push(`the trail ends at event ${lastId || 'none'}, before event ${anchor.sequence} that the anchor names: events were deleted`);
    }
    const below = broken.filter((range) => range.fromEventId <= anchor.sequence);
    if (below.length > 0) {
      anchorProblems.push(`${below.length} broken range(s) lie at or before the anchored event ${anchor.sequence}`);
    }
  }
  const anchorCheck = anchor ? { ok: anchorProblems.length === 0, sequence: anchor.sequence, problems: anchorProblems } : null;
  return { ok: broken.length === 0 && (anchorCheck?.ok ?? true), events: count, unkeyedEvents: unkeyed, broken, anchor: anchorCheck };
}

/**
 * Verifies the chain and, only when it is intact, signs its head: the event
 * sequence, its hash and the time. Stored outside the system, the anchor later
 * proves that nothing up to that event was rewritten, even by someone who
 * holds the audit key and the database.
 */
export async function anchorAuditChain(db: Kysely<Database>, options: { key: AuditKey }): Promise<{ verification: AuditVerification; anchor: AuditAnchor | null }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const verification = await walkChain(trx, { key: options.key });
      if (!verification.ok) {
        return { verification, anchor: null };
      }
      const head = await trx.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
      const unsigned = {
        format: 'senim-audit-anchor/1' as const,
        sequence: head.last_event_id ?? 0,
        hash: head.last_hash,
        time: new Date().toISOString(),
        keyId: options.key.keyId,
      };
      const anchor: AuditAnchor = { ...unsigned, publicKey: options.key.publicKey, signature: signWithAuditKey(options.key, anchorMessage(unsigned)) };
      return { verification, anchor };
    });
}

import { sql, type Selectable, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventsTable, Database } from '../db/schema.js';
import { testAuditKey } from '../testing/test-audit-key.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { systemActor } from './actor.js';
import { anchorAuditChain, chainedContentOf, keyedChainHash, unkeyedChainHash, verifyAuditChain, type AuditAnchor } from './audit-chain.js';
import { deriveAuditKey, generateAuditKeyHex, type AuditKey } from './audit-key.js';
import { recordAuditAlone } from './audit.js';

let testDatabase: TestDatabase;
const key = testAuditKey();

beforeEach(async () => {
  testDatabase = await createTestDatabase();
  for (let index = 0; index < 5; index += 1) {
    await recordEvent(`reason ${index}`);
  }
});

afterEach(async () => {
  await testDatabase.drop();
});

function recordEvent(purpose: string, details: Record<string, string | number | boolean | null> = {}, fields = ['names']): Promise<void> {
  return recordAuditAlone(testDatabase.database.db, {
    actor: systemActor('test'),
    action: 'person.identity_read',
    record: { type: 'person', id: `person-${purpose.length}` },
    fields,
    purpose,
    details,
  });
}

function verify(options: { anchor?: AuditAnchor; batchSize?: number } = {}) {
  return verifyAuditChain(testDatabase.database.db, { key, ...options });
}

async function eventIds(): Promise<number[]> {
  const rows = await testDatabase.database.db.selectFrom('audit_events').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** What someone with database superuser access could do: switch off the append-only trigger first. */
async function tamper(change: (trx: Transaction<Database>) => Promise<unknown>): Promise<void> {
  await testDatabase.database.db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update_or_delete`.execute(trx);
    await change(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update_or_delete`.execute(trx);
  });
}

type Rehash = (previousHash: string, row: Selectable<AuditEventsTable>) => { hash: string; hash_kind: 'sha256' | 'hmac-sha256'; key_id: string | null };

/** The attack the key exists for: after an edit, recompute every hash from there on, and move the head. */
async function rechainFrom(firstId: number, rehash: Rehash, trx: Transaction<Database>): Promise<void> {
  const before = await trx.selectFrom('audit_events').select('hash').where('id', '<', firstId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let previousHash = before?.hash ?? 'senim-audit-genesis';
  let lastId = 0;
  const rows = await trx.selectFrom('audit_events').selectAll().where('id', '>=', firstId).orderBy('id').execute();
  for (const row of rows) {
    const next = rehash(previousHash, { ...row, previous_hash: previousHash });
    await trx.updateTable('audit_events').set({ previous_hash: previousHash, ...next }).where('id', '=', row.id).execute();
    previousHash = next.hash;
    lastId = row.id;
  }
  await trx.updateTable('audit_chain_head').set({ last_event_id: lastId, last_hash: previousHash }).execute();
}

const plainSha256: Rehash = (previousHash, row) => ({ hash: unkeyedChainHash(previousHash, chainedContentOf(row)), hash_kind: 'hmac-sha256', key_id: key.keyId });
const withKey =
  (other: AuditKey): Rehash =>
  (previousHash, row) => ({ hash: keyedChainHash(other, previousHash, chainedContentOf(row)), hash_kind: 'hmac-sha256', key_id: key.keyId });

describe('the audit trail', () => {
  it('verifies when nobody touched it, every event keyed', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, broken: [], unkeyedEvents: 0 });
    expect(result.events).toBeGreaterThanOrEqual(5);
    const kinds = await testDatabase.database.db.selectFrom('audit_events').select(['hash_kind', 'key_id']).distinct().execute();
    expect(kinds).toEqual([{ hash_kind: 'hmac-sha256', key_id: key.keyId }]);
  });

  it('refuses changes and deletions through the application', async () => {
    const [first] = await eventIds();
    await expect(sql`update audit_events set purpose = 'nothing to see' where id = ${first}`.execute(testDatabase.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${first}`.execute(testDatabase.database.db)).rejects.toThrow(/append-only/);
  });

  it('names the event whose purpose was rewritten by hand', async () => {
    const ids = await eventIds();
    const target = ids[ids.length - 3] ?? 0;
    await tamper((trx) => sql`update audit_events set purpose = 'routine check' where id = ${target}`.execute(trx));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken).toEqual([{ fromEventId: target, toEventId: target, events: 1, problems: [`event ${target} was changed after it was written`] }]);
  });

  it('names the event after one that was deleted', async () => {
    const ids = await eventIds();
    const deleted = ids[ids.length - 3] ?? 0;
    await tamper((trx) => sql`delete from audit_events where id = ${deleted}`.execute(trx));
    const result = await verify();
    expect(result.broken).toHaveLength(1);
    expect(result.broken[0]).toMatchObject({ fromEventId: ids[ids.length - 2], toEventId: ids[ids.length - 2] });
    expect(result.broken[0]?.problems[0]).toMatch(/does not link to event \d+: events between them were deleted/);
  });

  it('notices when the newest events were deleted', async () => {
    const ids = await eventIds();
    await tamper((trx) => sql`delete from audit_events where id = ${ids[ids.length - 1] ?? 0}`.execute(trx));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken[0]?.problems[0]).toMatch(/last events were deleted/);
  });

  it('goes on after the first break and reports every broken range', async () => {
    const ids = await eventIds();
    const [early, late] = [ids[ids.length - 5] ?? 0, ids[ids.length - 2] ?? 0];
    await tamper(async (trx) => {
      await sql`update audit_events set purpose = 'routine check' where id = ${early}`.execute(trx);
      await sql`update audit_events set fields = '{}' where id = ${late}`.execute(trx);
    });
    const result = await verify();
    expect(result.broken.map((range) => [range.fromEventId, range.toEventId])).toEqual([
      [early, early],
      [late, late],
    ]);
  });

  it('catches an edit whose following hashes were all recomputed with plain SHA-256, or with another key', async () => {
    const ids = await eventIds();
    const target = ids[ids.length - 4] ?? 0;
    const last = ids[ids.length - 1] ?? 0;
    for (const rehash of [plainSha256, withKey(deriveAuditKey(Buffer.from(generateAuditKeyHex(), 'hex')))]) {
      await tamper(async (trx) => {
        await sql`update audit_events set purpose = ${`routine check ${Math.random()}`} where id = ${target}`.execute(trx);
        await rechainFrom(target, rehash, trx);
      });
      const result = await verify();
      expect(result.ok).toBe(false);
      // Every recomputed event fails its HMAC: one range from the edit to the end.
      expect(result.broken).toEqual([{ fromEventId: target, toEventId: last, events: 4, problems: [`event ${target} was changed after it was written`] }]);
    }
  });

  it('refuses an event marked unkeyed after the chain was keyed', async () => {
    const ids = await eventIds();
    const target = ids[ids.length - 2] ?? 0;
    await tamper(async (trx) => {
      await sql`update audit_events set purpose = 'routine check' where id = ${target}`.execute(trx);
      await rechainFrom(target, (previousHash, row) => ({ hash: unkeyedChainHash(previousHash, chainedContentOf(row)), hash_kind: 'sha256', key_id: null }), trx);
    });
    const result = await verify();
    expect(result.broken[0]).toMatchObject({ fromEventId: target, problems: [`event ${target} carries an unkeyed hash where every event must be keyed: it was rewritten without the audit key`] });
  });

  it('keeps verifying the unkeyed events written before the chain was keyed, and keys those after', async () => {
    // The trail of an installation from before migration 0017: plain SHA-256 up to its head.
    const ids = await eventIds();
    const lastUnkeyed = ids[ids.length - 1] ?? 0;
    await tamper(async (trx) => {
      await rechainFrom(ids[0] ?? 0, (previousHash, row) => ({ hash: unkeyedChainHash(previousHash, chainedContentOf(row)), hash_kind: 'sha256', key_id: null }), trx);
      await trx.updateTable('audit_chain_head').set({ unkeyed_until_event_id: lastUnkeyed }).execute();
    });
    await recordEvent('after the upgrade');
    const result = await verify();
    expect(result).toMatchObject({ ok: true, unkeyedEvents: ids.length, events: ids.length + 1 });
    await tamper((trx) => sql`update audit_events set purpose = 'routine check' where id = ${ids[1] ?? 0}`.execute(trx));
    expect((await verify()).broken[0]).toMatchObject({ fromEventId: ids[1], problems: [`event ${ids[1]} was changed after it was written`] });
  });

  it('hashes text as the database stores it: a lone surrogate in a purpose, a field or details never breaks verification', async () => {
    // The issue's case: any signed-in user's purpose, stored as U+FFFD but once hashed as the JavaScript string.
    await recordEvent('I looked \ud800 because');
    expect(await verify()).toMatchObject({ ok: true, broken: [] });
    await recordEvent('I looked \ud800 because', { note: 'a \udfff b', ['key\ud83d']: 'x', big: 1e21, tiny: 0.1 + 0.2 }, ['names\udc00']);
    expect(await verify()).toMatchObject({ ok: true, broken: [] });
    const stored = await testDatabase.database.db.selectFrom('audit_events').select(['purpose', 'details', 'fields']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('I looked \ufffd because');
    expect(stored.fields).toEqual(['names\ufffd']);
    expect(stored.details).toMatchObject({ note: 'a \ufffd b', 'key\ufffd': 'x', big: 1e21 });
  });

  it('records an event whose text holds NUL, which PostgreSQL text refuses, as U+FFFD', async () => {
    await recordEvent('nul\u0000here', { note: 'x\u0000y' }, ['nul\u0000']);
    expect(await verify()).toMatchObject({ ok: true, broken: [] });
    const stored = await testDatabase.database.db.selectFrom('audit_events').select(['purpose', 'details', 'fields']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ purpose: 'nul\ufffdhere', fields: ['nul\ufffd'], details: { note: 'x\ufffdy' } });
  });

  it('verifies a chain longer than one batch', async () => {
    expect(await verify({ batchSize: 2 })).toMatchObject({ ok: true });
  });
});

describe('an anchor kept outside the system', () => {
  async function anchor(): Promise<AuditAnchor> {
    const made = await anchorAuditChain(testDatabase.database.db, { key });
    expect(made.verification.ok).toBe(true);
    if (made.anchor === null) {
      throw new Error('no anchor');
    }
    return made.anchor;
  }

  it('signs the head, and holds while the trail grows', async () => {
    const ids = await eventIds();
    const anchored = await anchor();
    expect(anchored).toMatchObject({ format: 'senim-audit-anchor/1', sequence: ids[ids.length - 1], keyId: key.keyId, publicKey: key.publicKey });
    await recordEvent('later');
    expect(await verify({ anchor: anchored })).toMatchObject({ ok: true, anchor: { ok: true, problems: [] } });
  });

  it('proves a rewrite below it, even one rechained with the audit key itself', async () => {
    const ids = await eventIds();
    const anchored = await anchor();
    await tamper(async (trx) => {
      await sql`update audit_events set purpose = 'routine check' where id = ${ids[1] ?? 0}`.execute(trx);
      await rechainFrom(ids[1] ?? 0, withKey(key), trx);
    });
    // Whoever holds both the key and the database can make the chain consistent again...
    expect((await verify()).ok).toBe(true);
    // ...but not the hash written down elsewhere.
    const result = await verify({ anchor: anchored });
    expect(result.ok).toBe(false);
    expect(result.anchor?.problems).toEqual([`event ${anchored.sequence} no longer has the hash the anchor holds: the trail up to it was rewritten`]);
  });

  it('proves events were cut away below it', async () => {
    const ids = await eventIds();
    const anchored = await anchor();
    const kept = ids[ids.length - 3] ?? 0;
    await tamper(async (trx) => {
      await sql`delete from audit_events where id > ${kept}`.execute(trx);
      const last = await trx.selectFrom('audit_events').select(['id', 'hash']).where('id', '=', kept).executeTakeFirstOrThrow();
      await trx.updateTable('audit_chain_head').set({ last_event_id: last.id, last_hash: last.hash }).execute();
    });
    expect((await verify()).ok).toBe(true);
    const result = await verify({ anchor: anchored });
    expect(result.ok).toBe(false);
    expect(result.anchor?.problems).toEqual([`the trail ends at event ${kept}, before event ${anchored.sequence} that the anchor names: events were deleted`]);
  });

  it('refuses an anchor whose content was altered after signing, or that another key signed', async () => {
    const anchored = await anchor();
    const altered = await verify({ anchor: { ...anchored, sequence: anchored.sequence - 1 } });
    expect(altered.anchor?.problems[0]).toBe('the anchor signature does not match its content: the anchor file was altered');
    const other = deriveAuditKey(Buffer.from(generateAuditKeyHex(), 'hex'));
    const foreign = await verifyAuditChain(testDatabase.database.db, { key: other, anchor: anchored });
    expect(foreign.anchor?.problems[0]).toMatch(/signed with audit key .*, not the configured key/);
  });

  it('is not written for a broken trail', async () => {
    const ids = await eventIds();
    await tamper((trx) => sql`update audit_events set purpose = 'routine check' where id = ${ids[0] ?? 0}`.execute(trx));
    const made = await anchorAuditChain(testDatabase.database.db, { key });
    expect(made.anchor).toBeNull();
    expect(made.verification.broken).toHaveLength(1);
  });
});

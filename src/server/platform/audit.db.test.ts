import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { systemActor } from './actor.js';
import { recordAuditAlone, verifyAuditChain } from './audit.js';

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = await createTestDatabase();
  for (let index = 0; index < 5; index += 1) {
    await recordAuditAlone(testDatabase.database.db, {
      actor: systemActor('test'),
      action: 'person.identity_read',
      record: { type: 'person', id: `person-${index}` },
      fields: ['names'],
      purpose: `reason ${index}`,
    });
  }
});

afterEach(async () => {
  await testDatabase.drop();
});

async function eventIds(): Promise<number[]> {
  const rows = await testDatabase.database.db.selectFrom('audit_events').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** What someone with database superuser access could do: switch off the append-only trigger first. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await testDatabase.database.db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update_or_delete`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update_or_delete`.execute(trx);
  });
}

describe('the audit trail', () => {
  it('verifies when nobody touched it', async () => {
    const result = await verifyAuditChain(testDatabase.database.db);
    expect(result.ok).toBe(true);
    expect(result.events).toBeGreaterThanOrEqual(5);
  });

  it('refuses changes and deletions through the application', async () => {
    const [first] = await eventIds();
    await expect(sql`update audit_events set purpose = 'nothing to see' where id = ${first}`.execute(testDatabase.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${first}`.execute(testDatabase.database.db)).rejects.toThrow(/append-only/);
  });

  it('names the event whose purpose was rewritten by hand', async () => {
    const ids = await eventIds();
    const target = ids[ids.length - 3] ?? 0;
    await tamper(sql`update audit_events set purpose = 'routine check' where id = ${target}`);
    const result = await verifyAuditChain(testDatabase.database.db);
    expect(result).toMatchObject({ ok: false, brokenEventId: target });
  });

  it('names the event after one that was deleted', async () => {
    const ids = await eventIds();
    const deleted = ids[ids.length - 3] ?? 0;
    await tamper(sql`delete from audit_events where id = ${deleted}`);
    const result = await verifyAuditChain(testDatabase.database.db);
    expect(result).toMatchObject({ ok: false, brokenEventId: ids[ids.length - 2] });
  });

  it('notices when the newest events were deleted', async () => {
    const ids = await eventIds();
    await tamper(sql`delete from audit_events where id = ${ids[ids.length - 1] ?? 0}`);
    const result = await verifyAuditChain(testDatabase.database.db);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/last events were deleted/);
    }
  });

  it('verifies a chain longer than one batch', async () => {
    expect(await verifyAuditChain(testDatabase.database.db, { batchSize: 2 })).toMatchObject({ ok: true });
  });
});

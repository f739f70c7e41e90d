import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';

// On a PostgreSQL server the pool holds a transaction's begin back until its
// first statement and sends both in one message (preparingPool in
// database.ts). These are the guarantees that must survive that.

let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ empty: true });
  await sql`create table transaction_probe (n int not null)`.execute(testDatabase.database.db);
});

afterAll(async () => {
  await testDatabase?.drop();
});

describe('transactions', () => {
  it('keep a setting made by their first statement until they end, and not after', async () => {
    const { db } = testDatabase.database;
    const seen = await db.connection().execute(async (connection) => {
      const inside = await connection.transaction().execute(async (trx) => {
        await sql`select set_config('senim.scope', 'involved', true)`.execute(trx);
        return (await sql<{ scope: string }>`select current_setting('senim.scope', true) as scope`.execute(trx)).rows[0]?.scope;
      });
      const after = (await sql<{ scope: string | null }>`select current_setting('senim.scope', true) as scope`.execute(connection)).rows[0]?.scope;
      return { inside, after };
    });
    expect(seen.inside).toBe('involved');
    expect(seen.after ?? '').toBe('');
  });

  it('undo every statement when they fail, whether the first one has parameters or not', async () => {
    const { db } = testDatabase.database;
    const failing = [
      db.transaction().execute(async (trx) => {
        await sql`insert into transaction_probe (n) values (${1})`.execute(trx);
        throw new Error('step refused');
      }),
      db.transaction().execute(async (trx) => {
        await sql`insert into transaction_probe (n) values (2)`.execute(trx);
        await sql`select 1 / 0`.execute(trx);
      }),
    ];
    await expect(failing[0]).rejects.toThrow('step refused');
    await expect(failing[1]).rejects.toThrow(/division by zero/);
    const rows = await sql<{ n: number }>`select n from transaction_probe`.execute(db);
    expect(rows.rows).toEqual([]);
  });

  it('commit what they wrote, and leave the connection usable after one that ran no statement', async () => {
    const { db } = testDatabase.database;
    await db.transaction().execute(async () => undefined);
    await db.transaction().execute(async (trx) => {
      await sql`insert into transaction_probe (n) values (3)`.execute(trx);
      await sql`insert into transaction_probe (n) values (${4})`.execute(trx);
    });
    const rows = await sql<{ n: number }>`select n from transaction_probe order by n`.execute(db);
    expect(rows.rows.map((row) => row.n)).toEqual([3, 4]);
  });

  it.skipIf(testDatabaseKind() === 'pglite')('leave no connection open once closed, even when only scripts ran (as in `senim migrate`)', async () => {
    const url = testDatabase.connectionUrl ?? '';
    const scriptsOnly = await openDatabase({ kind: 'postgresql', connectionString: url });
    await scriptsOnly.withScriptSession((session) => session.query('select 1'));
    const scriptBackend = (await scriptsOnly.withScriptSession((session) => session.query<{ pid: number }>('select pg_backend_pid() as pid')))[0]?.pid;
    await scriptsOnly.close();
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    try {
      const stillConnected = async () => (await observer.query('select count(*)::int as n from pg_stat_activity where pid = $1', [scriptBackend])).rows[0].n as number;
      // Closing sends Terminate; the backend leaves a moment later.
      for (let attempt = 0; attempt < 40 && (await stillConnected()) > 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await stillConnected()).toBe(0);
    } finally {
      await observer.end();
    }
  });
});

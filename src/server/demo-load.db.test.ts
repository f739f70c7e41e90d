import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../shared/system.schemas.js';
import { prepareDemoLoad, type BackgroundDemoLoad } from './demo-load.js';
import { buildApp, type SenimApp } from './http/app.js';
import { DEMO_PASSWORD } from './modules/directory/demo-users.js';
import { asSenimItself, createTestDatabase, type TestDatabase } from './testing/test-database.js';
import { testVaultKeys } from './testing/test-vault.js';

// The demo data load in the background of a running server, when it goes
// wrong and when the server stops in the middle of it.

let testDatabase: TestDatabase;
let app: SenimApp;
let demoLoad: BackgroundDemoLoad | null = null;
const logLines: { level: number; msg: string }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line) as { level: number; msg: string }) });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  app = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys(), demoLoadStatus: () => demoLoad?.status() ?? null });
  await app.ready();
});

afterAll(async () => {
  await demoLoad?.stop();
  await app.close();
  await testDatabase.drop();
});

async function health(): Promise<Health> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function demoCaseCount(): Promise<number> {
  const row = await asSenimItself(testDatabase.database, (trx) => trx.selectFrom('nrm_cases').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow());
  return Number(row.count);
}

describe('the demo data load of a first start', () => {
  it('reports nothing when the start loads no demo data', async () => {
    expect((await health()).demo).toBeNull();
  });

  it('fails without taking the server down, and the health report and the log say so', async () => {
    // The database refuses every case, as a full disk would, after the demo users are in.
    await sql`create function refuse_demo_case() returns trigger language plpgsql as $$ begin raise exception 'no space left on device'; end $$`.execute(testDatabase.database.db);
    await sql`create trigger refuse_demo_case before insert on nrm_cases for each row execute function refuse_demo_case()`.execute(testDatabase.database.db);
    demoLoad = prepareDemoLoad({ database: testDatabase.database, vaultKeys: testVaultKeys(), logger, cases: 12 });
    expect((await health()).demo).toEqual({ state: 'loading', loaded: 0, total: 12 });

    await expect(demoLoad.start()).resolves.toBeUndefined();

    expect((await health()).demo).toEqual({ state: 'failed', loaded: 0, total: 12 });
    expect(logLines.find((line) => line.level === 50)?.msg).toMatch(/demo data could not be loaded/);
    // Users and organizations came first: the demo users can sign in and look around.
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'analyst.pgo@demo.senim.local', password: DEMO_PASSWORD } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    await sql`drop trigger refuse_demo_case on nrm_cases`.execute(testDatabase.database.db);
  });

  it('stops with the server after the case being recorded, and the cases loaded so far read as planned, in the past', async () => {
    demoLoad = prepareDemoLoad({ database: testDatabase.database, vaultKeys: testVaultKeys(), logger, cases: 40 });
    const running = demoLoad.start();
    const deadline = Date.now() + 240_000;
    while (demoLoad.status().loaded < 10 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await health()).demo).toMatchObject({ state: 'loading', total: 40 });
    await demoLoad.stop();
    await running;

    const stored = await demoCaseCount();
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(stored).toBeLessThan(40);
    expect(logLines.some((line) => line.msg.startsWith('demo data load stopped'))).toBe(true);
    // Every stored case was moved back to its planned dates, the unfinished batch too.
    const today = new Date().toISOString().slice(0, 10);
    const recent = await asSenimItself(testDatabase.database, (trx) =>
      trx.selectFrom('case_events').select('occurred_at').where(sql<boolean>`occurred_at::date >= ${today}::date`).execute(),
    );
    const events = await asSenimItself(testDatabase.database, (trx) => trx.selectFrom('case_events').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow());
    expect(Number(events.count)).toBeGreaterThan(stored);
    expect(recent.length).toBeLessThan(Number(events.count) / 10);
  }, 300_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { signIn, type SignedIn } from '../../testing/test-users.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { DEMO_PASSWORD } from '../directory/demo-users.js';
import { loadDemoCases } from './demo-case-loader.js';
import { isoDateOf } from './working-days.js';

// The demo as someone trying Senim meets it: the README's demo users sign in
// and find cases of their own, at every step of the pathway.

const DEMO_CASES = 90;
let testDatabase: TestDatabase;
let app: SenimApp;
const users: Record<string, SignedIn> = {};

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true, demoCases: DEMO_CASES }));
  for (const name of ['caseworker.korgau', 'caseworker.sanasezim', 'shelter.almaty', 'police.astana', 'hotline', 'investigator.almaty']) {
    users[name] = await signIn(app, { email: `${name}@demo.senim.local`, password: DEMO_PASSWORD });
  }
}, 300_000);

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

async function cases(name: string, query = 'list=in_reach'): Promise<{ items: { id: string; status: string; step: string; child: boolean; createdAt: string; code: string }[]; total: number }> {
  const user = users[name];
  if (!user) {
    throw new Error(`${name} did not sign in`);
  }
  const response = await app.inject({ method: 'GET', url: `/api/v1/cases?${query}&limit=200`, headers: user.headers() });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('demo cases', () => {
  it('are loaded once: loading again finds them and adds nothing', async () => {
    expect(await loadDemoCases(testDatabase.database, testVaultKeys())).toBe(0);
    const all = await asSenimItself(testDatabase.database, (trx) => trx.selectFrom('case_events').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow());
    expect(Number(all.count)).toBeGreaterThan(DEMO_CASES * 4);
  });

  it('give each demo user of the README cases to work on', async () => {
    const korgau = await cases('caseworker.korgau');
    const sanasezim = await cases('caseworker.sanasezim');
    expect(korgau.total).toBeGreaterThan(10);
    expect(sanasezim.total).toBeGreaterThan(10);
    expect(korgau.total + sanasezim.total).toBeGreaterThan(DEMO_CASES * 0.8);
    // Children's cases too, where they are named.
    expect([...korgau.items, ...sanasezim.items].some((item) => item.child)).toBe(true);
    for (const name of ['shelter.almaty', 'hotline', 'investigator.almaty']) {
      expect((await cases(name)).total, name).toBeGreaterThan(0);
    }
    // Police see a case only where the person agreed to share it with them.
    const police = await cases('police.astana');
    expect(police.total).toBeGreaterThan(0);
    expect(police.total).toBeLessThan(DEMO_CASES / 2);
  });

  it('spread over the pathway, with a history in the past', async () => {
    const everything = [...(await cases('caseworker.korgau')).items, ...(await cases('caseworker.sanasezim')).items];
    const steps = new Set(everything.map((item) => item.step));
    for (const step of ['consent', 'screening', 'identification', 'assistance', 'follow_up', 'closed']) {
      expect(steps, step).toContain(step);
    }
    const today = isoDateOf(new Date());
    expect(everything.filter((item) => item.createdAt.slice(0, 10) < today).length).toBeGreaterThan(everything.length * 0.8);
    const overdue = (await cases('caseworker.korgau', 'list=decisions_overdue')).total + (await cases('caseworker.sanasezim', 'list=decisions_overdue')).total;
    expect(overdue).toBeGreaterThan(0);
  });

  it('open as a case page with a timeline for the worker on the case', async () => {
    const closed = (await cases('caseworker.korgau', 'list=in_reach&status=closed')).items[0] ?? (await cases('caseworker.sanasezim', 'list=in_reach&status=closed')).items[0];
    expect(closed).toBeDefined();
    const worker = (await cases('caseworker.korgau', 'list=in_reach&status=closed')).items.length > 0 ? 'caseworker.korgau' : 'caseworker.sanasezim';
    const headers = users[worker]?.headers() ?? {};
    const page = await app.inject({ method: 'GET', url: `/api/v1/cases/${closed?.id}`, headers });
    expect(page.statusCode, page.body).toBe(200);
    expect(['reintegrated', 'expelled_negative']).toContain(page.json().closure.outcome);
    const timeline = await app.inject({ method: 'GET', url: `/api/v1/cases/${closed?.id}/events`, headers });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const kinds = timeline.json().items.map((event: { kind: string }) => event.kind);
    expect(kinds).toContain('case.created');
    expect(kinds).toContain('case.closed');
    const times = timeline.json().items.map((event: { occurredAt: string }) => event.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';
import { readActionPlan2009 } from './fixtures/action-plan-2009-2011.js';

const planText = readActionPlan2009();

let testDatabase: TestDatabase;
let app: SenimApp;
let coordinator: SignedIn;
let caseWorker: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  coordinator = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'MJ', roles: ['coordinator'] }));
  caseWorker = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

describe('importing the 2009-2011 Action Plan', () => {
  it('a coordinator of the Ministry of Justice previews, resolves what Senim could not read, imports, and gets the reporting calendar', async () => {
    const preview = await app.inject({ method: 'POST', url: '/api/v1/plans/import/preview', headers: coordinator.headers(), payload: { text: planText } });
    expect(preview.statusCode, preview.body).toBe(200);
    const read = preview.json();
    expect(read.measures).toHaveLength(25);
    expect(read.periodFromYear).toBe(2009);
    expect(read.measures[4]).toMatchObject({ number: 5, reports: 12 });
    const problems: { id: string; field: string; text: string }[] = read.problems;
    expect(problems.length).toBeGreaterThan(0);

    const unresolved = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: coordinator.headers(), payload: { text: planText, coordinatorCode: 'MJ' } });
    expect(unresolved.statusCode).toBe(422);
    expect(unresolved.json().errors.map((error: { field: string }) => error.field)).toEqual(problems.map((problem) => `problems.${problem.id}`));

    const unknownBodies = [...new Set(problems.filter((problem) => problem.field === 'responsible').map((problem) => problem.text))];
    const bodyMappings = Object.fromEntries(unknownBodies.map((text) => [text, 'NGO-UCC']));
    const acknowledgedProblems = problems.filter((problem) => problem.field !== 'responsible').map((problem) => problem.id);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers(),
      payload: { text: planText, coordinatorCode: 'MJ', bodyMappings, acknowledgedProblems },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { id } = imported.json();

    const list = await app.inject({ method: 'GET', url: '/api/v1/plans', headers: caseWorker.headers() });
    // The demo data holds the Inter-Agency Commission's decisions as a plan of their own.
    expect(list.json().items.filter((plan: { level: string }) => plan.level !== 'commission')).toEqual([
      expect.objectContaining({ id, measures: 25, coordinatorCode: 'MJ', periodFromYear: 2009, periodToYear: 2011, level: 'national', status: 'in_force', parentPlanId: null }),
    ]);

    const mci = await app.inject({ method: 'GET', url: `/api/v1/plans/${id}/calendar?organization=MCI`, headers: caseWorker.headers() });
    const measureFive = mci.json().items.filter((entry: { measure: number }) => entry.measure === 5);
    expect(measureFive.map((entry: { periodLabel: string; dueDate: string }) => `${entry.periodLabel} ${entry.dueDate}`)).toEqual([
      '2009-Q1 2009-04-20', '2009-Q2 2009-07-20', '2009-Q3 2009-10-20', '2009-Q4 2010-01-20',
      '2010-Q1 2010-04-20', '2010-Q2 2010-07-20', '2010-Q3 2010-10-20', '2010-Q4 2011-01-20',
      '2011-Q1 2011-04-20', '2011-Q2 2011-07-20', '2011-Q3 2011-10-20', '2011-Q4 2012-01-20',
    ]);
    expect(measureFive.every((entry: { lead: boolean }) => entry.lead)).toBe(true);

    // "Akimats of regions and cities of Astana and Almaty" means every akimat reports on measure 5.
    const everyone = await app.inject({ method: 'GET', url: `/api/v1/plans/${id}/calendar`, headers: caseWorker.headers() });
    const akimatsOnFive = new Set(
      everyone.json().items.filter((entry: { measure: number; organizationCode: string }) => entry.measure === 5 && entry.organizationCode.startsWith('AKIMAT-')).map((entry: { organizationCode: string }) => entry.organizationCode),
    );
    expect(akimatsOnFive.size).toBe(20);
    const ucc = everyone.json().items.filter((entry: { organizationCode: string }) => entry.organizationCode === 'NGO-UCC');
    expect(new Set(ucc.map((entry: { measure: number }) => entry.measure))).toEqual(new Set([22, 25]));

    const trail = await testDatabase.database.db.selectFrom('audit_events').select(['action', 'actor_label']).where('record_id', '=', id).execute();
    // The trail names the coordinator by id, never by email.
    expect(trail).toEqual([{ action: 'plan.imported', actor_label: expect.stringMatching(/^user:[0-9a-f-]{36}$/) }]);
  });

  it('names an organization code that does not exist instead of importing', async () => {
    const preview = (await app.inject({ method: 'POST', url: '/api/v1/plans/import/preview', headers: coordinator.headers(), payload: { text: planText } })).json();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers(),
      payload: { text: planText, coordinatorCode: 'NO-SUCH-BODY', acknowledgedProblems: preview.problems.map((problem: { id: string }) => problem.id) },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('NO-SUCH-BODY');
  });

  it('is for coordinators, of plans their own body coordinates', async () => {
    const labour = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'MLSP', roles: ['coordinator'] }));
    const preview = (await app.inject({ method: 'POST', url: '/api/v1/plans/import/preview', headers: labour.headers(), payload: { text: planText } })).json();
    const forJustice = await app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: labour.headers(),
      payload: { text: planText, coordinatorCode: 'MJ', acknowledgedProblems: preview.problems.map((problem: { id: string }) => problem.id) },
    });
    expect(forJustice.statusCode).toBe(403);
    expect(forJustice.json().errors[0].field).toBe('body.coordinatorCode');

    const response = await app.inject({ method: 'POST', url: '/api/v1/plans/import/preview', headers: caseWorker.headers(), payload: { text: planText } });
    expect(response.statusCode).toBe(403);
  });
});

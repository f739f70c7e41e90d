import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';
import { sealCaseReads, verifyCaseReadSeals } from './case-read.service.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let workerUser: TestUser;
let worker: SignedIn;
let colleague: SignedIn;
let auditor: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  workerUser = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
  worker = await signIn(app, workerUser);
  colleague = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  auditor = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'HRC', roles: ['auditor'] }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

async function get(user: SignedIn, url: string) {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: user.headers() });
}

interface CaseReadItem {
  caseId: string;
  caseCode: string;
  userId: string;
  organizationId: string;
  view: string;
  sealed: boolean;
}

describe('who looked at a child’s case', () => {
  it('an auditor sees every opening of the case page, its timeline and its printed summary, by whom and when; nobody else reads that record', async () => {
    const { id: caseId, code } = await recordSelfReferredIntake(app, worker, { ageYears: 14 });

    expect((await get(worker, `/cases/${caseId}`)).statusCode).toBe(200);
    expect((await get(worker, `/cases/${caseId}/events`)).statusCode).toBe(200);
    expect((await get(worker, `/cases/${caseId}/summary.pdf?language=en`)).statusCode).toBe(200);
    // A look that found nothing showed nothing: it is not a read of the case.
    expect((await get(colleague, `/cases/${caseId}`)).statusCode).toBe(404);

    const byCode = await get(auditor, `/audit/case-reads?caseCode=${code.toLowerCase()}`);
    expect(byCode.statusCode, byCode.body).toBe(200);
    const reads = byCode.json<{ items: (CaseReadItem & { readAt: string })[]; page: { total: number } }>();
    expect(reads.page.total).toBe(3);
    expect(reads.items.map(({ caseId: id, caseCode, userId, organizationId, view, sealed }) => ({ id, caseCode, userId, organizationId, view, sealed }))).toEqual(
      ['summary', 'timeline', 'case'].map((view) => ({ id: caseId, caseCode: code, userId: workerUser.id, organizationId: workerUser.organizationId, view, sealed: false })),
    );
    expect(Date.now() - Date.parse(reads.items[0]?.readAt ?? '')).toBeLessThan(60_000);
    const byId = await get(auditor, `/audit/case-reads?caseId=${caseId}&userId=${workerUser.id}`);
    expect(byId.json<{ page: { total: number } }>().page.total).toBe(3);

    // The case's users neither ask the auditors' question nor read the table behind it.
    expect((await get(worker, `/audit/case-reads?caseId=${caseId}`)).statusCode).toBe(403);
    const actor = {
      kind: 'user' as const,
      userId: workerUser.id,
      email: workerUser.email,
      organizationId: workerUser.organizationId,
      organizationLawEnforcement: false,
      roles: ['case_worker' as const],
      regionIds: [],
      sessionId: 'test',
      language: 'en' as const,
    };
    const seen = await withPersonScope(testDatabase.database.db, actor, async (trx) => (await sql<{ id: number }>`select id from case_reads`.execute(trx)).rows.length);
    expect(seen).toBe(0);
    const rewrite = await withPersonScope(testDatabase.database.db, actor, async (trx) => sql`update case_reads set view = 'case' where case_id = ${caseId}`.execute(trx)).then(
      (result) => Number(result.numAffectedRows ?? 0),
      () => 0,
    );
    expect(rewrite).toBe(0);
    const views = await asSenimItself(testDatabase.database, (trx) => trx.selectFrom('case_reads').select('view').where('case_id', '=', caseId).orderBy('id').execute());
    expect(views.map((row) => row.view)).toEqual(['case', 'timeline', 'summary']);
  });

  it('seals the reads into the audit chain, and a read changed afterwards no longer matches its seal', async () => {
    const sealed = await sealCaseReads({ db: testDatabase.database.db, settleSeconds: 0 });
    expect(sealed?.reads).toBeGreaterThanOrEqual(3);
    expect(await sealCaseReads({ db: testDatabase.database.db, settleSeconds: 0 })).toBeNull();
    const event = await testDatabase.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'case.reads_sealed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ fromId: sealed?.fromId, toId: sealed?.toId, reads: sealed?.reads });
    const page = await get(auditor, `/audit/case-reads?userId=${workerUser.id}`);
    expect(page.json<{ items: CaseReadItem[] }>().items.every((item) => item.sealed)).toBe(true);
    expect(await verifyCaseReadSeals({ db: testDatabase.database.db })).toEqual({ ok: true, seals: 1, reads: sealed?.reads });

    // Whoever holds the database's owner can lift the guards and rewrite a read; the seal then tells.
    await testDatabase.database.db.transaction().execute(async (trx) => {
      await sql`alter table case_reads disable trigger case_reads_no_update_or_delete`.execute(trx);
      await sql`alter table case_reads no force row level security`.execute(trx);
      await sql`update case_reads set user_id = ${workerUser.organizationId}::uuid where id = ${sealed?.toId ?? 0}`.execute(trx);
      await sql`alter table case_reads force row level security`.execute(trx);
      await sql`alter table case_reads enable trigger case_reads_no_update_or_delete`.execute(trx);
    });
    const verdict = await verifyCaseReadSeals({ db: testDatabase.database.db });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.problems).toEqual([expect.stringContaining(`reads ${sealed?.fromId}..${sealed?.toId}: sealed ${sealed?.reads} reads`)]);
  });
});

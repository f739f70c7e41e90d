import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { defaultSessionTimeouts } from '../../platform/session.js';
import { defaultReferralRules } from './case-pathway.js';
import { caseSummaryDocument } from './case-summary.render.js';
import { caseSummaryForPrint } from './case-summary.service.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let worker: TestUser;
let korgau: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  worker = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
  korgau = await signIn(app, worker);
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const reason = 'Вернулась к прежнему работодателю после нового предложения работы за границей';

describe('a reopened case keeps why it was reopened', () => {
  it('shows the reason on the timeline and in the printed summary, and keeps it out of the audit trail', async () => {
    const { id: caseId } = await recordSelfReferredIntake(app, korgau, {
      firstContactDate: '2026-10-02',
      ageYears: 31,
      circumstances: 'Came to the office after months of unpaid work.',
    });
    const closed = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/closure`, headers: korgau.headers(), payload: { outcome: 'reintegrated' } });
    expect(closed.statusCode, closed.body).toBe(200);
    const reopened = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/reopen`, headers: korgau.headers(), payload: { reason, contactDate: '2026-11-20' } });
    expect(reopened.statusCode, reopened.body).toBe(200);

    const timeline = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/events?limit=10`, headers: korgau.headers() });
    const event = timeline.json().items.find((item: { kind: string }) => item.kind === 'case.reopened');
    expect(event.details).toMatchObject({ reason, contactDate: '2026-11-20', episode: 2 });

    // The printed summary, read as the route reads it, before pdfmake turns it into a compressed PDF.
    const print = await caseSummaryForPrint({
      context: { database: testDatabase.database, vaultKeys: testVaultKeys(), sessionTimeouts: defaultSessionTimeouts, referralRules: defaultReferralRules },
      actor: { kind: 'user', userId: worker.id, email: worker.email, organizationId: worker.organizationId, organizationLawEnforcement: false, roles: ['case_worker'], regionIds: [], sessionId: 'test', language: 'ru' },
      caseId,
      query: { language: 'ru', includeIdentity: false },
      origin: { requestId: null, ip: null },
    });
    expect(print.reopenings).toEqual([expect.objectContaining({ contactDate: '2026-11-20', reason })]);
    expect(JSON.stringify(caseSummaryDocument(print).content)).toContain(reason);

    // Auditors across organizations read the trail: the worker's words stay with the case.
    const trail = await testDatabase.database.db.selectFrom('audit_events').select('details').where('record_id', '=', caseId).where('action', '=', 'case.reopened').executeTakeFirstOrThrow();
    expect(JSON.stringify(trail.details)).not.toContain('работодателю');
  });
});

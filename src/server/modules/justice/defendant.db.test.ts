import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProceedingStageColumn } from '../../db/schema.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';
import { asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';
import { verdictsInForce } from './defendant.repo.js';

// An investigator of the Almaty police records who stands accused in a
// trafficking case, and what the court decided about each of them.

let testDatabase: TestDatabase;
let app: SenimApp;
let investigatorUser: TestUser;
let investigator: SignedIn;
let otherBody: SignedIn;
let otherRegion: SignedIn;
let caseWorker: SignedIn;
let article128: number;
let article309: number;

const REGISTERED_ON = '2025-03-10';

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  investigatorUser = await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-ALA'] });
  investigator = await signIn(app, investigatorUser);
  otherBody = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NSC', roles: ['investigator'], regionCodes: ['KZ-ALA'] }));
  otherRegion = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-AST'] }));
  caseWorker = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  const articles = await testDatabase.database.db.selectFrom('criminal_code_articles').select(['id', 'article']).where('edition', '=', '2014').execute();
  article128 = articles.find((row) => row.article === '128')?.id ?? 0;
  article309 = articles.find((row) => row.article === '309')?.id ?? 0;
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

/** A proceeding of the Almaty police at the given stage, written as the register holds it. */
async function proceedingAt(stage: ProceedingStageColumn, options: { linkCaseId?: string } = {}): Promise<string> {
  const db = testDatabase.database.db;
  const mia = await db.selectFrom('organizations').select('id').where('code', '=', 'MIA').executeTakeFirstOrThrow();
  const almaty = await db.selectFrom('regions').select('id').where('code', '=', 'KZ-ALA').executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('criminal_proceedings')
    .values({
      id,
      register_number: `25751${String(Date.now()).slice(-6)}${randomBytes(2).readUInt16BE() % 10_000}`,
      registered_on: REGISTERED_ON,
      code_edition: '2014',
      registering_organization_id: mia.id,
      investigating_organization_id: mia.id,
      region_id: almaty.id,
      investigator_user_id: investigatorUser.id,
      stage,
      stage_since: '2025-05-20',
      // Long ago, so that a step recorded now shows as movement.
      last_movement_at: new Date('2025-05-20T00:00:00Z'),
    })
    .execute();
  await db.insertInto('proceeding_stage_changes').values({ proceeding_id: id, stage: 'registered', occurred_on: REGISTERED_ON, reason: null, recorded_by: null }).execute();
  if (stage !== 'registered') {
    await db.insertInto('proceeding_stage_changes').values({ proceeding_id: id, stage, occurred_on: '2025-05-20', reason: null, recorded_by: null }).execute();
  }
  if (options.linkCaseId) {
    const caseId = options.linkCaseId;
    await asSenimItself(testDatabase.database, (trx) =>
      trx.insertInto('proceeding_cases').values({ proceeding_id: id, case_id: caseId, procedural_status: 'victim', non_punishment_review: null, non_punishment_note: null, linked_by: null }).execute(),
    );
  }
  return id;
}

async function addDefendant(proceedingId: string, payload: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/proceedings/${proceedingId}/defendants`,
    headers: investigator.headers(),
    payload: { sex: 'male', ageYears: 41, citizenship: 'KAZ', organizedGroup: true, role: 'organizer', proceduralStatus: 'accused', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; identityRecorded: boolean; proceduralStatus: string }>();
}

const eightYears = { instance: 'first_instance', decidedOn: '2025-10-01', outcome: 'convicted', convictionPart: '3', sentence: { kind: 'imprisonment', months: 96, confiscation: true } };

describe('defendants of a criminal proceeding', () => {
  it('seals a suspect’s name in the vault: the table and the list hold no clear name', async () => {
    const proceedingId = await proceedingAt('pre_trial_investigation');
    const defendant = await addDefendant(proceedingId, {
      identity: { names: [{ given: 'Бауыржан', family: 'Сейткали' }], birthDate: '1984-02', documents: [{ type: 'passport', number: 'N12345678', issuingCountry: 'KAZ' }] },
      proceduralStatus: 'suspect',
    });
    expect(defendant).toMatchObject({ identityRecorded: true, proceduralStatus: 'suspect' });

    const row = await testDatabase.database.db.selectFrom('proceeding_defendants').selectAll().where('id', '=', defendant.id).executeTakeFirstOrThrow();
    expect(row.sealed_identity).toMatch(/^v1\./);
    expect(row.key_id).not.toBeNull();
    for (const clear of ['Бауыржан', 'Сейткали', 'N12345678', '1984-02']) {
      expect(JSON.stringify(row)).not.toContain(clear);
    }

    const list = await app.inject({ method: 'GET', url: `/api/v1/proceedings/${proceedingId}/defendants`, headers: investigator.headers() });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: defendant.id, sex: 'male', ageYears: 41, citizenship: 'KAZ', organizedGroup: true, verdictInForce: null })]);
    expect(list.body).not.toContain('Сейткали');
    // Recording a defendant is movement on the proceeding, though no case's timeline tells of it.
    const proceeding = await testDatabase.database.db.selectFrom('criminal_proceedings').select('last_movement_at').where('id', '=', proceedingId).executeTakeFirstOrThrow();
    expect(new Date(proceeding.last_movement_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('opens the identity only with a purpose, and every opening is in the audit trail with where it came from', async () => {
    const proceedingId = await proceedingAt('pre_trial_investigation');
    const defendant = await addDefendant(proceedingId, { identity: { names: [{ given: 'Марат', family: 'Ахметов' }] } });
    const url = `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/identity`;

    expect((await app.inject({ method: 'GET', url, headers: investigator.headers() })).statusCode).toBe(400);
    const opened = await app.inject({ method: 'GET', url: `${url}?purpose=${encodeURIComponent('Допрос в качестве обвиняемого')}`, headers: investigator.headers() });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ defendantId: defendant.id, identity: { names: [{ given: 'Марат', family: 'Ахметов' }], birthDate: null, documents: [] } });

    const events = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'fields', 'purpose', 'request_id', 'ip', 'details'])
      .where('action', '=', 'defendant.identity_read')
      .where('record_id', '=', defendant.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: investigatorUser.id, fields: ['names'], purpose: 'Допрос в качестве обвиняемого' });
    expect(events[0]?.request_id).toBeTruthy();
    expect(JSON.stringify(events[0])).not.toContain('Ахметов');
  });

  it('answers an unknown suspect’s identity as none on record, and still audits the look', async () => {
    const proceedingId = await proceedingAt('suspended_perpetrator_unknown');
    const defendant = await addDefendant(proceedingId, { sex: 'unknown', ageYears: null, citizenship: 'unknown', role: 'perpetrator', proceduralStatus: 'suspect' });
    expect(defendant.identityRecorded).toBe(false);
    const opened = await app.inject({
      method: 'GET',
      url: `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/identity?purpose=check%20the%20file`,
      headers: investigator.headers(),
    });
    expect(opened.json()).toEqual({ defendantId: defendant.id, identity: null });
    const audited = await testDatabase.database.db.selectFrom('audit_events').select('id').where('action', '=', 'defendant.identity_read').where('record_id', '=', defendant.id).execute();
    expect(audited).toHaveLength(1);
  });

  it('charges a suspect: the status becomes accused and a new identity replaces the old one as a whole', async () => {
    const proceedingId = await proceedingAt('pre_trial_investigation');
    const defendant = await addDefendant(proceedingId, { identity: { names: [{ given: 'Рустам' }] }, proceduralStatus: 'suspect' });
    const url = `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}`;
    const patched = await app.inject({
      method: 'PATCH',
      url,
      headers: investigator.headers(),
      payload: { proceduralStatus: 'accused', identity: { names: [{ given: 'Рустам', family: 'Каримов', patronymic: 'Ильдарович' }] } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ proceduralStatus: 'accused', role: 'organizer', identityRecorded: true });
    const opened = await app.inject({ method: 'GET', url: `${url}/identity?purpose=indictment%20drafting`, headers: investigator.headers() });
    expect(opened.json().identity.names).toEqual([{ given: 'Рустам', family: 'Каримов', patronymic: 'Ильдарович' }]);

    expect((await app.inject({ method: 'PATCH', url, headers: investigator.headers(), payload: {} })).statusCode).toBe(400);
    const removed = await app.inject({ method: 'PATCH', url, headers: investigator.headers(), payload: { identity: null } });
    expect(removed.json()).toMatchObject({ identityRecorded: false });
    const row = await testDatabase.database.db.selectFrom('proceeding_defendants').select(['sealed_identity', 'key_id']).where('id', '=', defendant.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sealed_identity: null, key_id: null });
    const unknown = await app.inject({ method: 'PATCH', url: `/api/v1/proceedings/${proceedingId}/defendants/${randomUUID()}`, headers: investigator.headers(), payload: { role: 'other' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives another body’s investigator, and one outside the region, nothing but 404; a case worker is refused outright', async () => {
    const proceedingId = await proceedingAt('sent_to_court');
    const defendant = await addDefendant(proceedingId, { identity: { names: [{ given: 'Ерлан' }] } });
    const requests = [
      { method: 'GET' as const, url: `/api/v1/proceedings/${proceedingId}/defendants` },
      { method: 'GET' as const, url: `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/identity?purpose=just%20looking` },
      { method: 'POST' as const, url: `/api/v1/proceedings/${proceedingId}/defendants`, payload: { sex: 'female', citizenship: 'UZB', role: 'accomplice' } },
      { method: 'PATCH' as const, url: `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}`, payload: { role: 'other' } },
      { method: 'POST' as const, url: `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/verdicts`, payload: { ...eightYears, convictionArticleId: article128 } },
    ];
    for (const request of requests) {
      for (const [label, session, status] of [
        ['other body', otherBody, 404],
        ['other region', otherRegion, 404],
        ['case worker', caseWorker, 403],
      ] as const) {
        const response = await app.inject({ ...request, headers: session.headers() });
        expect(response.statusCode, `${request.method} ${request.url} as ${label}: ${response.body}`).toBe(status);
        expect(response.body).not.toContain('Ерлан');
      }
    }
    const looks = await testDatabase.database.db.selectFrom('audit_events').select('id').where('action', '=', 'defendant.identity_read').where('record_id', '=', defendant.id).execute();
    expect(looks).toHaveLength(0);
  });
});

describe('verdicts', () => {
  it('refuses a verdict before the proceeding is sent to court (409), and an appeal before the appeal stage', async () => {
    const proceedingId = await proceedingAt('pre_trial_investigation');
    const defendant = await addDefendant(proceedingId);
    const url = `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/verdicts`;
    const early = await app.inject({ method: 'POST', url, headers: investigator.headers(), payload: { ...eightYears, convictionArticleId: article128 } });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json()).toMatchObject({ code: 'conflict', reason: 'verdict_before_court' });

    const atCourt = await proceedingAt('sent_to_court');
    const accused = await addDefendant(atCourt);
    const appeal = await app.inject({
      method: 'POST',
      url: `/api/v1/proceedings/${atCourt}/defendants/${accused.id}/verdicts`,
      headers: investigator.headers(),
      payload: { ...eightYears, instance: 'appeal', convictionArticleId: article128 },
    });
    expect(appeal.json()).toMatchObject({ reason: 'verdict_before_court' });
    const none = await testDatabase.database.db.selectFrom('defendant_verdicts').select('id').where('defendant_id', 'in', [defendant.id, accused.id]).execute();
    expect(none).toEqual([]);
  });

  it('refuses a conviction without a sentence, or a term, naming the field (422); dates before registration, before the court or in the future; a verdict on a mere suspect', async () => {
    const proceedingId = await proceedingAt('sent_to_court');
    const defendant = await addDefendant(proceedingId);
    const url = `/api/v1/proceedings/${proceedingId}/defendants/${defendant.id}/verdicts`;
    const post = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: investigator.headers(), payload });

    const noSentence = await post({ instance: 'first_instance', decidedOn: '2025-10-01', outcome: 'convicted', convictionArticleId: article128 });
    expect(noSentence.statusCode, noSentence.body).toBe(422);
    expect(noSentence.json()).toMatchObject({ reason: 'conviction_needs_sentence', errors: [{ field: 'body.sentence' }] });

    const noTerm = await post({ ...eightYears, convictionArticleId: article128, sentence: { kind: 'imprisonment' } });
    expect(noTerm.json()).toMatchObject({ reason: 'conviction_needs_sentence', errors: [{ field: 'body.sentence.months' }] });

    const acquittedWithSentence = await post({ instance: 'first_instance', decidedOn: '2025-10-01', outcome: 'acquitted', sentence: { kind: 'fine', fineTenge: 100_000 } });
    expect(acquittedWithSentence.json()).toMatchObject({ reason: 'conviction_needs_sentence', errors: [{ field: 'body.sentence' }] });

    const beforeRegistration = await post({ ...eightYears, convictionArticleId: article128, decidedOn: '2025-03-09' });
    expect(beforeRegistration.statusCode).toBe(422);
    expect(beforeRegistration.json()).toMatchObject({ reason: 'date_before_registration', errors: [{ field: 'body.decidedOn' }] });
    const future = await post({ ...eightYears, convictionArticleId: article128, decidedOn: '2099-01-01' });
    expect(future.json()).toMatchObject({ reason: 'date_in_future', errors: [{ field: 'body.decidedOn' }] });
    // Sent to court on 2025-05-20: a first verdict cannot come before.
    const beforeCourt = await post({ ...eightYears, convictionArticleId: article128, decidedOn: '2025-04-01' });
    expect(beforeCourt.statusCode).toBe(422);
    expect(beforeCourt.json()).toMatchObject({ reason: 'date_before_current_stage', errors: [{ field: 'body.decidedOn' }] });
    const suspect = await addDefendant(proceedingId, { proceduralStatus: 'suspect' });
    const onSuspect = await app.inject({ method: 'POST', url: `/api/v1/proceedings/${proceedingId}/defendants/${suspect.id}/verdicts`, headers: investigator.headers(), payload: { ...eightYears, convictionArticleId: article128 } });
    expect(onSuspect.statusCode).toBe(409);
    expect(onSuspect.json()).toMatchObject({ reason: 'verdict_on_suspect' });
    expect((await post({ ...eightYears, convictionArticleId: 2 ** 40 })).statusCode).toBe(400);
    const noArticle = await post({ ...eightYears, convictionArticleId: 999_999 });
    expect(noArticle.statusCode).toBe(422);
    expect(noArticle.json()).toMatchObject({ errors: [{ field: 'body.convictionArticleId' }] });

    const stored = await testDatabase.database.db.selectFrom('defendant_verdicts').select('id').where('defendant_id', '=', defendant.id).execute();
    expect(stored).toEqual([]);
  });

  it('convicts two defendants at first instance: the proceeding moves on, the victim’s case hears of it without a name, and the counts say 2', async () => {
    const { id: caseId } = await recordSelfReferredIntake(app, caseWorker);
    const proceedingId = await proceedingAt('sent_to_court', { linkCaseId: caseId });
    const organizer = await addDefendant(proceedingId, { identity: { names: [{ given: 'Серик', family: 'Оспанов' }] } });
    const accomplice = await addDefendant(proceedingId, { sex: 'female', ageYears: 35, role: 'accomplice', organizedGroup: false, identity: { names: [{ family: 'Ким' }] } });

    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/proceedings/${proceedingId}/defendants/${organizer.id}/verdicts`,
      headers: investigator.headers(),
      payload: { ...eightYears, convictionArticleId: article309 },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      proceedingStage: 'first_instance_verdict',
      verdict: { outcome: 'convicted', convictionArticle: { edition: '2014', article: '309' }, convictionPart: '3', sentence: { kind: 'imprisonment', months: 96, fineTenge: null, confiscation: true } },
    });
    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/proceedings/${proceedingId}/defendants/${accomplice.id}/verdicts`,
      headers: investigator.headers(),
      payload: { instance: 'first_instance', decidedOn: '2025-10-01', outcome: 'convicted', convictionArticleId: article309, sentence: { kind: 'suspended', months: 36 } },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().proceedingStage).toBe('first_instance_verdict');

    const db = testDatabase.database.db;
    const proceeding = await db.selectFrom('criminal_proceedings').select(['stage', 'stage_since']).where('id', '=', proceedingId).executeTakeFirstOrThrow();
    expect(proceeding).toEqual({ stage: 'first_instance_verdict', stage_since: '2025-10-01' });
    const stages = await db.selectFrom('proceeding_stage_changes').select(['stage', 'occurred_on']).where('proceeding_id', '=', proceedingId).orderBy('id').execute();
    expect(stages.map((change) => change.stage)).toEqual(['registered', 'sent_to_court', 'first_instance_verdict']);

    const counts = (await verdictsInForce(db, [proceedingId])).get(proceedingId);
    expect(counts).toMatchObject({ defendants: 2, convicted: 2, acquitted: 0, dismissed: 0, sentenceKinds: { imprisonment: 1, suspended: 1, restricted_freedom: 0, fine: 0 }, confiscations: 1 });

    // The police never saw the victim's case (no consent to share), yet her timeline shows the verdict, counted.
    const events = await asSenimItself(testDatabase.database, (trx) =>
      trx.selectFrom('case_events').select(['kind', 'details']).where('case_id', '=', caseId).where('kind', '=', 'proceeding.verdict').orderBy('id').execute(),
    );
    expect(events).toHaveLength(2);
    expect(events[1]?.details).toMatchObject({ proceedingId, instance: 'first_instance', decidedOn: '2025-10-01', outcomes: { convicted: 2, acquitted: 0, dismissed: 0 }, articles: ['2014:309'] });
    for (const clear of ['Серик', 'Оспанов', 'Ким', organizer.id, accomplice.id]) {
      expect(JSON.stringify(events)).not.toContain(clear);
    }
    const timeline = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/events?limit=20`, headers: caseWorker.headers() });
    expect(timeline.json().items.some((item: { kind: string }) => item.kind === 'proceeding.verdict')).toBe(true);
  });

  it('lets an appeal verdict supersede the first instance, in the list and in the counts', async () => {
    const proceedingId = await proceedingAt('sent_to_court');
    const convicted = await addDefendant(proceedingId);
    const other = await addDefendant(proceedingId, { role: 'accomplice' });
    const verdictUrl = (id: string) => `/api/v1/proceedings/${proceedingId}/defendants/${id}/verdicts`;
    for (const id of [convicted.id, other.id]) {
      const response = await app.inject({ method: 'POST', url: verdictUrl(id), headers: investigator.headers(), payload: { ...eightYears, convictionArticleId: article128 } });
      expect(response.statusCode, response.body).toBe(201);
    }
    // The appeal stage is the proceedings module's to record; here it is written as it would leave it.
    await testDatabase.database.db.updateTable('criminal_proceedings').set({ stage: 'appeal', stage_since: '2025-11-01' }).where('id', '=', proceedingId).execute();
    const appeal = await app.inject({
      method: 'POST',
      url: verdictUrl(other.id),
      headers: investigator.headers(),
      payload: { instance: 'appeal', decidedOn: '2025-12-05', outcome: 'acquitted' },
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect(appeal.json()).toMatchObject({ proceedingStage: 'appeal', verdict: { instance: 'appeal', outcome: 'acquitted', convictionArticle: null, sentence: null } });

    const list = await app.inject({ method: 'GET', url: `/api/v1/proceedings/${proceedingId}/defendants`, headers: investigator.headers() });
    const acquitted = list.json().items.find((item: { id: string }) => item.id === other.id);
    expect(acquitted.verdictInForce).toMatchObject({ instance: 'appeal', outcome: 'acquitted' });
    expect(acquitted.verdicts.map((verdict: { instance: string }) => verdict.instance)).toEqual(['appeal', 'first_instance']);

    const counts = await verdictsInForce(testDatabase.database.db, [proceedingId, randomUUID()]);
    expect(counts.get(proceedingId)).toMatchObject({ defendants: 2, convicted: 1, acquitted: 1, sentenceKinds: { imprisonment: 1 } });
    expect([...counts.values()][1]).toMatchObject({ defendants: 0, convicted: 0 });
  });
});

import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/schema.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asOrganizationInDatabase, asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let police: SignedIn;
let investigator: SignedIn;
let korgau: SignedIn;
let korgauColleagueUser: TestUser;
let korgauColleague: SignedIn;
let shelter: SignedIn;
let hotlineWorker: SignedIn;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  police = await signIn(app, await createTestUser(database, { organizationCode: 'MIA', roles: ['first_responder'], regionCodes: ['KZ-AST'] }));
  investigator = await signIn(app, await createTestUser(database, { organizationCode: 'MIA', roles: ['investigator'] }));
  korgau = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  korgauColleagueUser = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
  korgauColleague = await signIn(app, korgauColleagueUser);
  shelter = await signIn(app, await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['service_provider'] }));
  hotlineWorker = await signIn(app, await createTestUser(database, { organizationCode: 'HOTLINE-11616', roles: ['case_worker'] }));
  for (const code of ['MIA', 'NGO-KORGAU-ASTANA', 'SHELTER-ALA']) {
    ids[code] = (await database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  }
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const adultIntake = {
  referralSource: 'police',
  meetingContext: 'raid',
  firstContactDate: '2026-11-02',
  regionCode: 'KZ-AST',
  sex: 'female',
  ageYears: 24,
  ageBasis: 'declared',
  citizenship: 'KAZ',
  circumstances: 'Found during a raid on a sauna; says her passport is kept by the owner.',
};

async function post(user: SignedIn, url: string, payload: object) {
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: user.headers(), payload });
}

async function get(user: SignedIn, url: string) {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: user.headers() });
}

/** A woman who came to Korgau herself and agreed to processing and to referral to the Almaty shelter: the case's id. */
async function caseReferableToShelter(): Promise<string> {
  const intake = await post(korgau, '/cases', {
    ...adultIntake,
    referralSource: 'self_referral',
    meetingContext: 'came_to_office',
    consents: [
      { scope: 'processing', given: true, method: 'written' },
      { scope: 'referral', organizationId: ids['SHELTER-ALA'], given: true, method: 'written' },
    ],
  });
  expect(intake.statusCode, intake.body).toBe(201);
  return intake.json().id;
}

async function questionnaire(user: SignedIn, audience: 'adult' | 'child'): Promise<{ id: string; definition: { indicators: { code: string }[] } }> {
  const response = await get(user, `/screening/questionnaires?audience=${audience}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items[0];
}

describe('the referral pathway', () => {
  it('walks a police referral through screening, identification, a shelter placement, services and closure, refusing every forbidden step', async () => {
    const intake = await post(police, '/cases', {
      ...adultIntake,
      consents: [
        { scope: 'processing', given: true, method: 'written' },
        { scope: 'referral', organizationId: ids['NGO-KORGAU-ASTANA'], given: true, method: 'written' },
      ],
      referral: { toOrganizationId: ids['NGO-KORGAU-ASTANA'], serviceTypes: ['psychological', 'legal'], reason: 'Identification and support' },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const receipt = intake.json();
    expect(receipt.code).toMatch(/^AST-\d{2}-[0-9A-Z]{6}$/);
    // No consent to share with police: the police keep the receipt and nothing else.
    expect(receipt.visibleToYou).toBe(false);
    expect((await get(police, `/cases/${receipt.id}`)).statusCode).toBe(404);
    expect((await get(police, `/persons/${receipt.personId}/identity?purpose=checking%20the%20record`)).statusCode).toBe(404);
    const receipts = await get(police, '/cases/intakes');
    expect(receipts.json().items.map((item: { code: string }) => item.code)).toContain(receipt.code);
    // Nor is the officer left named on the case, which would reopen a child's case to them once the person consents.
    const policeWorkers = await asSenimItself(testDatabase.database, (trx) =>
      trx
        .selectFrom('case_workers')
        .innerJoin('users', 'users.id', 'case_workers.user_id')
        .select('case_workers.user_id')
        .where('case_workers.case_id', '=', receipt.id)
        .where('users.organization_id', '=', ids.MIA ?? '')
        .execute(),
    );
    expect(policeWorkers).toEqual([]);

    const incoming = await get(korgau, '/referrals/incoming');
    const referral = incoming.json().items.find((item: { caseId: string }) => item.caseId === receipt.id);
    expect(referral.status).toBe('pending');
    expect((await post(korgau, `/referrals/${referral.id}/response`, { decision: 'accept' })).statusCode).toBe(200);

    const q = await questionnaire(korgau, 'adult');
    const answers = ['recruitment.deceived_nature_of_job', 'exploitation.excessive_hours', 'exploitation.low_or_no_salary', 'coercion.documents_confiscated', 'coercion.isolation'].map(
      (indicatorCode) => ({ indicatorCode, answer: 'yes' }),
    );
    const screening = await post(korgau, `/cases/${receipt.id}/screenings`, { questionnaireId: q.id, interviewedOn: '2026-11-03', answers });
    expect(screening.statusCode, screening.body).toBe(201);
    expect(screening.json().assessment.preliminary).toBe('exploited_migrant');
    // A second interview: she now tells how she was recruited. Both are kept.
    const second = await post(korgau, `/cases/${receipt.id}/screenings`, {
      questionnaireId: q.id,
      interviewedOn: '2026-11-05',
      answers: [...answers, { indicatorCode: 'recruitment.deceived_conditions', answer: 'yes' }],
    });
    expect(second.json().assessment.preliminary).toBe('probable_victim');

    const hotlineIntake = await post(hotlineWorker, '/cases', { ...adultIntake, referralSource: 'hotline', meetingContext: 'hotline_call', consents: [{ scope: 'processing', given: true, method: 'oral' }] });
    const notAuthorized = await post(hotlineWorker, `/cases/${hotlineIntake.json().id}/identification-decisions`, { outcome: 'identified', exploitationForms: ['labour'], reasons: 'Strong indicators' });
    expect(notAuthorized.statusCode).toBe(422);
    expect(notAuthorized.json()).toMatchObject({ reason: 'not_authorized_to_identify', detail: expect.stringMatching(/not authorized to identify/) });

    const decision = await post(korgau, `/cases/${receipt.id}/identification-decisions`, {
      outcome: 'identified',
      exploitationForms: ['sexual'],
      traffickingScope: 'internal',
      methodsOfControl: ['withholds_documents', 'debt_bondage'],
      reasons: 'Positive on deception, exploitation and coercion; no criminal case needed.',
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const twice = await post(korgau, `/cases/${receipt.id}/identification-decisions`, { outcome: 'not_identified', reasons: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().reason).toBe('decision_exists');

    // Referral to the shelter: the person agreed only to Korgau, so it needs an override with a reason.
    const withoutConsent = await post(korgau, `/cases/${receipt.id}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare'], reason: 'Safe housing', placement: true });
    expect(withoutConsent.statusCode).toBe(409);
    expect(withoutConsent.json()).toMatchObject({ reason: 'no_referral_consent', detail: expect.stringMatching(/not agreed/) });
    expect((await post(korgau, `/cases/${receipt.id}/consents`, { scope: 'referral', organizationId: ids['SHELTER-ALA'], given: true, method: 'written' })).statusCode).toBe(201);
    const shelterReferral = await post(korgau, `/cases/${receipt.id}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare', 'medical'], reason: 'Safe housing', placement: true });
    expect(shelterReferral.statusCode, shelterReferral.body).toBe(201);

    const early = await post(korgau, `/cases/${receipt.id}/services`, { serviceType: 'medical', providerOrganizationId: ids['SHELTER-ALA'] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'provider_not_accepted', detail: expect.stringMatching(/accepted a referral/) });

    const providersBefore = await get(korgau, '/referral-providers?regionCode=KZ-ALA&serviceType=medical');
    const shelterBefore = providersBefore.json().items.find((item: { organizationId: string }) => item.organizationId === ids['SHELTER-ALA']);
    const accepted = await post(shelter, `/referrals/${shelterReferral.json().id}/response`, { decision: 'accept', placementFrom: '2026-11-06' });
    expect(accepted.json().status).toBe('accepted');
    const providersAfter = await get(korgau, '/referral-providers?regionCode=KZ-ALA&serviceType=medical');
    const shelterAfter = providersAfter.json().items.find((item: { organizationId: string }) => item.organizationId === ids['SHELTER-ALA']);
    expect(shelterAfter.occupied).toBe(shelterBefore.occupied + 1);

    const service = await post(shelter, `/cases/${receipt.id}/services`, { serviceType: 'medical', providerOrganizationId: ids['SHELTER-ALA'], status: 'in_progress', plannedFrom: '2026-11-06' });
    expect(service.statusCode, service.body).toBe(201);
    const tooEarly = await post(korgau, `/cases/${receipt.id}/closure`, { outcome: 'reintegrated' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().reason).toBe('services_open');
    expect((await post(korgau, `/cases/${receipt.id}/closure`, {})).statusCode).toBe(400);
    const delivered = await app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${receipt.id}/services/${service.json().id}`,
      headers: shelter.headers(),
      payload: { status: 'delivered', deliveredOn: '2026-11-20' },
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect((await get(korgau, `/cases/${receipt.id}`)).json().summary.step).toBe('closure');

    const closed = await post(korgau, `/cases/${receipt.id}/closure`, { outcome: 'reintegrated' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('follow_up');
    const followUp = await post(korgau, `/cases/${receipt.id}/follow-ups`, { contactedOn: '2026-11-22', method: 'phone', note: 'Working, living with her sister', endFollowUp: true });
    expect(followUp.json().status).toBe('closed');

    const timeline = await get(korgau, `/cases/${receipt.id}/events?limit=100`);
    expect(timeline.json().items.map((event: { kind: string }) => event.kind).reverse()).toEqual([
      'case.created',
      'consent.recorded',
      'consent.recorded',
      'referral.requested',
      'referral.accepted',
      'screening.recorded',
      'screening.recorded',
      'identification.decided',
      'consent.recorded',
      'referral.requested',
      'referral.accepted',
      'service.recorded',
      'service.updated',
      'case.closed',
      'case.follow_up_ended',
    ]);
    expect(timeline.json().total).toBe(15);
    expect((await get(korgau, `/cases/${receipt.id}/events?limit=2&offset=13`)).json()).toMatchObject({ total: 15, items: [{ kind: 'consent.recorded' }, { kind: 'case.created' }] });
    expect((await get(korgau, `/cases/${receipt.id}/events?limit=2&offset=40`)).json()).toEqual({ items: [], total: 15 });

    const reopened = await post(korgau, `/cases/${receipt.id}/reopen`, { reason: 'Came back after a new job offer abroad', contactDate: '2026-11-23' });
    expect(reopened.json()).toMatchObject({ status: 'active', episode: 2, possibleRetrafficking: true, step: 'identification' });
  });

  it('takes a shelter off a case when it declines the referral, in the case row that lists and row-level security read', async () => {
    const caseId = await caseReferableToShelter();
    const reachInDatabase = () =>
      asSenimItself(testDatabase.database, async (trx) => {
        const row = await trx.selectFrom('nrm_cases').select(['involved_organization_ids', 'person_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
        const involvements = await trx.selectFrom('person_involvements').select('organization_id').where('person_id', '=', row.person_id).execute();
        return { onCase: [...row.involved_organization_ids].sort(), involved: [...new Set(involvements.map((entry) => entry.organization_id))].sort() };
      });
    expect((await reachInDatabase()).onCase).toEqual([ids['NGO-KORGAU-ASTANA']]);
    expect((await get(shelter, `/cases/${caseId}`)).statusCode).toBe(404);

    const referral = await post(korgau, `/cases/${caseId}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare'], reason: 'Safe housing', placement: true });
    expect(referral.statusCode, referral.body).toBe(201);
    const referred = await reachInDatabase();
    expect(referred.onCase).toEqual(referred.involved);
    expect(referred.onCase).toContain(ids['SHELTER-ALA']);
    expect((await get(shelter, `/cases/${caseId}`)).statusCode).toBe(200);
    expect((await get(shelter, '/cases?list=in_reach&limit=200')).json().items.map((item: { id: string }) => item.id)).toContain(caseId);

    // The shelter declines in its own transaction: it loses the case although it can no longer see the row.
    const declined = await post(shelter, `/referrals/${referral.json().id}/response`, { decision: 'decline', reason: 'No free bed' });
    expect(declined.statusCode, declined.body).toBe(200);
    const after = await reachInDatabase();
    expect(after.onCase).toEqual(after.involved);
    expect(after.onCase).not.toContain(ids['SHELTER-ALA']);
    expect((await get(shelter, `/cases/${caseId}`)).statusCode).toBe(404);
    expect((await get(shelter, '/cases?list=in_reach&limit=200')).json().items.map((item: { id: string }) => item.id)).not.toContain(caseId);
    expect((await get(korgau, `/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('ends a referral nobody answered when the case closes, and the provider loses sight of the case', async () => {
    const caseId = await caseReferableToShelter();
    const referral = await post(korgau, `/cases/${caseId}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare'], reason: 'Safe housing', placement: true });
    expect(referral.statusCode, referral.body).toBe(201);
    expect((await get(shelter, `/cases/${caseId}`)).statusCode).toBe(200);

    const closed = await post(korgau, `/cases/${caseId}/closure`, { outcome: 'left_programme', reason: 'Moved abroad', followUp: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await get(shelter, `/cases/${caseId}`)).statusCode).toBe(404);
    const detail = (await get(korgau, `/cases/${caseId}`)).json();
    expect(detail.referrals.map((entry: { id: string; status: string }) => [entry.id, entry.status])).toEqual([[referral.json().id, 'withdrawn']]);
    const kinds = (await get(korgau, `/cases/${caseId}/events`)).json().items.map((event: { kind: string }) => event.kind);
    expect(kinds[0]).toBe('case.closed');
  });

  it('lets police see a case only while the person consents to share it with them', async () => {
    const intake = await post(korgau, '/cases', { ...adultIntake, referralSource: 'self_referral', meetingContext: 'came_to_office', consents: [{ scope: 'processing', given: true, method: 'written' }] });
    const caseId = intake.json().id;
    expect((await get(investigator, `/cases/${caseId}`)).statusCode).toBe(404);
    const consent = await post(korgau, `/cases/${caseId}/consents`, { scope: 'police_sharing', organizationId: ids.MIA, given: true, method: 'written' });
    expect(consent.statusCode, consent.body).toBe(201);
    expect((await get(investigator, `/cases/${caseId}`)).statusCode).toBe(200);
    expect((await post(korgau, `/cases/${caseId}/consents/${consent.json().id}/withdraw`, {})).statusCode).toBe(200);
    expect((await get(investigator, `/cases/${caseId}`)).statusCode).toBe(404);
    const listed = await get(investigator, `/cases?code=${intake.json().code}`);
    expect(listed.json().total).toBe(0);

    // The person tells the investigator she withdraws: the investigator records it and loses sight of the case; the NGO sees it on the timeline.
    const again = await post(korgau, `/cases/${caseId}/consents`, { scope: 'police_sharing', organizationId: ids.MIA, given: true, method: 'oral' });
    expect((await get(investigator, `/cases/${caseId}`)).statusCode).toBe(200);
    const withdrawnByPolice = await post(investigator, `/cases/${caseId}/consents/${again.json().id}/withdraw`, {});
    expect(withdrawnByPolice.statusCode, withdrawnByPolice.body).toBe(200);
    expect((await get(investigator, `/cases/${caseId}`)).statusCode).toBe(404);
    const timeline = (await get(korgau, `/cases/${caseId}/events`)).json();
    expect(timeline.items.filter((event: { kind: string }) => event.kind === 'consent.withdrawn')).toHaveLength(2);
  });

  it('shows a child’s case only to named workers and lists it until a guardian is recorded', async () => {
    const intake = await post(korgau, '/cases', {
      ...adultIntake,
      ageYears: null,
      ageBasis: 'unknown',
      citizenship: 'UZB',
      firstContactDate: '2026-11-20',
      consents: [{ scope: 'processing', given: true, method: 'by_guardian' }],
    });
    const caseId = intake.json().id;
    const detail = (await get(korgau, `/cases/${caseId}`)).json();
    expect(detail.summary).toMatchObject({ child: true, foreign: true });
    expect(detail.migration).toMatchObject({ reflectionDays: 30, reflectionEndsOn: '2026-12-20' });
    expect(detail.dueNext.map((item: { kind: string }) => item.kind)).toEqual(expect.arrayContaining(['guardian', 'reflection_period_end', 'identification_decision']));

    expect((await get(korgauColleague, `/cases/${caseId}`)).statusCode).toBe(404);
    expect((await post(korgau, `/cases/${caseId}/workers`, { email: korgauColleagueUser.email })).statusCode).toBe(201);
    expect((await get(korgauColleague, `/cases/${caseId}`)).statusCode).toBe(200);

    const adultQuestionnaire = await questionnaire(korgau, 'adult');
    const wrong = await post(korgau, `/cases/${caseId}/screenings`, { questionnaireId: adultQuestionnaire.id, interviewedOn: '2026-11-21', answers: [{ indicatorCode: 'exploitation.excessive_hours', answer: 'yes' }] });
    expect(wrong.statusCode).toBe(422);
    const childQuestionnaire = await questionnaire(korgau, 'child');
    const screening = await post(korgau, `/cases/${caseId}/screenings`, {
      questionnaireId: childQuestionnaire.id,
      interviewedOn: '2026-11-21',
      answers: [
        { indicatorCode: 'child.recruited_through_family', answer: 'yes' },
        { indicatorCode: 'recruitment.documents_confiscated', answer: 'yes' },
        { indicatorCode: 'recruitment.debt_bondage', answer: 'yes' },
        { indicatorCode: 'child.worst_forms_of_labour', answer: 'yes' },
        { indicatorCode: 'child.out_of_school', answer: 'yes' },
      ],
    });
    expect(screening.json().assessment).toMatchObject({ preliminary: 'probable_victim', childRuleApplied: true });

    const waiting = await get(korgau, '/cases?list=children_without_guardian&limit=200');
    expect(waiting.json().items.map((item: { id: string }) => item.id)).toContain(caseId);
    const ending = await get(korgau, '/cases?list=reflection_ending&days=40&limit=200');
    expect(ending.json().items.map((item: { id: string }) => item.id)).toContain(caseId);
    const guardian = await app.inject({ method: 'PUT', url: `/api/v1/cases/${caseId}/child-protection`, headers: korgau.headers(), payload: { guardianKind: 'guardianship_authority', bestInterestsAssessedOn: '2026-11-22' } });
    expect(guardian.statusCode, guardian.body).toBe(200);
    const after = await get(korgau, '/cases?list=children_without_guardian&limit=200');
    expect(after.json().items.map((item: { id: string }) => item.id)).not.toContain(caseId);
  });

  it('takes today in Kazakhstan as a first contact in the evening, when UTC is still on the day before, and refuses the day after', async () => {
    // The latest 20:30 UTC already past: 01:30 of the next day in Astana. Only Date is faked; the session, made before, stays valid.
    const evening = new Date();
    if (evening.getUTCHours() * 60 + evening.getUTCMinutes() < 20 * 60 + 30) {
      evening.setUTCDate(evening.getUTCDate() - 1);
    }
    evening.setUTCHours(20, 30, 0, 0);
    const astanaToday = new Date(evening.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
    const astanaTomorrow = new Date(evening.getTime() + 29 * 3600_000).toISOString().slice(0, 10);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(evening);
    try {
      const consents = [{ scope: 'processing', given: true, method: 'written' }];
      const tonight = await post(korgau, '/cases', { ...adultIntake, firstContactDate: astanaToday, consents });
      expect(tonight.statusCode, tonight.body).toBe(201);
      const tomorrow = await post(korgau, '/cases', { ...adultIntake, firstContactDate: astanaTomorrow, consents });
      expect(tomorrow.statusCode).toBe(400);
      expect(tomorrow.json().errors).toEqual([{ field: 'body.firstContactDate', message: 'is in the future' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists decisions past their target, and counts an anonymous notification without any person', async () => {
    const intake = await post(korgau, '/cases', { ...adultIntake, consents: [{ scope: 'processing', given: true, method: 'written' }] });
    const caseId = intake.json().id;
    const dueNow = await get(korgau, '/cases?list=decisions_overdue&limit=200');
    expect(dueNow.json().items.map((item: { id: string }) => item.id)).not.toContain(caseId);
    // Pretend the referral came three weeks ago.
    await asSenimItself(testDatabase.database, (trx) => trx.updateTable('nrm_cases').set({ decision_due_on: '2026-11-06' }).where('id', '=', caseId).execute());
    const overdue = await get(korgau, '/cases?list=decisions_overdue&limit=200');
    expect(overdue.json().items.map((item: { id: string }) => item.id)).toContain(caseId);
    // Every page tells the same total, a page past the end too.
    const inReach = (await get(korgau, '/cases?list=in_reach&limit=200')).json();
    expect(inReach.total).toBe(inReach.items.length);
    expect(inReach.total).toBeGreaterThan(1);
    const secondPage = (await get(korgau, '/cases?list=in_reach&limit=1&offset=1')).json();
    expect(secondPage).toMatchObject({ total: inReach.total, items: [{ id: inReach.items[1].id }] });
    expect((await get(korgau, '/cases?list=in_reach&limit=1&offset=10000')).json()).toEqual({ items: [], total: inReach.total });

    const notification = await post(police, '/anonymous-notifications', {
      contactDate: '2026-11-10',
      regionCode: 'KZ-AST',
      referralSource: 'police',
      meetingContext: 'workplace_inspection',
      sex: 'male',
      ageGroup: 'adult',
      citizenship: 'KGZ',
      exploitationForms: ['labour'],
    });
    expect(notification.statusCode, notification.body).toBe(201);
    expect(Object.keys(notification.json())).not.toContain('personId');
    const future = await post(police, '/anonymous-notifications', { ...notification.json(), contactDate: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    const child = await post(police, '/anonymous-notifications', { ...notification.json(), ageGroup: 'child' });
    expect(child.statusCode).toBe(422);
    expect(child.json().errors[0].field).toBe('body.ageGroup');
  });

  it('prints a case summary without identity by default, and with it only on an audited purpose', async () => {
    const intake = await post(korgau, '/cases', {
      ...adultIntake,
      identity: { names: [{ given: 'Жазира', family: 'Омарова' }] },
      consents: [{ scope: 'processing', given: true, method: 'written' }],
    });
    const caseId = intake.json().id;
    const plain = await get(korgau, `/cases/${caseId}/summary.pdf?language=ru`);
    expect(plain.statusCode, plain.body.slice(0, 200)).toBe(200);
    expect(plain.headers['content-type']).toBe('application/pdf');
    expect(plain.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const noPurpose = await get(korgau, `/cases/${caseId}/summary.pdf?includeIdentity=true`);
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().errors[0].field).toBe('query.purpose');
    const withIdentity = await get(korgau, `/cases/${caseId}/summary.pdf?includeIdentity=true&purpose=${encodeURIComponent('court hearing file')}`);
    expect(withIdentity.statusCode).toBe(200);
    const trail = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['action', 'purpose'])
      .where('record_id', 'in', [caseId, intake.json().personId])
      .where('action', 'in', ['case.summary_printed', 'person.identity_read'])
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'case.summary_printed', purpose: null },
      { action: 'person.identity_read', purpose: 'court hearing file' },
      { action: 'case.summary_printed', purpose: null },
    ]);
  });
});

describe('row-level security on a case’s records', () => {
  // The records of a case, as the database shows them to an organization with no where clause of ours: only the policies limit them.
  const asOrganization = <T>(organizationId: string, queries: (trx: Transaction<Database>) => Promise<T>) =>
    asOrganizationInDatabase(testDatabase.database, organizationId, queries);
  const recordsAs = async (organizationId: string, caseId: string) =>
    asOrganization(organizationId, async (trx) => {
      const counts = await sql<{ events: string; consents: string; referrals: string; workers: string; screenings: string; observations: string }>`
        select (select count(*) from case_events where case_id = ${caseId}) events,
          (select count(*) from case_consents where case_id = ${caseId}) consents,
          (select count(*) from case_referrals where case_id = ${caseId}) referrals,
          (select count(*) from case_workers where case_id = ${caseId}) workers,
          (select count(*) from case_screenings where case_id = ${caseId}) screenings,
          (select count(*) from screening_observations o join case_screenings s on s.id = o.screening_id where s.case_id = ${caseId}) observations`.execute(trx);
      const row = counts.rows[0];
      return { events: Number(row?.events), consents: Number(row?.consents), referrals: Number(row?.referrals), workers: Number(row?.workers), screenings: Number(row?.screenings), observations: Number(row?.observations) };
    });

  it('shows a case’s timeline, consents, screenings, referrals and workers only to organizations that see the case, and takes no record for a case out of sight', async () => {
    const caseId = await caseReferableToShelter();
    const adultQuestionnaire = await questionnaire(korgau, 'adult');
    const screening = await post(korgau, `/cases/${caseId}/screenings`, { questionnaireId: adultQuestionnaire.id, interviewedOn: '2026-11-03', answers: [{ indicatorCode: 'exploitation.excessive_hours', answer: 'yes' }] });
    expect(screening.statusCode, screening.body).toBe(201);
    const referral = await post(korgau, `/cases/${caseId}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare'], reason: 'Safe housing', placement: false });
    expect(referral.statusCode, referral.body).toBe(201);

    const involved = await recordsAs(ids['NGO-KORGAU-ASTANA'] ?? '', caseId);
    expect(involved).toMatchObject({ consents: 2, referrals: 1, workers: 1, screenings: 1, observations: 1 });
    expect(involved.events).toBeGreaterThanOrEqual(4);
    // Police have no consent to share: the database shows them nothing of the case, whatever the query asks.
    expect(await recordsAs(ids.MIA ?? '', caseId)).toEqual({ events: 0, consents: 0, referrals: 0, workers: 0, screenings: 0, observations: 0 });

    const intoUnseenCase = asOrganization(ids.MIA ?? '', (trx) => sql`insert into case_events (case_id, kind, details) values (${caseId}, 'case.note', '{}')`.execute(trx));
    await expect(intoUnseenCase).rejects.toThrow(/row-level security/);
  });

  it('covers every table that holds a case’s records, a table added later included', async () => {
    // Intake receipts are the one exception: a code and a date, kept by their recorder after the case leaves its sight.
    const unguarded = await sql<{ table_name: string }>`
      select distinct c.relname as table_name
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = c.oid and a.attname in ('case_id', 'screening_id') and not a.attisdropped
      where c.relkind = 'r' and c.relname <> 'intake_receipts' and not (c.relrowsecurity and c.relforcerowsecurity)
      order by 1`.execute(testDatabase.database.db);
    expect(unguarded.rows.map((row) => row.table_name)).toEqual([]);
  });

  it('counts a provider’s beds taken in cases the asking organization cannot see', async () => {
    const caseId = await caseReferableToShelter();
    const occupiedAs = async (user: SignedIn) =>
      (await get(user, '/referral-providers?regionCode=KZ-ALA')).json().items.find((item: { organizationId: string }) => item.organizationId === ids['SHELTER-ALA'])?.occupied as number;
    const before = await occupiedAs(hotlineWorker);
    const referral = await post(korgau, `/cases/${caseId}/referrals`, { toOrganizationId: ids['SHELTER-ALA'], serviceTypes: ['social_welfare'], reason: 'Safe housing', placement: true });
    expect(referral.statusCode, referral.body).toBe(201);
    const accepted = await post(shelter, `/referrals/${referral.json().id}/response`, { decision: 'accept', placementFrom: '2026-11-06' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The hotline is not involved in this case, yet the shelter has one bed fewer for everyone.
    expect((await get(hotlineWorker, `/cases/${caseId}`)).statusCode).toBe(404);
    expect(await occupiedAs(hotlineWorker)).toBe(before + 1);
    expect(await occupiedAs(korgau)).toBe(before + 1);
  });

  it('gives the functions that read past the wall the scope all only while they run', async () => {
    // Were the scope left at 'all', the rest of the organization's transaction would see every case.
    const caseId = await caseReferableToShelter();
    const seen = await asOrganization(ids['SHELTER-ALA'] ?? '', async (trx) => {
      const scope = async () => (await sql<{ scope: string }>`select current_setting('senim.scope') as scope`.execute(trx)).rows[0]?.scope;
      const casesInSight = async () => Number((await sql<{ count: string }>`select count(*) from nrm_cases where id = ${caseId}`.execute(trx)).rows[0]?.count);
      const before = { scope: await scope(), cases: await casesInSight() };
      // A statement trigger fires even when no row changes.
      await sql`update person_involvements set organization_id = organization_id where false`.execute(trx);
      const afterTrigger = { scope: await scope(), cases: await casesInSight() };
      await sql`select * from senim_occupied_places_unscoped(array[${ids['SHELTER-ALA']}]::uuid[], current_date)`.execute(trx);
      return { before, afterTrigger, afterCount: { scope: await scope(), cases: await casesInSight() } };
    });
    expect(seen).toEqual({ before: { scope: 'involved', cases: 0 }, afterTrigger: { scope: 'involved', cases: 0 }, afterCount: { scope: 'involved', cases: 0 } });
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';

// A trafficking case registered in Astana under art. 128 part 3 of the 2014
// Code, tried under art. 309, with two victims assisted by Korgau: one a
// citizen, one a citizen of Uzbekistan who did not agree to share her case
// with police. What her case worker sees of it, what the investigator
// records of state protection, and the compensation both victims claim.

let testDatabase: TestDatabase;
let app: SenimApp;
let investigatorUser: TestUser;
let investigator: SignedIn;
let otherBodyInvestigator: SignedIn;
let korgau: SignedIn;
let sanaSezim: SignedIn;
let shelter: SignedIn;
let citizenCaseId: string;
let foreignCaseId: string;
let unlinkedCaseId: string;
let proceedingId: string;
let otherProceedingId: string;
const defendantIds: string[] = [];
const secrets = { defendantName: `Defendantov${randomBytes(3).toString('hex')}`, stageReason: 'Returned: witness Serikbayev retracted', qualificationReason: 'Evidence of brothel-keeping in the file', note: 'Suspect file note' };

const api = (url: string) => `/api/v1${url}`;
const post = (user: SignedIn, url: string, payload: object) => app.inject({ method: 'POST', url: api(url), headers: user.headers(), payload });
const patch = (user: SignedIn, url: string, payload: object) => app.inject({ method: 'PATCH', url: api(url), headers: user.headers(), payload });
const get = (user: SignedIn, url: string) => app.inject({ method: 'GET', url: api(url), headers: user.headers() });

async function articleId(edition: '1997' | '2014', article: string): Promise<number> {
  return (await testDatabase.database.db.selectFrom('criminal_code_articles').select('id').where('edition', '=', edition).where('article', '=', article).executeTakeFirstOrThrow()).id;
}

async function organizationId(code: string): Promise<string> {
  return (await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A proceeding of the MIA in Astana, written as the register has it; the cases linked as victims. */
async function registerProceeding(caseIds: string[]): Promise<string> {
  const id = randomUUID();
  const db = testDatabase.database.db;
  const [mia, astana, art128, art309] = [
    await organizationId('MIA'),
    (await db.selectFrom('regions').select('id').where('code', '=', 'KZ-AST').executeTakeFirstOrThrow()).id,
    await articleId('2014', '128'),
    await articleId('2014', '309'),
  ];
  await db
    .insertInto('criminal_proceedings')
    .values({
      id,
      register_number: `26751${randomBytes(5).toString('hex').replace(/\D/g, '').padEnd(10, '7').slice(0, 10)}`,
      registered_on: '2026-03-10',
      code_edition: '2014',
      registering_organization_id: mia,
      investigating_organization_id: mia,
      investigating_unit: 'criminal_police',
      region_id: astana,
      investigator_user_id: investigatorUser.id,
      stage: 'first_instance_verdict',
      stage_since: '2026-09-20',
      created_by: investigatorUser.id,
    })
    .execute();
  await db
    .insertInto('proceeding_stage_changes')
    .values([
      { proceeding_id: id, stage: 'registered', occurred_on: '2026-03-10', reason: null },
      { proceeding_id: id, stage: 'pre_trial_investigation', occurred_on: '2026-03-11', reason: null },
      { proceeding_id: id, stage: 'sent_to_court', occurred_on: '2026-06-01', reason: null },
      { proceeding_id: id, stage: 'pre_trial_investigation', occurred_on: '2026-06-15', reason: secrets.stageReason },
      { proceeding_id: id, stage: 'sent_to_court', occurred_on: '2026-07-20', reason: null },
      { proceeding_id: id, stage: 'first_instance_verdict', occurred_on: '2026-09-20', reason: null },
    ])
    .execute();
  const registration = await db
    .insertInto('proceeding_qualifications')
    .values({ proceeding_id: id, sequence: 1, decided_on: '2026-03-10', phase: 'registration', reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('proceeding_qualification_articles').values({ qualification_id: registration.id, article_id: art128, part: '3', paragraph: null }).execute();
  const court = await db
    .insertInto('proceeding_qualifications')
    .values({ proceeding_id: id, sequence: 2, decided_on: '2026-07-20', phase: 'indictment', reason: secrets.qualificationReason })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('proceeding_qualification_articles').values({ qualification_id: court.id, article_id: art309, part: '2', paragraph: null }).execute();
  for (const caseId of caseIds) {
    await asSenimItself(testDatabase.database, (trx) =>
      trx.insertInto('proceeding_cases').values({ proceeding_id: id, case_id: caseId, procedural_status: 'victim', non_punishment_review: null, non_punishment_note: null }).execute(),
    );
  }
  return id;
}

/** Three defendants: two convicted under art. 309, one convicted at first instance and acquitted on appeal. */
async function recordVerdicts(id: string): Promise<void> {
  const db = testDatabase.database.db;
  const art309 = await articleId('2014', '309');
  for (const [index, role] of (['organizer', 'accomplice', 'perpetrator'] as const).entries()) {
    const defendantId = randomUUID();
    defendantIds.push(defendantId);
    await db
      .insertInto('proceeding_defendants')
      .values({
        id: defendantId,
        proceeding_id: id,
        // Readable on purpose: whatever the column held, the case's view must not carry it.
        sealed_identity: `${secrets.defendantName}-${index}`,
        key_id: 'test',
        sex: 'male',
        age_years: 40 + index,
        citizenship: 'KAZ',
        organized_group: true,
        role,
        procedural_status: 'accused',
      })
      .execute();
    const convicted = { conviction_article_id: art309, conviction_part: '2', outcome: 'convicted' as const };
    await db
      .insertInto('defendant_verdicts')
      .values({
        defendant_id: defendantId,
        instance: 'first_instance',
        decided_on: '2026-09-20',
        ...convicted,
        sentence_kind: index === 0 ? 'imprisonment' : 'suspended',
        sentence_months: index === 0 ? 84 : 36,
        fine_tenge: null,
        confiscation: index === 0,
      })
      .execute();
    if (index === 2) {
      await db
        .insertInto('defendant_verdicts')
        .values({ defendant_id: defendantId, instance: 'appeal', decided_on: '2026-11-10', outcome: 'acquitted', conviction_article_id: null, conviction_part: null, sentence_kind: null, sentence_months: null, fine_tenge: null })
        .execute();
    }
  }
}

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  investigatorUser = await createTestUser(database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-AST'] });
  investigator = await signIn(app, investigatorUser);
  otherBodyInvestigator = await signIn(app, await createTestUser(database, { organizationCode: 'NSC', roles: ['investigator'], regionCodes: ['KZ-AST'] }));
  korgau = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  sanaSezim = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-SANA-SEZIM', roles: ['case_worker'] }));
  shelter = await signIn(app, await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['service_provider'] }));
  citizenCaseId = (await recordSelfReferredIntake(app, korgau)).id;
  foreignCaseId = (await recordSelfReferredIntake(app, korgau, { citizenship: 'UZB', firstContactDate: '2026-03-01' })).id;
  unlinkedCaseId = (await recordSelfReferredIntake(app, korgau)).id;
  proceedingId = await registerProceeding([citizenCaseId, foreignCaseId]);
  otherProceedingId = await registerProceeding([unlinkedCaseId]);
  await asSenimItself(testDatabase.database, (trx) =>
    trx
      .updateTable('proceeding_cases')
      .set({ procedural_status: 'suspect', non_punishment_review: 'pending', non_punishment_note: secrets.note })
      .where('proceeding_id', '=', otherProceedingId)
      .execute(),
  );
  await recordVerdicts(proceedingId);
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

describe("the case's view of its criminal proceedings", () => {
  it('shows her case worker the stage, its dates, the articles then and now, and the verdicts as counts', async () => {
    const response = await get(korgau, `/cases/${citizenCaseId}/proceedings`);
    expect(response.statusCode, response.body).toBe(200);
    const [proceeding, ...others] = response.json().items;
    expect(others).toEqual([]);
    expect(proceeding).toMatchObject({
      proceedingId,
      registeredOn: '2026-03-10',
      codeEdition: '2014',
      investigatingBody: { id: await organizationId('MIA') },
      region: { code: 'KZ-AST' },
      stage: 'first_instance_verdict',
      stageSince: '2026-09-20',
      proceduralStatus: 'victim',
      qualifiedOn: '2026-07-20',
      qualificationPhase: 'indictment',
    });
    expect(proceeding.stages.map((stage: { stage: string }) => stage.stage)).toEqual([
      'registered',
      'pre_trial_investigation',
      'sent_to_court',
      'pre_trial_investigation',
      'sent_to_court',
      'first_instance_verdict',
    ]);
    expect(proceeding.articlesAtRegistration.map((article: { ref: { ru: string } }) => article.ref.ru)).toEqual(['128 ч.3']);
    expect(proceeding.articlesNow.map((article: { ref: { en: string } }) => article.ref.en)).toEqual(['309(2)']);
    // The appeal acquitted the third: in force, two convicted and one acquitted.
    expect(proceeding.outcome).toMatchObject({ convicted: 2, acquitted: 1, dismissed: 0, confiscations: 1, lastDecidedOn: '2026-11-10' });
    expect(proceeding.outcome.sentences).toEqual(expect.arrayContaining([{ kind: 'imprisonment', count: 1 }, { kind: 'suspended', count: 1 }]));
    expect(proceeding.outcome.convictionArticles.map((article: { ref: { en: string } }) => article.ref.en)).toEqual(['309(2)']);
  });

  it('never carries a defendant, the investigator or the investigative file', async () => {
    const body = (await get(korgau, `/cases/${citizenCaseId}/proceedings`)).body;
    for (const secret of [secrets.defendantName, secrets.stageReason, secrets.qualificationReason, investigatorUser.id, investigatorUser.email, ...defendantIds]) {
      expect(body).not.toContain(secret);
    }
    expect(body).not.toMatch(/defendant|investigator|sealed|identity/i);
    const suspect = await get(korgau, `/cases/${unlinkedCaseId}/proceedings`);
    expect(suspect.json().items[0]).toMatchObject({ proceduralStatus: 'suspect', nonPunishmentReview: 'pending' });
    expect(suspect.body).not.toContain(secrets.note);
  });

  it('answers 404 to a user of another NGO not involved in the case, as the case page does', async () => {
    expect((await get(sanaSezim, `/cases/${citizenCaseId}`)).statusCode).toBe(404);
    const response = await get(sanaSezim, `/cases/${citizenCaseId}/proceedings`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(proceedingId);
  });

  it('answers an investigator only about cases the person agreed to share with police', async () => {
    expect((await get(investigator, `/cases/${foreignCaseId}/proceedings`)).statusCode).toBe(404);
    const consent = await post(korgau, `/cases/${citizenCaseId}/consents`, { scope: 'police_sharing', organizationId: await organizationId('MIA'), given: true, method: 'written' });
    expect(consent.statusCode, consent.body).toBe(201);
    const response = await get(investigator, `/cases/${citizenCaseId}/proceedings`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items[0].proceedingId).toBe(proceedingId);
  });
});

describe('state protection', () => {
  const granted = { requestedOn: '2026-04-01', decision: 'granted', decidedOn: '2026-04-03', measures: ['personal_security', 'change_of_residence'], startsOn: '2026-04-04', endsOn: '2027-04-04' };

  it('refuses a grant without measures, naming the field', async () => {
    const response = await post(investigator, `/proceedings/${proceedingId}/protections`, { ...granted, caseId: foreignCaseId, measures: [] });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ reason: 'protection_needs_measures', errors: [{ field: 'body.measures' }] });
  });

  it('is recorded by the investigating body for a victim it cannot see, and shows on her case only', async () => {
    const response = await post(investigator, `/proceedings/${proceedingId}/protections`, { ...granted, caseId: foreignCaseId });
    expect(response.statusCode, response.body).toBe(201);
    const protection = response.json();
    expect(protection).toMatchObject({ caseId: foreignCaseId, decision: 'granted', measures: ['personal_security', 'change_of_residence'], endsOn: '2027-04-04' });

    const view = (await get(korgau, `/cases/${foreignCaseId}/proceedings`)).json();
    expect(view.items[0].protections).toEqual([protection]);
    const events = async (caseId: string) => (await get(korgau, `/cases/${caseId}/events?limit=200`)).json().items.map((event: { kind: string; details: Record<string, unknown> }) => event);
    expect((await events(foreignCaseId)).find((event: { kind: string }) => event.kind === 'proceeding.protection')?.details).toMatchObject({ decision: 'granted', proceedingId });
    // That a witness is protected is for her case alone: the other victim's timeline says nothing.
    expect((await events(citizenCaseId)).some((event: { kind: string }) => event.kind === 'proceeding.protection')).toBe(false);
    expect((await get(korgau, `/cases/${citizenCaseId}/proceedings`)).json().items[0].protections).toEqual([]);

    const listed = await get(investigator, `/proceedings/${proceedingId}/protections`);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([protection.id]);
    const audited = await asSenimItself(testDatabase.database, (trx) =>
      trx.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'proceeding.protection_recorded').where('record_id', '=', proceedingId).execute(),
    );
    expect(audited).toHaveLength(1);
  });

  it('keeps its dates in order and a refusal with its reason when changed', async () => {
    const created = (await post(investigator, `/proceedings/${proceedingId}/protections`, { caseId: citizenCaseId, requestedOn: '2026-05-01' })).json();
    expect(created.decision).toBe('pending');
    const refusedWithoutReason = await patch(investigator, `/proceedings/${proceedingId}/protections/${created.id}`, { decision: 'refused', decidedOn: '2026-05-03' });
    expect(refusedWithoutReason.statusCode).toBe(422);
    expect(refusedWithoutReason.json()).toMatchObject({ reason: 'refusal_needs_reason', errors: [{ field: 'body.refusalReason' }] });
    const grantedBackwards = await patch(investigator, `/proceedings/${proceedingId}/protections/${created.id}`, {
      decision: 'granted',
      decidedOn: '2026-05-03',
      measures: ['confidentiality_of_identity'],
      startsOn: '2026-05-04',
      endsOn: '2026-05-02',
    });
    expect(grantedBackwards.json()).toMatchObject({ status: 422, reason: 'ends_before_start', errors: [{ field: 'body.endsOn' }] });
    const future = await patch(investigator, `/proceedings/${proceedingId}/protections/${created.id}`, { decision: 'granted', decidedOn: '2099-01-01', measures: ['closed_court_session'] });
    expect(future.json()).toMatchObject({ status: 422, reason: 'date_in_future', errors: [{ field: 'body.decidedOn' }] });
    const refused = await patch(investigator, `/proceedings/${proceedingId}/protections/${created.id}`, { decision: 'refused', decidedOn: '2026-05-03', refusalReason: 'No threat established' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ decision: 'refused', refusalReason: 'No threat established' });
  });

  it('is out of reach of another body, and only for a case linked to the proceeding', async () => {
    expect((await post(otherBodyInvestigator, `/proceedings/${proceedingId}/protections`, { ...granted, caseId: foreignCaseId })).statusCode).toBe(404);
    expect((await get(otherBodyInvestigator, `/proceedings/${proceedingId}/protections`)).statusCode).toBe(404);
    const unlinked = await post(investigator, `/proceedings/${proceedingId}/protections`, { ...granted, caseId: unlinkedCaseId });
    expect(unlinked.statusCode).toBe(422);
    expect(unlinked.json()).toMatchObject({ reason: 'proceeding_not_linked', errors: [{ field: 'body.caseId' }] });
    expect((await post(korgau, `/proceedings/${proceedingId}/protections`, { ...granted, caseId: foreignCaseId })).statusCode).toBe(403);
  });
});

describe('compensation', () => {
  it('records a civil claim in a proceeding linked to the case, then the award and what was paid', async () => {
    const claimed = await post(korgau, `/cases/${citizenCaseId}/civil-claims`, { proceedingId, claimedTenge: 2_500_000, claimedOn: '2026-06-01' });
    expect(claimed.statusCode, claimed.body).toBe(201);
    const claim = claimed.json();
    expect(claim).toMatchObject({ proceedingId, claimedTenge: 2_500_000, awardedTenge: null, paidTenge: null });
    const awarded = await patch(korgau, `/cases/${citizenCaseId}/civil-claims/${claim.id}`, { awardedTenge: 1_800_000, awardedOn: '2026-09-20', paidTenge: 400_000, paidOn: '2026-11-01' });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json()).toMatchObject({ awardedTenge: 1_800_000, paidTenge: 400_000, paidOn: '2026-11-01' });
    const halfGiven = await patch(korgau, `/cases/${citizenCaseId}/civil-claims/${claim.id}`, { paidTenge: 500_000 });
    expect(halfGiven.statusCode).toBe(200);
    const view = (await get(korgau, `/cases/${citizenCaseId}/proceedings`)).json();
    expect(view.items[0].civilClaims).toEqual([expect.objectContaining({ id: claim.id, awardedTenge: 1_800_000, paidTenge: 500_000 })]);
  });

  it('refuses a civil claim in a proceeding not linked to the case, naming the field', async () => {
    const response = await post(korgau, `/cases/${citizenCaseId}/civil-claims`, { proceedingId: otherProceedingId, claimedTenge: 100_000, claimedOn: '2026-06-01' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ reason: 'proceeding_not_linked', errors: [{ field: 'body.proceedingId' }] });
    const award = await post(korgau, `/cases/${citizenCaseId}/civil-claims`, { proceedingId, claimedTenge: 100_000, claimedOn: '2026-06-01', awardedTenge: 100_000 });
    expect(award.json()).toMatchObject({ status: 422, reason: 'amount_needs_date', errors: [{ field: 'body.awardedOn' }] });
    const negative = await post(korgau, `/cases/${citizenCaseId}/civil-claims`, { proceedingId, claimedTenge: -5, claimedOn: '2026-06-01' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('body.claimedTenge');
  });

  it('converts 30 MCI granted by the Victims Compensation Fund in 2026 into 129 750 tenge, and records the payment', async () => {
    const granted = await post(korgau, `/cases/${citizenCaseId}/fund-compensations`, { proceedingId, appliedOn: '2026-10-01', decision: 'granted', decidedOn: '2026-10-20', amountMci: 30 });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({ decision: 'granted', amountMci: 30, mciYear: 2026, mciValueTenge: 4325, amountTenge: 129_750, paidOn: null });
    const paid = await patch(korgau, `/cases/${citizenCaseId}/fund-compensations/${granted.json().id}`, { paidOn: '2026-11-15' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ amountTenge: 129_750, paidOn: '2026-11-15' });
    const view = (await get(korgau, `/cases/${citizenCaseId}/proceedings`)).json();
    expect(view.fundCompensations).toEqual([expect.objectContaining({ id: granted.json().id, amountTenge: 129_750, paidOn: '2026-11-15', registerNumber: view.items[0].registerNumber })]);
    const events = (await get(korgau, `/cases/${citizenCaseId}/events`)).json().items.filter((event: { kind: string }) => event.kind === 'proceeding.compensation');
    expect(events[0].details).toMatchObject({ compensation: 'fund', amountTenge: 129_750, paidOn: '2026-11-15' });
    const audited = await asSenimItself(testDatabase.database, (trx) =>
      trx.selectFrom('audit_events').select('action').where('record_id', '=', citizenCaseId).where('action', 'in', ['case.fund_compensation_recorded', 'case.fund_compensation_updated']).execute(),
    );
    expect(audited.map((event) => event.action).sort()).toEqual(['case.fund_compensation_recorded', 'case.fund_compensation_updated']);
  });

  it('refuses a payment before a grant with 409', async () => {
    const pending = await post(korgau, `/cases/${citizenCaseId}/fund-compensations`, { appliedOn: '2026-10-01', paidOn: '2026-10-02' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ reason: 'payment_before_decision', errors: [{ field: 'body.paidOn' }] });
    const applied = (await post(korgau, `/cases/${citizenCaseId}/fund-compensations`, { appliedOn: '2026-10-01' })).json();
    const payLater = await patch(korgau, `/cases/${citizenCaseId}/fund-compensations/${applied.id}`, { paidOn: '2026-10-02' });
    expect(payLater.statusCode).toBe(409);
  });

  it('wants a refusal with its reason, and an index for the year of the decision', async () => {
    const refused = await post(korgau, `/cases/${citizenCaseId}/fund-compensations`, { appliedOn: '2026-10-01', decision: 'refused', decidedOn: '2026-10-05' });
    expect(refused.json()).toMatchObject({ status: 422, reason: 'refusal_needs_reason', errors: [{ field: 'body.refusalReason' }] });
    const before = await post(korgau, `/cases/${citizenCaseId}/fund-compensations`, { appliedOn: '2012-10-01', decision: 'granted', decidedOn: '2012-10-05', amountMci: 10 });
    expect(before.json()).toMatchObject({ status: 422, reason: 'mci_year_unknown', errors: [{ field: 'body.decidedOn' }] });
  });

  it('records compensation of a foreign victim like anyone’s: no form asks for citizenship', async () => {
    const claim = await post(korgau, `/cases/${foreignCaseId}/civil-claims`, { proceedingId, claimedTenge: 900_000, claimedOn: '2026-06-02' });
    expect(claim.statusCode, claim.body).toBe(201);
    const fund = await post(korgau, `/cases/${foreignCaseId}/fund-compensations`, { appliedOn: '2026-10-01', decision: 'granted', decidedOn: '2026-10-20', amountMci: 30, paidOn: '2026-11-01' });
    expect(fund.statusCode, fund.body).toBe(201);
    expect(fund.json()).toMatchObject({ proceedingId: null, amountTenge: 129_750, paidOn: '2026-11-01' });
  });

  it('is for those who assist the victim on her case: not the investigator, not an organization outside the case', async () => {
    const payload = { appliedOn: '2026-10-01' };
    expect((await post(investigator, `/cases/${citizenCaseId}/fund-compensations`, payload)).statusCode).toBe(403);
    expect((await post(shelter, `/cases/${citizenCaseId}/fund-compensations`, payload)).statusCode).toBe(404);
    expect((await post(sanaSezim, `/cases/${citizenCaseId}/civil-claims`, { proceedingId, claimedTenge: 1, claimedOn: '2026-06-01' })).statusCode).toBe(404);
    expect((await patch(korgau, `/cases/${citizenCaseId}/fund-compensations/${randomUUID()}`, { paidOn: '2026-10-02' })).statusCode).toBe(404);
  });
});

describe('monthly calculation index', () => {
  it('lists the index by year for any signed-in user', async () => {
    const response = await get(sanaSezim, '/reference/monthly-calculation-indices');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual(expect.arrayContaining([{ year: 2026, valueTenge: 4325 }, { year: 2013, valueTenge: 1731 }]));
    expect((await app.inject({ method: 'GET', url: api('/reference/monthly-calculation-indices') })).statusCode).toBe(401);
  });
});

import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let investigator: SignedIn;
let investigatorUserId: string;
let colleagueInAstana: SignedIn;
let nscInvestigator: SignedIn;
let caseWorker: SignedIn;
const organizations: Record<string, string> = {};
const articles: Record<string, number> = {};

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  for (const code of ['MIA', 'NSC', 'PGO', 'NGO-KORGAU-ASTANA']) {
    organizations[code] = (await database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  }
  const investigatorUser = await createTestUser(database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-ALA'], label: 'investigator-almaty' });
  investigatorUserId = investigatorUser.id;
  investigator = await signIn(app, investigatorUser);
  colleagueInAstana = await signIn(app, await createTestUser(database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-AST'] }));
  nscInvestigator = await signIn(app, await createTestUser(database, { organizationCode: 'NSC', roles: ['investigator'], regionCodes: ['KZ-ALA'] }));
  caseWorker = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  const choices = await get(investigator, '/proceedings/articles');
  expect(choices.statusCode, choices.body).toBe(200);
  for (const choice of choices.json<{ items: { articleId: number; edition: string; article: string }[] }>().items) {
    articles[`${choice.edition}:${choice.article}`] = choice.articleId;
  }
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

async function post(user: SignedIn, url: string, payload: object) {
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: user.headers(), payload });
}

async function patch(user: SignedIn, url: string, payload: object) {
  return app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: user.headers(), payload });
}

async function get(user: SignedIn, url: string) {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: user.headers() });
}

function article(edition: '1997' | '2014', ref: string): number {
  const id = articles[`${edition}:${ref}`];
  if (id === undefined) {
    throw new Error(`No article ${ref} of the ${edition} Code in the reference data`);
  }
  return id;
}

/** A fresh ERDR number: 15 digits, unique per call. */
function erdrNumber(): string {
  return `2675${String(randomInt(10 ** 10)).padStart(11, '0')}`;
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A woman who came to Korgau herself; with `consentToPolice`, she agreed to her case being shared with the MIA. */
async function victimCase(name: string, consentToPolice: boolean) {
  return recordSelfReferredIntake(app, caseWorker, {
    identity: { names: [{ given: name, family: 'Seitkali' }] },
    consents: [
      { scope: 'processing', given: true, method: 'written' },
      ...(consentToPolice ? [{ scope: 'police_sharing', organizationId: organizations.MIA, given: true, method: 'written' }] : []),
    ],
  });
}

function registration(different: Record<string, unknown> = {}) {
  return {
    registerNumber: erdrNumber(),
    registeredOn: isoDaysAgo(40),
    registeringOrganizationId: organizations.MIA,
    investigatingOrganizationId: organizations.MIA,
    investigatingUnit: 'criminal_police',
    regionCode: 'KZ-ALA',
    articles: [{ articleId: article('2014', '128'), part: '3' }],
    ...different,
  };
}

async function register(user: SignedIn, different: Record<string, unknown> = {}): Promise<string> {
  const response = await post(user, '/proceedings', registration(different));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

interface Detail {
  summary: { stage: string; codeEdition: string; articles: { article: string; ref: { ru: string; en: string } }[]; linkedCases: number; investigatorUserId: string };
  qualifications: { sequence: number; phase: string; reason: string | null; articles: { article: string; edition: string; ref: { ru: string; en: string } }[] }[];
  stageHistory: { stage: string; occurredOn: string; reason: string | null }[];
  nextStages: { stage: string; move: string }[];
  cases: { caseId: string; caseCode: string; proceduralStatus: string; nonPunishmentReview: string | null; identity: { personId: string; displayName: string | null } | null; identityWithheld: boolean }[];
}

describe('an investigator registers a trafficking proceeding and follows it to court', () => {
  it('registers under art. 128 part 3 of the 2014 Code for two victims, and sees the name only of the one who agreed to share with police', async () => {
    const consenting = await victimCase('Aigerim', true);
    const withholding = await victimCase('Dana', false);
    const proceedingId = await register(investigator, {
      victims: [
        { caseCode: consenting.code, proceduralStatus: 'victim' },
        { caseCode: withholding.code.toLowerCase(), proceduralStatus: 'victim' },
      ],
    });

    const detail = await get(investigator, `/proceedings/${proceedingId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json<Detail>();
    expect(body.summary).toMatchObject({ stage: 'registered', codeEdition: '2014', linkedCases: 2, investigatorUserId });
    expect(body.summary.articles.map((entry) => entry.ref.ru)).toEqual(['128 ч.3']);
    expect(body.qualifications).toHaveLength(1);
    expect(body.qualifications[0]).toMatchObject({ sequence: 1, phase: 'registration' });
    expect(body.stageHistory.map((change) => change.stage)).toEqual(['registered']);
    const seen = body.cases.find((entry) => entry.caseCode === consenting.code);
    const withheld = body.cases.find((entry) => entry.caseCode === withholding.code);
    expect(seen).toMatchObject({ identityWithheld: false, identity: { personId: consenting.personId, displayName: 'Seitkali Aigerim' } });
    expect(withheld).toMatchObject({ identityWithheld: true, identity: null, proceduralStatus: 'victim' });
    expect(detail.body).not.toContain('Dana');
    expect(detail.body).not.toContain(withholding.personId);

    // The name read is in the audit trail like any identity read; the withheld person was never opened.
    const reads = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['record_id', 'purpose'])
      .where('action', '=', 'person.identity_read')
      .where('actor_user_id', '=', investigatorUserId)
      .execute();
    expect(reads.map((read) => read.record_id)).toContain(consenting.personId);
    expect(reads.map((read) => read.record_id)).not.toContain(withholding.personId);

    // Both victims' case workers see on the timeline that their case is in a proceeding.
    for (const linked of [consenting, withholding]) {
      const events = await get(caseWorker, `/cases/${linked.id}/events`);
      expect(events.json<{ items: { kind: string; details: Record<string, unknown> }[] }>().items).toContainEqual(
        expect.objectContaining({ kind: 'proceeding.linked', details: expect.objectContaining({ stage: 'registered', articles: [{ ru: '128 ч.3', kk: '128-бап 3-бөлік', en: '128(3)' }] }) }),
      );
    }
  });

  it('withholds the name again once the person withdraws her consent to share with police, and keeps the case linked', async () => {
    const victim = await victimCase('Kamila', true);
    const proceedingId = await register(investigator, { victims: [{ caseCode: victim.code, proceduralStatus: 'victim' }] });
    expect((await get(investigator, `/proceedings/${proceedingId}`)).json<Detail>().cases[0]).toMatchObject({ identityWithheld: false });

    const consents = (await get(caseWorker, `/cases/${victim.id}`)).json<{ consents: { id: string; scope: string }[] }>().consents;
    const policeConsent = consents.find((consent) => consent.scope === 'police_sharing');
    expect(policeConsent).toBeDefined();
    const withdrawn = await post(caseWorker, `/cases/${victim.id}/consents/${policeConsent?.id ?? ''}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);

    const detail = await get(investigator, `/proceedings/${proceedingId}`);
    expect(detail.json<Detail>().cases).toEqual([expect.objectContaining({ caseCode: victim.code, identity: null, identityWithheld: true })]);
    expect(detail.body).not.toContain('Kamila');
  });

  it('re-qualifies to art. 309, keeps the registration qualification, and sends the proceeding to court', async () => {
    const victim = await victimCase('Zhanar', true);
    const proceedingId = await register(investigator, { victims: [{ caseCode: victim.code, proceduralStatus: 'victim' }] });

    const unchanged = await post(investigator, `/proceedings/${proceedingId}/qualifications`, {
      decidedOn: isoDaysAgo(20),
      phase: 'investigation',
      reason: 'Nothing new',
      articles: [{ articleId: article('2014', '128'), part: '3' }],
    });
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.json()).toMatchObject({ reason: 'requalification_unchanged' });

    const requalified = await post(investigator, `/proceedings/${proceedingId}/qualifications`, {
      decidedOn: isoDaysAgo(20),
      phase: 'indictment',
      reason: 'Recruitment not proven; exploitation of prostitution proven',
      articles: [{ articleId: article('2014', '309') }],
    });
    expect(requalified.statusCode, requalified.body).toBe(200);
    expect(requalified.json<Detail['summary']>().articles.map((entry) => entry.article)).toEqual(['309']);

    expect((await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(39) })).statusCode).toBe(200);
    const toCourt = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'sent_to_court', occurredOn: isoDaysAgo(10) });
    expect(toCourt.statusCode, toCourt.body).toBe(200);
    expect(toCourt.json()).toMatchObject({ stage: 'sent_to_court', stageSince: isoDaysAgo(10) });

    const body = (await get(investigator, `/proceedings/${proceedingId}`)).json<Detail>();
    expect(body.qualifications.map((qualification) => [qualification.sequence, qualification.phase, qualification.articles.map((entry) => entry.ref.en)])).toEqual([
      [1, 'registration', ['128(3)']],
      [2, 'indictment', ['309']],
    ]);
    expect(body.qualifications[1]?.reason).toBe('Recruitment not proven; exploitation of prostitution proven');
    expect(body.stageHistory.map((change) => change.stage)).toEqual(['registered', 'pre_trial_investigation', 'sent_to_court']);
    expect(body.nextStages).toEqual(expect.arrayContaining([{ stage: 'first_instance_verdict', move: 'forward' }, { stage: 'pre_trial_investigation', move: 'back' }]));

    const events = (await get(caseWorker, `/cases/${victim.id}/events`)).json<{ items: { kind: string; details: Record<string, unknown> }[] }>().items;
    expect(events).toContainEqual(expect.objectContaining({ kind: 'proceeding.requalified', details: expect.objectContaining({ articles: [{ ru: '309', kk: '309', en: '309' }] }) }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'proceeding.stage_changed', details: expect.objectContaining({ stage: 'sent_to_court', occurredOn: isoDaysAgo(10) }) }));
  });

  it('refuses a move back without a reason, a verdict-like jump before court, and a date before the current stage', async () => {
    const proceedingId = await register(investigator);
    const jump = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'final', occurredOn: isoDaysAgo(1) });
    expect(jump.statusCode).toBe(409);
    expect(jump.json()).toMatchObject({ reason: 'stage_not_allowed' });

    expect((await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(30) })).statusCode).toBe(200);
    const verdict = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'first_instance_verdict', occurredOn: isoDaysAgo(1) });
    expect(verdict.statusCode).toBe(409);
    expect(verdict.json()).toMatchObject({ reason: 'stage_not_allowed' });

    expect((await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'sent_to_court', occurredOn: isoDaysAgo(5) })).statusCode).toBe(200);
    const back = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(1), reason: '  ' });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ reason: 'stage_back_needs_reason', errors: [expect.objectContaining({ field: 'body.reason' })] });

    const early = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(6), reason: 'Returned for additional investigation' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ reason: 'date_before_current_stage' });
    const beforeRegistration = await post(investigator, `/proceedings/${proceedingId}/qualifications`, {
      decidedOn: isoDaysAgo(41),
      phase: 'investigation',
      reason: 'Typo',
      articles: [{ articleId: article('2014', '309') }],
    });
    expect(beforeRegistration.json()).toMatchObject({ reason: 'date_before_registration' });

    const returned = await post(investigator, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(1), reason: 'Returned for additional investigation' });
    expect(returned.statusCode, returned.body).toBe(200);
    const history = (await get(investigator, `/proceedings/${proceedingId}`)).json<Detail>().stageHistory;
    expect(history.at(-1)).toMatchObject({ stage: 'pre_trial_investigation', reason: 'Returned for additional investigation' });
  });
});

describe('who reaches a proceeding', () => {
  it('keeps it from another body, from the same body in another region, and from case workers', async () => {
    const proceedingId = await register(investigator);
    expect((await get(nscInvestigator, `/proceedings/${proceedingId}`)).statusCode).toBe(404);
    expect((await get(colleagueInAstana, `/proceedings/${proceedingId}`)).statusCode).toBe(404);
    expect((await post(colleagueInAstana, `/proceedings/${proceedingId}/stage`, { stage: 'pre_trial_investigation', occurredOn: isoDaysAgo(1) })).statusCode).toBe(404);
    const listed = (await get(nscInvestigator, '/proceedings?limit=200')).json<{ items: { id: string }[] }>().items;
    expect(listed.map((item) => item.id)).not.toContain(proceedingId);
    expect((await get(caseWorker, '/proceedings')).statusCode).toBe(403);
    expect((await get(caseWorker, `/proceedings/${proceedingId}`)).statusCode).toBe(403);
  });

  it('lets a body that investigates what another registered see it, and not register for bodies it is not', async () => {
    const proceedingId = await register(investigator, { investigatingOrganizationId: organizations.NSC });
    expect((await get(nscInvestigator, `/proceedings/${proceedingId}`)).statusCode).toBe(200);
    const forOthers = await post(nscInvestigator, '/proceedings', registration({ registeringOrganizationId: organizations.PGO }));
    expect(forOthers.statusCode).toBe(422);
    expect(forOthers.json().errors).toEqual([expect.objectContaining({ field: 'body.investigatingOrganizationId' })]);
    const elsewhere = await post(investigator, '/proceedings', registration({ regionCode: 'KZ-AST' }));
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ field: 'body.regionCode' })]);
  });
});

describe('registration rules', () => {
  it('qualifies a proceeding of 2014 under the 1997 Code, and lets it be tried under the 2014 one', async () => {
    const old = registration({ registeredOn: '2014-06-02', registerNumber: `4711${randomInt(100_000)}`, articles: [{ articleId: article('2014', '128'), part: '3' }] });
    const mismatch = await post(investigator, '/proceedings', old);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ reason: 'article_edition_mismatch', errors: [expect.objectContaining({ field: 'body.articles.0.articleId' })] });

    const proceedingId = await register(investigator, { ...old, articles: [{ articleId: article('1997', '128'), part: '2', paragraph: 'б' }] });
    const requalified = await post(investigator, `/proceedings/${proceedingId}/qualifications`, {
      decidedOn: isoDaysAgo(3),
      phase: 'court',
      reason: 'Tried under the Code in force',
      articles: [{ articleId: article('2014', '309') }],
    });
    expect(requalified.statusCode, requalified.body).toBe(200);
    const body = (await get(investigator, `/proceedings/${proceedingId}`)).json<Detail>();
    expect(body.summary.codeEdition).toBe('1997');
    expect(body.qualifications.map((qualification) => qualification.articles.map((entry) => `${entry.edition} ${entry.ref.ru}`))).toEqual([['1997 128 ч.2 п.б'], ['2014 309']]);

    const choices = (await get(investigator, '/proceedings/articles?on=2014-06-02')).json<{ items: { edition: string }[] }>().items;
    expect(choices.length).toBeGreaterThan(3);
    expect(new Set(choices.map((choice) => choice.edition))).toEqual(new Set(['1997']));
  });

  it('asks the 15-digit ERDR number from 2015 on, a date not in the future, law-enforcement bodies and a free number', async () => {
    const short = await post(investigator, '/proceedings', registration({ registerNumber: '4711001' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ field: 'body.registerNumber' })]);

    const future = await post(investigator, '/proceedings', registration({ registeredOn: '2099-01-01' }));
    expect(future.json()).toMatchObject({ reason: 'date_in_future' });

    const ngo = await post(investigator, '/proceedings', registration({ registeringOrganizationId: organizations['NGO-KORGAU-ASTANA'] }));
    expect(ngo.statusCode).toBe(422);
    expect(ngo.json()).toMatchObject({ reason: 'not_law_enforcement', errors: [expect.objectContaining({ field: 'body.registeringOrganizationId' })] });

    const taken = registration();
    expect((await post(investigator, '/proceedings', taken)).statusCode).toBe(201);
    const again = await post(investigator, '/proceedings', taken);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'register_number_taken' });
  });

  it('names the victim whose case code is unknown, and links a case only once', async () => {
    const victim = await victimCase('Madina', false);
    const unknown = await post(investigator, '/proceedings', registration({ victims: [{ caseCode: victim.code, proceduralStatus: 'victim' }, { caseCode: 'ALA-26-ZZZZZZ', proceduralStatus: 'witness' }] }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.victims.1.caseCode' })]);

    const proceedingId = await register(investigator);
    const linked = await post(investigator, `/proceedings/${proceedingId}/cases`, { caseCode: victim.code, proceduralStatus: 'witness' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ caseCode: victim.code, proceduralStatus: 'witness', nonPunishmentReview: null });
    const twice = await post(investigator, `/proceedings/${proceedingId}/cases`, { caseCode: victim.code, proceduralStatus: 'victim' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ reason: 'case_already_linked' });
    const events = (await get(caseWorker, `/cases/${victim.id}/events`)).json<{ items: { kind: string }[] }>().items;
    expect(events.filter((event) => event.kind === 'proceeding.linked')).toHaveLength(1);
  });
});

describe('worklists', () => {
  it('lists proceedings without movement for N days, suspended ones, and victims awaiting non-punishment review', async () => {
    const stalled = await register(investigator);
    const moving = await register(investigator);
    const suspended = await register(investigator);
    const accused = await victimCase('Saule', false);
    const withSuspect = await register(investigator, { victims: [{ caseCode: accused.code, proceduralStatus: 'suspect' }] });
    await testDatabase.database.db
      .updateTable('criminal_proceedings')
      .set({ last_movement_at: sql`now() - interval '90 days'` })
      .where('id', '=', stalled)
      .execute();
    expect((await post(investigator, `/proceedings/${suspended}/stage`, { stage: 'suspended_perpetrator_unknown', occurredOn: isoDaysAgo(2) })).statusCode).toBe(200);

    const ids = async (query: string) => (await get(investigator, `/proceedings?${query}&limit=200`)).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(await ids('worklist=stalled')).toContain(stalled);
    expect(await ids('worklist=stalled')).not.toContain(moving);
    expect(await ids('worklist=stalled&days=100')).not.toContain(stalled);
    expect(await ids('worklist=stalled&days=1')).not.toContain(moving);
    expect(await ids('worklist=suspended')).toEqual(expect.arrayContaining([suspended]));
    expect(await ids('worklist=suspended')).not.toContain(moving);
    expect(await ids('worklist=non_punishment')).toContain(withSuspect);
    expect(await ids('worklist=non_punishment')).not.toContain(moving);

    const list = (await get(investigator, '/proceedings?limit=200')).json<{ items: { id: string; nonPunishmentPending: number }[] }>().items;
    expect(list.find((item) => item.id === withSuspect)?.nonPunishmentPending).toBe(1);
    expect(list.findIndex((item) => item.id === suspended)).toBeLessThan(list.findIndex((item) => item.id === stalled));

    const reviewed = await patch(investigator, `/proceedings/${withSuspect}/cases/${accused.id}`, { nonPunishmentReview: 'applied', nonPunishmentNote: 'Forced to carry drugs by her exploiters' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ proceduralStatus: 'suspect', nonPunishmentReview: 'applied' });
    expect(await ids('worklist=non_punishment')).not.toContain(withSuspect);
    const accusedNow = await patch(investigator, `/proceedings/${withSuspect}/cases/${accused.id}`, { proceduralStatus: 'accused' });
    expect(accusedNow.json()).toMatchObject({ proceduralStatus: 'accused', nonPunishmentReview: 'applied' });
    const pendingAgain = await patch(investigator, `/proceedings/${withSuspect}/cases/${accused.id}`, { nonPunishmentReview: 'pending' });
    expect(pendingAgain.statusCode).toBe(400);
  });

  it('filters by article in force, stage and register number prefix', async () => {
    const registerNumber = erdrNumber();
    const proceedingId = await register(investigator, { registerNumber, articles: [{ articleId: article('2014', '128'), part: '1' }, { articleId: article('2014', '309') }] });
    const ids = async (query: string) => (await get(investigator, `/proceedings?${query}&limit=200`)).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(await ids(`registerNumber=${registerNumber.slice(0, 12)}`)).toContain(proceedingId);
    expect(await ids(`articleId=${article('2014', '309')}`)).toContain(proceedingId);
    expect(await ids('stage=registered')).toContain(proceedingId);
    expect(await ids('stage=sent_to_court')).not.toContain(proceedingId);
    await post(investigator, `/proceedings/${proceedingId}/qualifications`, { decidedOn: isoDaysAgo(1), phase: 'investigation', reason: 'Only recruitment', articles: [{ articleId: article('2014', '128'), part: '1' }] });
    expect(await ids(`articleId=${article('2014', '309')}`)).not.toContain(proceedingId);
  });
});

describe('an investigator’s malformed requests', () => {
  it('answer 4xx, never a server error, on every proceeding route', { timeout: 120_000 }, async () => {
    const proceedingId = await register(investigator);
    const victim = await victimCase('Gulnara', false);
    await post(investigator, `/proceedings/${proceedingId}/cases`, { caseCode: victim.code, proceduralStatus: 'suspect' });
    const odd = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '0', '-1', '2014-02-30', '2015-01-01', '1900-01-01', '9'.repeat(40), 'ALA-26-ZZZZZZ', victim.code, 'б', '3-1'));
    const date = fc.oneof(fc.constantFrom('2014-12-31', '2015-01-01', isoDaysAgo(1), isoDaysAgo(50), '2099-01-01', '2019-02-30'), odd);
    const id = fc.oneof(fc.constantFrom(proceedingId, victim.id, String(organizations.MIA), '00000000-0000-0000-0000-000000000000'), odd);
    const articleId = fc.oneof(fc.constantFrom(article('2014', '128'), article('1997', '128'), article('2014', '309'), 0, -1, 2_147_483_647, 2_147_483_648), fc.integer());
    const articlesOf = fc.array(fc.record({ articleId, part: fc.option(odd, { nil: undefined }), paragraph: fc.option(odd, { nil: undefined }) }, { requiredKeys: ['articleId'] }), { maxLength: 3 });
    const stage = fc.constantFrom('registered', 'pre_trial_investigation', 'sent_to_court', 'final', 'suspended_perpetrator_unknown', 'nonsense');
    const requests = fc.oneof(
      fc
        .record({
          registerNumber: fc.oneof(fc.constant(erdrNumber()), odd),
          registeredOn: date,
          registeringOrganizationId: id,
          investigatingOrganizationId: id,
          regionCode: fc.constantFrom('KZ-ALA', 'KZ-AST', 'KZ-XXX', ''),
          investigatorUserId: fc.option(fc.oneof(fc.constant(investigatorUserId), id), { nil: undefined }),
          articles: articlesOf,
          victims: fc.array(fc.record({ caseCode: odd, proceduralStatus: fc.constantFrom('victim', 'suspect', 'judge') }), { maxLength: 2 }),
        })
        .map((payload) => ({ method: 'POST' as const, url: '/proceedings', payload })),
      fc.record({ stage, occurredOn: date, reason: fc.option(odd, { nil: undefined }) }).map((payload) => ({ method: 'POST' as const, url: `/proceedings/${proceedingId}/stage`, payload })),
      fc
        .record({ decidedOn: date, phase: fc.constantFrom('investigation', 'court', 'registration'), reason: odd, articles: articlesOf })
        .map((payload) => ({ method: 'POST' as const, url: `/proceedings/${proceedingId}/qualifications`, payload })),
      fc.record({ caseCode: odd, proceduralStatus: fc.constantFrom('victim', 'witness', 'accused') }).map((payload) => ({ method: 'POST' as const, url: `/proceedings/${proceedingId}/cases`, payload })),
      fc
        .record(
          { proceduralStatus: fc.constantFrom('victim', 'accused', 'x'), nonPunishmentReview: fc.constantFrom('applied', 'not_applicable', 'pending'), nonPunishmentNote: odd },
          { requiredKeys: [] },
        )
        .chain((payload) => id.map((caseId) => ({ method: 'PATCH' as const, url: `/proceedings/${proceedingId}/cases/${encodeURIComponent(caseId)}`, payload }))),
      fc
        .record({ worklist: fc.constantFrom('stalled', 'suspended', 'non_punishment', 'x'), days: odd, articleId: odd, registerNumber: odd, stage, offset: odd }, { requiredKeys: [] })
        .map((query) => ({ method: 'GET' as const, url: `/proceedings?${new URLSearchParams(query).toString()}`, payload: undefined })),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await app.inject({
          method: request.method,
          url: `/api/v1${request.url}`,
          headers: investigator.headers(),
          ...(request.payload === undefined ? {} : { payload: request.payload }),
        });
        expect(response.statusCode, `${request.method} ${request.url} ${JSON.stringify(request.payload)} -> ${response.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

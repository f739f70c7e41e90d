import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';
import { closeTestApp, createTestApp, type TestApp } from '../../testing/test-app.js';
import { asSenimItself } from '../../testing/test-database.js';
import { createTestUser, signIn } from '../../testing/test-users.js';
import {
  countAttrition,
  countCompensation,
  countProceedingsByArticle,
  countProceedingsByArticleAcrossEditions,
  countProceedingsByStage,
  countRequalifications,
  countVerdicts,
  measureTimeToVerdict,
  type CountPeriod,
} from './justice-counts.js';
import { importProceedings } from './proceeding-import.js';

// An analyst of the Committee for Legal Statistics charts 2013-2015: the
// 2014 Code came into force in the middle, and a trafficking case registered
// under old art. 128 in 2014 must stand beside one registered under new
// art. 128 in 2015.

const HEADER = 'register_number,registered_on,registering_body,investigating_body,region,articles,stage,suspended_on,sent_to_court_on,court_articles,verdict_on';
const EXPORT = [
  HEADER,
  // 1997 Code, art. 128, tried under 271 (brothels) after an appeal.
  '131975000200001,2014-03-01,MIA,MIA,KZ-ALA,128(3),first_instance_verdict,,2014-09-01,271(1),2014-12-01',
  // 2014 Code, art. 128, sent to court under 309.
  '151975000200002,2015-03-01,MIA,MIA,KZ-ALA,128(3),first_instance_verdict,,2015-06-01,309(3),2015-09-01',
  '151975000200003,2015-04-01,MIA,MIA,KZ-AST,309,suspended_perpetrator_unknown,2015-05-01,,,',
  '151975000200004,2015-05-01,PGO,MIA,KZ-AST,309(1),sent_to_court,,2015-07-01,,',
  // Outside 2013-2015.
  '161975000200005,2016-02-01,MIA,MIA,KZ-AST,128,registered,,,,',
].join('\n');

const YEARS_2013_2015: CountPeriod = { from: '2013-01-01', to: '2015-12-31' };

let testApp: TestApp;
let caseId: string;

const db = () => testApp.testDatabase.database.db;

async function proceedingId(registerNumber: string): Promise<string> {
  return (await db().selectFrom('criminal_proceedings').select('id').where('register_number', '=', registerNumber).executeTakeFirstOrThrow()).id;
}

async function articleId(edition: '1997' | '2014', article: string): Promise<number> {
  return (await db().selectFrom('criminal_code_articles').select('id').where('edition', '=', edition).where('article', '=', article).executeTakeFirstOrThrow()).id;
}

async function addDefendant(proceeding: string, verdicts: { instance: 'first_instance' | 'appeal'; decidedOn: string; outcome: 'convicted' | 'acquitted'; article?: number; sentence?: 'imprisonment' | 'suspended'; months?: number }[]) {
  const id = randomUUID();
  await db().insertInto('proceeding_defendants').values({ id, proceeding_id: proceeding, sealed_identity: null, key_id: null, sex: 'male', age_years: 38, citizenship: 'KAZ', role: 'organizer', procedural_status: 'accused', created_by: null }).execute();
  for (const verdict of verdicts) {
    await db()
      .insertInto('defendant_verdicts')
      .values({
        defendant_id: id,
        instance: verdict.instance,
        decided_on: verdict.decidedOn,
        outcome: verdict.outcome,
        conviction_article_id: verdict.article ?? null,
        conviction_part: null,
        sentence_kind: verdict.sentence ?? null,
        sentence_months: verdict.months ?? null,
        fine_tenge: null,
        recorded_by: null,
      })
      .execute();
  }
}

beforeAll(async () => {
  testApp = await createTestApp({ demo: true });
  const report = await importProceedings({ database: testApp.testDatabase.database, actor: systemActor('test'), text: EXPORT, source: 'counts.csv', today: '2016-06-30' });
  expect(report.rejected).toEqual([]);
  const [old128, new128] = [await proceedingId('131975000200001'), await proceedingId('151975000200002')];
  const [art271, art309] = [await articleId('1997', '271'), await articleId('2014', '309')];
  // Convicted at first instance, the sentence suspended on appeal: the appeal's verdict is in force.
  await addDefendant(old128, [
    { instance: 'first_instance', decidedOn: '2014-12-01', outcome: 'convicted', article: art271, sentence: 'imprisonment', months: 48 },
    { instance: 'appeal', decidedOn: '2015-02-01', outcome: 'convicted', article: art271, sentence: 'suspended', months: 24 },
  ]);
  await addDefendant(new128, [{ instance: 'first_instance', decidedOn: '2015-09-01', outcome: 'convicted', article: art309, sentence: 'imprisonment', months: 36 }]);
  await addDefendant(new128, [{ instance: 'first_instance', decidedOn: '2015-09-01', outcome: 'convicted', article: art309, sentence: 'imprisonment', months: 60 }]);
  await addDefendant(new128, [{ instance: 'first_instance', decidedOn: '2015-09-01', outcome: 'acquitted' }]);

  const caseWorker = await createTestUser(testApp.testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
  caseId = (await recordSelfReferredIntake(testApp.app, await signIn(testApp.app, caseWorker))).id;
  await asSenimItself(testApp.testDatabase.database, async (trx) => {
    await trx.insertInto('proceeding_cases').values({ proceeding_id: new128, case_id: caseId, procedural_status: 'victim' }).execute();
    await trx
      .insertInto('civil_claims')
      .values([
        { id: randomUUID(), proceeding_id: new128, case_id: caseId, claimed_tenge: 1_000_000, claimed_on: '2015-10-01', awarded_tenge: 600_000, awarded_on: '2015-11-01', paid_tenge: 200_000, paid_on: '2015-12-01' },
        { id: randomUUID(), proceeding_id: new128, case_id: caseId, claimed_tenge: 50_000, claimed_on: '2016-03-01', awarded_tenge: null, awarded_on: null, paid_tenge: null, paid_on: null },
      ])
      .execute();
    await trx
      .insertInto('fund_compensations')
      .values([
        { id: randomUUID(), case_id: caseId, proceeding_id: new128, applied_on: '2015-10-10', decision: 'granted', decided_on: '2015-11-10', amount_mci: 30, mci_year: 2015, amount_tenge: 59_460, paid_on: '2015-12-01' },
        { id: randomUUID(), case_id: caseId, proceeding_id: null, applied_on: '2015-11-01', decision: 'refused', decided_on: '2015-12-01', amount_mci: null, mci_year: null, amount_tenge: null, refusal_reason: 'Не подтверждено' },
      ])
      .execute();
  });
}, 180_000);

afterAll(async () => {
  await closeTestApp(testApp);
});

describe('counting criminal proceedings for the statistics', { timeout: 60_000 }, () => {
  it('counts a 1997-code and a 2014-code proceeding under art. 128 separately by edition and together through the mapping', async () => {
    expect(await countProceedingsByArticle(db(), YEARS_2013_2015)).toEqual([
      { edition: '1997', article: '128', proceedings: 1 },
      { edition: '2014', article: '128', proceedings: 1 },
      { edition: '2014', article: '309', proceedings: 2 },
    ]);
    expect(await countProceedingsByArticleAcrossEditions(db(), YEARS_2013_2015)).toEqual([
      { edition: '2014', article: '128', proceedings: 2, under1997: 1, under2014: 1 },
      { edition: '2014', article: '309', proceedings: 2, under1997: 0, under2014: 2 },
    ]);
    // The period is the registration date: 2015 alone has no 1997 proceeding, and open ends reach 2016.
    expect(await countProceedingsByArticleAcrossEditions(db(), { from: '2015-01-01', to: null })).toEqual([
      { edition: '2014', article: '128', proceedings: 2, under1997: 0, under2014: 2 },
      { edition: '2014', article: '309', proceedings: 2, under1997: 0, under2014: 2 },
    ]);
  });

  it('counts proceedings by the stage they stand at, the stages they reached, and the stages reached within the period', async () => {
    const stages = Object.fromEntries((await countProceedingsByStage(db(), YEARS_2013_2015)).map((row) => [row.stage, row]));
    expect(Object.keys(stages)).toHaveLength(10);
    expect(stages.first_instance_verdict).toEqual({ stage: 'first_instance_verdict', current: 2, reached: 2, reachedInPeriod: 2 });
    expect(stages.sent_to_court).toEqual({ stage: 'sent_to_court', current: 1, reached: 3, reachedInPeriod: 3 });
    expect(stages.suspended_perpetrator_unknown).toMatchObject({ current: 1, reached: 1 });
    expect(stages.final).toEqual({ stage: 'final', current: 0, reached: 0, reachedInPeriod: 0 });
    // In 2015 alone, the 2014 proceeding's trial is outside the period but its registration is not counted either.
    const in2015 = Object.fromEntries((await countProceedingsByStage(db(), { from: '2015-01-01', to: '2015-12-31' })).map((row) => [row.stage, row]));
    expect(in2015.sent_to_court).toMatchObject({ reached: 2, reachedInPeriod: 2 });
    expect(in2015.registered).toMatchObject({ reached: 3, reachedInPeriod: 3 });
  });

  it('follows the proceedings registered in the period from registration to conviction', async () => {
    expect(await countAttrition(db(), YEARS_2013_2015)).toEqual({ registered: 4, sentToCourt: 3, reachedVerdict: 2, withConviction: 2, convictedDefendants: 3 });
    expect(await countAttrition(db(), { from: '2016-01-01', to: '2016-12-31' })).toEqual({ registered: 1, sentToCourt: 0, reachedVerdict: 0, withConviction: 0, convictedDefendants: 0 });
  });

  it('shows what was registered as trafficking and what reached court and conviction', async () => {
    const matrices = await countRequalifications(db(), YEARS_2013_2015);
    expect(matrices.atCourt).toEqual([
      { registeredEdition: '1997', registeredArticle: '128', laterEdition: '1997', laterArticle: '271', count: 1 },
      { registeredEdition: '2014', registeredArticle: '128', laterEdition: '2014', laterArticle: '309', count: 1 },
      { registeredEdition: '2014', registeredArticle: '309', laterEdition: '2014', laterArticle: '309', count: 1 },
    ]);
    expect(matrices.atConviction).toEqual([
      { registeredEdition: '1997', registeredArticle: '128', laterEdition: '1997', laterArticle: '271', count: 1 },
      { registeredEdition: '2014', registeredArticle: '128', laterEdition: '2014', laterArticle: '309', count: 2 },
    ]);
  });

  it('counts defendants by the verdict in force and the convicted by sentence', async () => {
    const verdicts = await countVerdicts(db(), YEARS_2013_2015);
    expect(verdicts.byOutcome).toEqual([
      { outcome: 'convicted', defendants: 3 },
      { outcome: 'acquitted', defendants: 1 },
      { outcome: 'dismissed', defendants: 0 },
    ]);
    expect(verdicts.convictionsBySentence).toEqual([
      { sentenceKind: 'imprisonment', defendants: 2, withConfiscation: 0, medianMonths: 48 },
      { sentenceKind: 'suspended', defendants: 1, withConfiscation: 0, medianMonths: 24 },
      { sentenceKind: 'restricted_freedom', defendants: 0, withConfiscation: 0, medianMonths: null },
      { sentenceKind: 'fine', defendants: 0, withConfiscation: 0, medianMonths: null },
    ]);
    // The appeal of February 2015 is the verdict in force: 2014 alone holds none.
    expect((await countVerdicts(db(), { from: '2014-01-01', to: '2014-12-31' })).byOutcome[0]).toEqual({ outcome: 'convicted', defendants: 0 });
  });

  it('measures the days from registration to the first-instance verdict', async () => {
    expect(await measureTimeToVerdict(db(), YEARS_2013_2015)).toEqual({ proceedings: 2, medianDays: (275 + 184) / 2 });
    expect(await measureTimeToVerdict(db(), { from: '2016-01-01', to: null })).toEqual({ proceedings: 0, medianDays: null });
  });

  it('adds up civil claims and the Victims Compensation Fund’s payments', async () => {
    // Compensation sits behind the case's wall: counting it crosses the wall, as the statistics route does.
    expect(await asSenimItself(testApp.testDatabase.database, (trx) => countCompensation(trx, YEARS_2013_2015))).toEqual({
      civilClaims: { claims: 1, cases: 1, claimedTenge: 1_000_000, awardedTenge: 600_000, paidTenge: 200_000 },
      fund: { applications: 2, cases: 1, granted: 1, refused: 1, pending: 0, paid: 1, grantedMci: 30, grantedTenge: 59_460, paidTenge: 59_460 },
    });
  });
});

describe('GET /api/v1/justice/statistics', { timeout: 60_000 }, () => {
  it('gives an analyst the counts, and no register number, case or person', async () => {
    const analyst = await signIn(testApp.app, await createTestUser(testApp.testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] }));
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/justice/statistics?from=2013-01-01&to=2015-12-31', headers: analyst.headers() });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.period).toEqual({ from: '2013-01-01', to: '2015-12-31' });
    expect(body.proceedingsByArticle.acrossEditions[0]).toEqual({ edition: '2014', article: '128', proceedings: 2, under1997: 1, under2014: 1 });
    expect(body.attrition).toMatchObject({ unit: 'proceedings, and defendants for convictedDefendants', registered: 4, convictedDefendants: 3 });
    expect(body.compensation.fund.grantedMci).toBe(30);
    expect(response.body).not.toMatch(/1[35]1975000200|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(response.body).not.toContain(caseId);

    const reversed = await testApp.app.inject({ method: 'GET', url: '/api/v1/justice/statistics?from=2015-12-31&to=2015-01-01', headers: analyst.headers() });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors).toEqual([expect.objectContaining({ field: 'query.to' })]);
    const badDate = await testApp.app.inject({ method: 'GET', url: '/api/v1/justice/statistics?from=2015-02-30', headers: analyst.headers() });
    expect(badDate.statusCode).toBe(400);
  });

  it('refuses a case worker and an investigator: counts are the analysts’', async () => {
    for (const [organizationCode, role] of [
      ['NGO-KORGAU-ASTANA', 'case_worker'],
      ['MIA', 'investigator'],
    ] as const) {
      const user = await signIn(testApp.app, await createTestUser(testApp.testDatabase.database, { organizationCode, roles: [role] }));
      const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/justice/statistics', headers: user.headers() });
      expect(response.statusCode, role).toBe(403);
    }
  });
});

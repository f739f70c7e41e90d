import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';
import { addDays, addMonths } from './commission-rules.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let administrator: SignedIn;
let police: SignedIn;
let labour: SignedIn;
let korgau: SignedIn;
let shelter: SignedIn;
let commissionId: string;
let decisionsPlanId: string;

const today = todayInKazakhstan();
const name = {
  ru: 'Межведомственная комиссия по борьбе с торговлей людьми',
  kk: 'Адам саудасына қарсы күрес жөніндегі ведомствоаралық комиссия',
  en: 'Inter-Agency Commission on Combating Trafficking in Human Beings',
};

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  administrator = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
  police = await signIn(app, await createTestUser(database, { organizationCode: 'MIA', roles: ['coordinator'] }));
  labour = await signIn(app, await createTestUser(database, { organizationCode: 'MLSP', roles: ['coordinator'] }));
  korgau = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'] }));
  // The Almaty shelter sits on no commission.
  shelter = await signIn(app, await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['analyst'] }));

  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/commissions',
    headers: administrator.headers(),
    payload: { level: 'national', name, establishedOn: '2014-05-01', workingBody: 'MIA', rotation: { bodies: ['MIA', 'MLSP'] } },
  });
  expect(created.statusCode, created.body).toBe(201);
  commissionId = created.json().id;
  decisionsPlanId = created.json().decisionsPlanId;
  for (const [organizationCode, kind] of [
    ['MIA', 'state_body'],
    ['MLSP', 'state_body'],
    ['NGO-KORGAU-ASTANA', 'ngo'],
    ['IO-OSCE-POA', 'observer'],
  ]) {
    const seated = await app.inject({ method: 'POST', url: `/api/v1/commissions/${commissionId}/members`, headers: administrator.headers(), payload: { organizationCode, kind, from: '2014-05-01' } });
    expect(seated.statusCode, seated.body).toBe(200);
  }
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const url = (path = '') => `/api/v1/commissions/${commissionId}${path}`;

describe('the working body runs the Inter-Agency Commission', () => {
  it('schedules numbered meetings, sends notice to every member, and an NGO member reads it while a non-member cannot', async () => {
    const refused = await app.inject({ method: 'POST', url: url('/meetings'), headers: labour.headers(), payload: { date: today, place: 'Astana', agenda: ['Anything'] } });
    expect(refused.statusCode).toBe(403);

    const first = await app.inject({
      method: 'POST',
      url: url('/meetings'),
      headers: police.headers(),
      payload: { date: today, place: 'Astana, MIA', agenda: ['Judicial practice in THB cases, 2012-2014', 'Assistance to victims'] },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, status: 'scheduled', noticeDueBy: addDays(today, -10) });
    const second = await app.inject({ method: 'POST', url: url('/meetings'), headers: police.headers(), payload: { date: addDays(today, 30), place: 'Astana', agenda: ['Monitoring of special social services'] } });
    expect(second.json().number).toBe(2);
    const backwards = await app.inject({ method: 'POST', url: url('/meetings'), headers: police.headers(), payload: { date: addDays(today, -1), place: 'Astana', agenda: ['Late item'] } });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe('body.date');

    const noticed = await app.inject({ method: 'POST', url: url('/meetings/2/notice'), headers: police.headers() });
    expect(noticed.statusCode, noticed.body).toBe(200);
    expect(noticed.json().notices.map((notice: { organization: { code: string }; standing: string }) => `${notice.organization.code} ${notice.standing}`)).toEqual([
      'IO-OSCE-POA sent',
      'MIA sent',
      'MLSP sent',
      'NGO-KORGAU-ASTANA sent',
    ]);

    const inbox = await app.inject({ method: 'GET', url: '/api/v1/commission-notices', headers: korgau.headers() });
    const ours = inbox.json().items.filter((item: { commissionId: string }) => item.commissionId === commissionId);
    expect(ours).toEqual([expect.objectContaining({ meetingNumber: 2, agenda: ['Monitoring of special social services'] })]);
    const meeting = await app.inject({ method: 'GET', url: url('/meetings/2'), headers: korgau.headers() });
    expect(meeting.statusCode).toBe(200);
    expect(meeting.json()).toMatchObject({ agenda: ['Monitoring of special social services'], canManage: false });

    expect((await app.inject({ method: 'GET', url: '/api/v1/commission-notices', headers: shelter.headers() })).json().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: url('/meetings/2'), headers: shelter.headers() })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: url(), headers: shelter.headers() })).statusCode).toBe(404);
    const theirList = await app.inject({ method: 'GET', url: '/api/v1/commissions', headers: shelter.headers() });
    expect(theirList.json().items.map((item: { id: string }) => item.id)).not.toContain(commissionId);
  });

  it('keeps unpublished minutes among members, shows published ones to the public, and tracks a decision as an obligation', async () => {
    const early = await app.inject({ method: 'PUT', url: url('/meetings/2/minutes'), headers: police.headers(), payload: { text: 'Too early' } });
    expect(early.statusCode).toBe(409);
    const tooSoon = await app.inject({ method: 'POST', url: url('/meetings/1/decisions'), headers: police.headers(), payload: { text: 'x', responsible: ['MLSP'], dueDate: today } });
    expect(tooSoon.statusCode).toBe(409);

    const minutes = 'The Supreme Court summarized judicial practice; MLSP to monitor secondary special social services.';
    const held = await app.inject({ method: 'PUT', url: url('/meetings/1/minutes'), headers: police.headers(), payload: { text: minutes } });
    expect(held.json()).toMatchObject({ status: 'held', minutes, minutesPublished: false });
    expect((await app.inject({ method: 'GET', url: url('/meetings/1'), headers: korgau.headers() })).json().minutes).toBe(minutes);
    const hidden = await app.inject({ method: 'GET', url: '/api/v1/public/commissions' });
    const ours = () => hidden.json().items.find((item: { id: string }) => item.id === commissionId);
    expect(ours().meetings).toEqual([
      { number: 2, date: addDays(today, 30), status: 'scheduled', minutes: null },
      { number: 1, date: today, status: 'held', minutes: null },
    ]);
    expect(hidden.body).not.toContain('Supreme Court summarized');
    await app.inject({ method: 'PUT', url: url('/meetings/1/minutes'), headers: police.headers(), payload: { text: minutes, published: true } });
    const shown = await app.inject({ method: 'GET', url: '/api/v1/public/commissions' });
    expect(shown.json().items.find((item: { id: string }) => item.id === commissionId).meetings[1].minutes).toBe(minutes);

    const dueDate = addDays(today, 60);
    const decided = await app.inject({
      method: 'POST',
      url: url('/meetings/1/decisions'),
      headers: police.headers(),
      payload: { text: 'Monitor secondary special social services to victims', responsible: ['MLSP', 'NGO-KORGAU-ASTANA'], dueDate },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json().decisions).toEqual([
      expect.objectContaining({ position: 1, measureNumber: 1, dueDate, responsible: [expect.objectContaining({ lead: true }), expect.objectContaining({ lead: false })] }),
    ]);

    const owed = await app.inject({ method: 'GET', url: `/api/v1/plans/${decisionsPlanId}/obligations`, headers: labour.headers() });
    expect(owed.statusCode, owed.body).toBe(200);
    expect(owed.json().items).toEqual([expect.objectContaining({ measure: 1, organizationCode: 'MLSP', dueDate, reportStatus: 'missing', late: false })]);
    const periodLabel = owed.json().items[0].periodLabel;
    const report = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${decisionsPlanId}/reports`,
      headers: labour.headers(),
      payload: { measure: 1, periodLabel, workStatus: 'done', narrative: 'Services in three shelters monitored', submit: true },
    });
    expect(report.statusCode, report.body).toBe(200);
    const accepted = await app.inject({ method: 'POST', url: `/api/v1/plan-reports/${report.json().id}/accept`, headers: police.headers() });
    expect(accepted.json().status).toBe('accepted');

    // The working body publishes the consolidated report on the decisions; anyone may then download it.
    const reportingDate = addMonths(dueDate, 1);
    const byMember = await app.inject({ method: 'POST', url: url('/reports'), headers: labour.headers(), payload: { date: reportingDate } });
    expect(byMember.statusCode).toBe(403);
    const published = await app.inject({ method: 'POST', url: url('/reports'), headers: police.headers(), payload: { date: reportingDate, language: 'en' } });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ reportingDate, language: 'en' });
    expect((await app.inject({ method: 'POST', url: url('/reports'), headers: police.headers(), payload: { date: reportingDate, language: 'en' } })).statusCode).toBe(409);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/public/commissions' })).json().items.find((item: { id: string }) => item.id === commissionId);
    expect(listed.reports).toEqual([published.json()]);
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/public/commission-reports/${published.json().id}` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("keeps the commission's decisions plan among its members: others neither list it nor read its calendar, measures or obligations", async () => {
    const outsider = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'SHELTER-ALA', roles: ['coordinator'] }));
    for (const reader of [shelter, outsider]) {
      const plans = await app.inject({ method: 'GET', url: '/api/v1/plans', headers: reader.headers() });
      expect(plans.statusCode).toBe(200);
      expect(plans.json().items.map((plan: { id: string }) => plan.id)).not.toContain(decisionsPlanId);
      for (const path of ['calendar', 'measures']) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/plans/${decisionsPlanId}/${path}`, headers: reader.headers() });
        expect(response.statusCode, path).toBe(404);
        expect(response.body).not.toContain('Monitor secondary special social services');
      }
    }
    expect((await app.inject({ method: 'GET', url: `/api/v1/plans/${decisionsPlanId}/obligations`, headers: outsider.headers() })).statusCode).toBe(404);
    // Members, the NGO's analyst among them, still read all of it.
    const listed = await app.inject({ method: 'GET', url: '/api/v1/plans', headers: korgau.headers() });
    expect(listed.json().items.map((plan: { id: string }) => plan.id)).toContain(decisionsPlanId);
    const calendar = await app.inject({ method: 'GET', url: `/api/v1/plans/${decisionsPlanId}/calendar`, headers: korgau.headers() });
    expect(calendar.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ measure: 1, organizationCode: 'MLSP', lead: true })]));
    const measures = await app.inject({ method: 'GET', url: `/api/v1/plans/${decisionsPlanId}/measures`, headers: korgau.headers() });
    expect(measures.json().items[0].action).toBe('Monitor secondary special social services to victims');
  });

  it('flags a meeting more than six months after the previous one', async () => {
    const late = await app.inject({ method: 'POST', url: url('/meetings'), headers: police.headers(), payload: { date: addMonths(addDays(today, 30), 7), place: 'Astana', agenda: ['Annual review'] } });
    expect(late.json().warning).toEqual({ kind: 'gap', afterNumber: 2, beforeNumber: 3, dueBy: addMonths(addDays(today, 30), 6) });
    const commission = await app.inject({ method: 'GET', url: url(), headers: korgau.headers() });
    expect(commission.json().warnings).toContainEqual(expect.objectContaining({ kind: 'gap', beforeNumber: 3 }));
    const cancelled = await app.inject({ method: 'POST', url: url('/meetings/3/cancel'), headers: police.headers() });
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('rotates the working body, keeping its history, and the new body takes over the commission and its decisions', async () => {
    const before = await app.inject({ method: 'GET', url: url(), headers: police.headers() });
    expect(before.json().rotation.proposal).toEqual({ organizationCode: 'MLSP', from: '2016-05-01', to: '2018-05-01' });
    const handed = await app.inject({ method: 'POST', url: url('/working-body'), headers: police.headers(), payload: { organizationCode: 'MLSP', from: '2016-05-01' } });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().workingBodies.map((period: { organization: { code: string }; from: string; to: string | null }) => [period.organization.code, period.from, period.to])).toEqual([
      ['MIA', '2014-05-01', '2016-05-01'],
      ['MLSP', '2016-05-01', null],
    ]);
    expect(handed.json().rotation.proposal.organizationCode).toBe('MIA');
    expect((await app.inject({ method: 'POST', url: url('/meetings/2/notice'), headers: police.headers() })).statusCode).toBe(403);
    const plans = await app.inject({ method: 'GET', url: '/api/v1/plans', headers: labour.headers() });
    expect(plans.json().items.find((plan: { id: string }) => plan.id === decisionsPlanId)).toMatchObject({ level: 'commission', coordinatorCode: 'MLSP' });

    const observer = handed.json().members.find((member: { organization: { code: string } }) => member.organization.code === 'IO-OSCE-POA');
    const left = await app.inject({ method: 'POST', url: url(`/members/${observer.id}/leave`), headers: labour.headers(), payload: { on: addDays(today, -1) } });
    expect(left.json().members.find((member: { id: string }) => member.id === observer.id)).toMatchObject({ to: addDays(today, -1), current: false });
    const again = await app.inject({ method: 'POST', url: url(`/members/${observer.id}/leave`), headers: labour.headers(), payload: { on: today } });
    expect(again.statusCode).toBe(409);
  });

  it('lets a coordinator set up only a commission its own body serves', async () => {
    const regional = { level: 'regional', akimatCode: 'AKIMAT-KZ-AKM', name: { ...name, en: 'Akmola regional commission' }, establishedOn: '2015-01-01' };
    const foreign = await app.inject({ method: 'POST', url: '/api/v1/commissions', headers: labour.headers(), payload: { ...regional, workingBody: 'MIA' } });
    expect(foreign.statusCode).toBe(403);
    const notAkimat = await app.inject({ method: 'POST', url: '/api/v1/commissions', headers: labour.headers(), payload: { ...regional, akimatCode: 'MLSP', workingBody: 'MLSP' } });
    expect(notAkimat.statusCode).toBe(422);
    const own = await app.inject({ method: 'POST', url: '/api/v1/commissions', headers: labour.headers(), payload: { ...regional, workingBody: 'MLSP' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ level: 'regional', akimat: { code: 'AKIMAT-KZ-AKM' }, workingBody: { code: 'MLSP' }, noticeDays: 10, rotation: null });
  });
});

describe('the demo commission', () => {
  it('carries the seeds’ history: Ministry of Justice, then MIA and the social protection ministry by turns, meetings 29 and 30 published', async () => {
    const listed = await app.inject({ method: 'GET', url: '/api/v1/commissions', headers: korgau.headers() });
    const demo = listed.json().items.find((item: { name: { en: string } }) => item.name.en.startsWith('Inter-Agency Commission on Combating Illegal Export'));
    const commission = (await app.inject({ method: 'GET', url: `/api/v1/commissions/${demo.id}`, headers: korgau.headers() })).json();
    const bodies = commission.workingBodies.map((period: { organization: { code: string } }) => period.organization.code);
    expect(bodies.slice(0, 5)).toEqual(['MJ', 'MIA', 'MHSD', 'MIA', 'MLSP']);
    expect(commission.workingBodies[0]).toMatchObject({ from: '2003-09-26', to: '2014-05-01' });
    expect(commission.meetings.map((meeting: { number: number }) => meeting.number)).toEqual([29, 30, 31, 32]);
    const notices = await app.inject({ method: 'GET', url: '/api/v1/commission-notices', headers: korgau.headers() });
    expect(notices.json().items).toContainEqual(expect.objectContaining({ commissionId: demo.id, meetingNumber: 32 }));
    const publicPage = (await app.inject({ method: 'GET', url: '/api/v1/public/commissions' })).json();
    const published = publicPage.items.find((item: { id: string }) => item.id === demo.id).meetings;
    expect(published.filter((meeting: { minutes: string | null }) => meeting.minutes !== null).map((meeting: { number: number }) => meeting.number)).toEqual([30, 29]);
  });
});

import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';
import { planTableText, signInCoordinators } from './plan-table.fixture.js';

const PLAN = planTableText([
  '1.\tTo train labour inspectors on signs of forced labour\tInformation to MJ\tMLSP, MIA\tAnnually, by January 20th\t2012 - 1 500,0 2013 - 1 500,0\tRepublican budget',
  '2.\tTo inform the public about the 11616 hotline\tInformation to MJ\tMCI\tDuring 2012 - 2014\tNot required\t-',
]);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

let testDatabase: TestDatabase;
let app: SenimApp;
let justice: SignedIn;
let labour: SignedIn;
let police: SignedIn;
let planId: string;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  [justice, labour, police] = (await signInCoordinators(app, database, ['MJ', 'MLSP', 'MIA'])) as [SignedIn, SignedIn, SignedIn];
  const imported = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: justice.headers(), payload: { text: PLAN, coordinatorCode: 'MJ' } });
  expect(imported.statusCode, imported.body).toBe(201);
  planId = imported.json().id;
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const saveReport = (who: SignedIn, overrides: Record<string, unknown> = {}) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/plans/${planId}/reports`,
    headers: who.headers(),
    payload: { measure: 1, periodLabel: '2012', workStatus: 'in_progress', narrative: 'Inspectors trained in Astana', indicators: { moneySpentThousandsKzt: 1200.5 }, ...overrides },
  });

const attach = (who: SignedIn, reportId: string, fileName: string, content: Buffer) =>
  app.inject({ method: 'POST', url: `/api/v1/plan-reports/${reportId}/attachments`, headers: who.headers(), payload: { fileName, content: content.toString('base64') } });

describe('files attached to a report', () => {
  it('the reporting body attaches them; it and the coordinating body download them; no other body does', async () => {
    const reportId = (await saveReport(labour)).json().id;
    const attached = await attach(labour, reportId, 'C:\\fakepath\\Протокол семинара.pdf', PDF);
    expect(attached.statusCode, attached.body).toBe(201);
    const [file] = attached.json().items;
    expect(file).toMatchObject({ fileName: 'Протокол семинара.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const report = await app.inject({ method: 'GET', url: `/api/v1/plan-reports/${reportId}`, headers: labour.headers() });
    expect(report.json().attachments.map((entry: { fileName: string }) => entry.fileName)).toEqual(['Протокол семинара.pdf']);

    const byCoordinator = await app.inject({ method: 'GET', url: `/api/v1/plan-report-attachments/${file.id}`, headers: justice.headers() });
    expect(byCoordinator.statusCode).toBe(200);
    expect(byCoordinator.headers['content-type']).toBe('application/pdf');
    expect(byCoordinator.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Протокол семинара.pdf')}`);
    expect(Buffer.compare(byCoordinator.rawPayload, PDF)).toBe(0);
    expect((await app.inject({ method: 'GET', url: `/api/v1/plan-report-attachments/${file.id}`, headers: labour.headers() })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/plan-report-attachments/${file.id}`, headers: police.headers() })).statusCode).toBe(404);
    expect((await attach(police, reportId, 'mine.pdf', PDF)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/plan-report-attachments/${file.id}`, headers: police.headers() })).statusCode).toBe(404);

    // The consolidated report names the files of each submission.
    expect((await saveReport(labour, { submit: true })).json().status).toBe('submitted');
    const word = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/consolidated-report?date=2013-01-20&format=docx&language=en`, headers: justice.headers() });
    const documentXml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string');
    expect(documentXml).toContain('Attachments: Протокол семинара.pdf');

    // Sent in, the report keeps its files as they are.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/plan-report-attachments/${file.id}`, headers: labour.headers() })).statusCode).toBe(409);
    expect((await attach(labour, reportId, 'late.pdf', PDF)).statusCode).toBe(409);

    const trail = await testDatabase.database.db.selectFrom('audit_events').select('action').where('record_id', '=', reportId).where('action', 'like', 'plan_report.attachment%').execute();
    expect(trail.map((event) => event.action)).toEqual(['plan_report.attachment_added']);
  });

  it('refuses an oversized file, a type not allowed and a renamed one, naming the field; a draft’s file can be removed', async () => {
    const reportId = (await saveReport(police, { periodLabel: '2013' })).json().id;
    const pdfOf = (bytes: number) => {
      const file = Buffer.alloc(bytes, 0x20);
      PDF.copy(file);
      return file;
    };
    const justOver = await attach(police, reportId, 'big.pdf', pdfOf(5 * 1024 * 1024 + 1));
    expect(justOver.statusCode).toBe(422);
    expect(justOver.json().errors[0]).toEqual({ field: 'body.content', message: 'the file is larger than 5 MiB' });
    const wellOver = await attach(police, reportId, 'big.pdf', pdfOf(6 * 1024 * 1024));
    expect(wellOver.statusCode).toBe(400);
    // Refused by the schema's length limit on the encoded file, so the general rule comes along.
    expect(wellOver.json().errors[0]).toEqual({ field: 'body.content', message: 'the file is larger than 5 MiB', rule: 'max_length', limit: expect.any(Number) });

    const program = await attach(police, reportId, 'setup.exe', PDF);
    expect(program.statusCode).toBe(422);
    expect(program.json().errors[0]).toEqual({ field: 'body.fileName', message: 'only pdf, docx, xlsx, jpg, jpeg, png, txt files can be attached' });

    const renamed = await attach(police, reportId, 'photo.png', PDF);
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().errors[0].field).toBe('body.content');

    const notBase64 = await app.inject({ method: 'POST', url: `/api/v1/plan-reports/${reportId}/attachments`, headers: police.headers(), payload: { fileName: 'a.txt', content: 'not base64!' } });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().errors[0].field).toBe('body.content');

    const note = await attach(police, reportId, 'note.txt', Buffer.from('Семинар перенесён на март'));
    expect(note.statusCode).toBe(201);
    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/plan-report-attachments/${note.json().items[0].id}`, headers: police.headers() });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items).toEqual([]);
  });
});

describe('reminders', () => {
  it('the coordinating body sees every body’s reports coming due and overdue; a body sees its own across plans', async () => {
    const whole = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/reminders?on=2013-01-15`, headers: justice.headers() });
    expect(whole.statusCode, whole.body).toBe(200);
    const lines = whole.json().items.map((item: { kind: string; days: number; measure: number; organizationCode: string; periodLabel: string }) => `${item.kind} ${item.days} ${item.measure} ${item.organizationCode} ${item.periodLabel}`);
    // MLSP sent its 2012 report in; MIA (with a draft for 2013 only) and MCI still owe theirs.
    expect(lines).toEqual(['overdue 179 2 MCI 2012-H1', 'due_soon 5 1 MIA 2012', 'due_soon 5 2 MCI 2012-H2']);

    const later = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/reminders?on=2013-02-01&leadDays=0`, headers: justice.headers() });
    expect(later.json().items.map((item: { kind: string; organizationCode: string }) => `${item.kind} ${item.organizationCode}`)).toEqual(['overdue MCI', 'overdue MIA', 'overdue MCI']);

    const own = await app.inject({ method: 'GET', url: '/api/v1/plan-reminders?on=2014-01-10', headers: police.headers() });
    expect(own.json().items.map((item: { organizationCode: string; periodLabel: string; kind: string; reportStatus: string }) => `${item.organizationCode} ${item.periodLabel} ${item.kind} ${item.reportStatus}`)).toEqual([
      'MIA 2012 overdue missing',
      'MIA 2013 due_soon draft',
    ]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/reminders`, headers: labour.headers() })).statusCode).toBe(404);
  });
});

describe('regional plans', () => {
  it('an akimat imports its plan under the national one; the list links them both ways', async () => {
    const akimat = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'AKIMAT-KZ-AKM', roles: ['coordinator'] }));
    const regional = await app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: akimat.headers(),
      payload: { text: PLAN, coordinatorCode: 'AKIMAT-KZ-AKM', level: 'regional', parentPlanId: planId },
    });
    expect(regional.statusCode, regional.body).toBe(201);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/plans', headers: akimat.headers() })).json().items;
    expect(list.find((plan: { id: string }) => plan.id === regional.json().id)).toMatchObject({ level: 'regional', parentPlanId: planId, coordinatorCode: 'AKIMAT-KZ-AKM' });

    const refused = async (payload: Record<string, unknown>, who: SignedIn = akimat) => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: who.headers(), payload: { text: PLAN, coordinatorCode: 'AKIMAT-KZ-AKM', ...payload } });
      expect(response.statusCode, response.body).toBe(422);
      return response.json().errors.map((error: { field: string; message: string }) => `${error.field}: ${error.message}`);
    };
    expect(await refused({ level: 'regional' })).toEqual(['body.parentPlanId: a regional plan names the national plan it carries out']);
    expect(await refused({ level: 'regional', parentPlanId: regional.json().id })).toEqual(['body.parentPlanId: must be a national plan']);
    expect(await refused({ level: 'regional', parentPlanId: '00000000-0000-4000-8000-000000000000' })).toEqual(['body.parentPlanId: no such plan']);
    expect(await refused({ parentPlanId: planId })).toEqual(['body.parentPlanId: a national plan has no parent plan; import it as regional']);
    expect(await refused({ coordinatorCode: 'MJ', level: 'regional', parentPlanId: planId }, justice)).toEqual([
      'body.coordinatorCode: a regional plan is coordinated by an akimat or a regional body',
    ]);
  });
});

describe('the end of the plan', () => {
  it('the coordinating body downloads the assessment and seeds a draft of the next plan, which owes nothing until confirmed', async () => {
    const assessment = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/assessment?language=en&on=2015-02-01`, headers: justice.headers() });
    expect(assessment.statusCode, assessment.body).toBe(200);
    const body = assessment.json();
    expect(body.measures.map((measure: { number: number; fulfilment: string }) => `${measure.number} ${measure.fulfilment}`)).toEqual(['1 partly', '2 never_reported']);
    expect(body.measures[0].money[0]).toEqual({ year: 2012, estimateThousandsKzt: 1500, spentThousandsKzt: 1200.5 });
    expect(body.neverReported.some((gap: { measure: number; organizationCode: string; periodLabel: string }) => gap.measure === 1 && gap.organizationCode === 'MIA' && gap.periodLabel === '2014')).toBe(true);

    for (const format of ['docx', 'pdf', 'xlsx']) {
      const document = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/assessment/document?format=${format}&language=ru&on=2015-02-01`, headers: justice.headers() });
      expect(document.statusCode, document.body).toBe(200);
      expect(document.headers['content-disposition']).toContain(`plan-assessment-2015-02-01-ru.${format}`);
    }
    const word = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/assessment/document?format=docx&language=ru&on=2015-02-01`, headers: justice.headers() });
    const documentXml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string');
    expect(documentXml).toContain('выполнено частично');
    expect(documentXml).toMatch(/1\s500,0/);
    expect((await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/assessment`, headers: labour.headers() })).statusCode).toBe(404);

    const seeded = await app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/next-plan`, headers: justice.headers(), payload: { title: 'Action Plan for 2015-2017', periodFromYear: 2015, periodToYear: 2017 } });
    expect(seeded.statusCode, seeded.body).toBe(201);
    const draftId = seeded.json().id;
    expect(seeded.json().measures).toBe(2);
    const draft = (await app.inject({ method: 'GET', url: '/api/v1/plans', headers: justice.headers() })).json().items.find((plan: { id: string }) => plan.id === draftId);
    expect(draft).toMatchObject({ status: 'draft', seededFromPlanId: planId, periodFromYear: 2015, coordinatorCode: 'MJ' });
    const calendar = (await app.inject({ method: 'GET', url: `/api/v1/plans/${draftId}/calendar?organization=MCI`, headers: justice.headers() })).json().items;
    expect(calendar[0]).toMatchObject({ measure: 2, periodLabel: '2015-H1', dueDate: '2015-07-20' });

    const early = await app.inject({ method: 'PUT', url: `/api/v1/plans/${draftId}/reports`, headers: labour.headers(), payload: { measure: 1, periodLabel: '2015', workStatus: 'in_progress', narrative: 'Planned' } });
    expect(early.statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: `/api/v1/plans/${draftId}/reminders?on=2015-07-15`, headers: justice.headers() })).json().items).toEqual([]);
    expect((await app.inject({ method: 'POST', url: `/api/v1/plans/${draftId}/confirm`, headers: labour.headers() })).statusCode).toBe(404);

    // The coordinator drops a measure from the draft; nobody else can, and a plan in force keeps its measures.
    const measures = await app.inject({ method: 'GET', url: `/api/v1/plans/${draftId}/measures?language=en`, headers: labour.headers() });
    expect(measures.json().items.map((measure: { number: number; action: string }) => `${measure.number}. ${measure.action}`)).toEqual([
      '1. To train labour inspectors on signs of forced labour',
      '2. To inform the public about the 11616 hotline',
    ]);
    expect(measures.json().items[1]).toMatchObject({ deadline: expect.stringContaining('2015'), bodies: [{ organizationCode: 'MCI', lead: true }] });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/plans/${draftId}/measures/1`, headers: labour.headers() })).statusCode).toBe(404);
    const dropped = await app.inject({ method: 'DELETE', url: `/api/v1/plans/${draftId}/measures/1`, headers: justice.headers() });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json().items.map((measure: { number: number }) => measure.number)).toEqual([2]);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/plans/${planId}/measures/1`, headers: justice.headers() })).statusCode).toBe(409);

    const confirmed = await app.inject({ method: 'POST', url: `/api/v1/plans/${draftId}/confirm`, headers: justice.headers() });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('in_force');
    expect((await app.inject({ method: 'POST', url: `/api/v1/plans/${draftId}/confirm`, headers: justice.headers() })).statusCode).toBe(409);
    const reminders = await app.inject({ method: 'GET', url: `/api/v1/plans/${draftId}/reminders?on=2015-07-15`, headers: justice.headers() });
    expect(reminders.json().items.length).toBeGreaterThan(0);

    const trail = await testDatabase.database.db.selectFrom('audit_events').select('action').where('record_id', '=', draftId).orderBy('id').execute();
    expect(trail.map((event) => event.action)).toEqual(['plan.next_draft_seeded', 'plan.measure_removed', 'plan.confirmed']);
  });
});

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import type { SignedIn } from '../../testing/test-users.js';
import { planTableText, signInCoordinators } from './plan-table.fixture.js';
import { isLate } from './plan-report.service.js';

const PLAN = planTableText([
  '1.\tTo train labour inspectors on signs of forced labour\tInformation to MJ\tMLSP, MIA\tAnnually, by January 20th\tNot required\t-',
  '2.\tTo inform the public about the 11616 hotline\tInformation to MJ\tMCI\tQuarterly, by the 20th of the month following the reporting quarter\tNot required\t-',
]);

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

const report = (overrides: Record<string, unknown> = {}) => ({
  measure: 1,
  periodLabel: '2012',
  workStatus: 'done',
  narrative: '40 labour inspectors trained in Astana and Almaty',
  indicators: { peopleTrained: 40, eventsHeld: 2 },
  ...overrides,
});

describe('reporting on the Action Plan', () => {
  it('the labour ministry reports, the Ministry of Justice returns it, it is resubmitted and accepted', async () => {
    const owed = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/obligations`, headers: labour.headers() });
    expect(owed.statusCode, owed.body).toBe(200);
    expect(owed.json().items.map((item: { measure: number; organizationCode: string; periodLabel: string; reportStatus: string; late: boolean }) => [item.measure, item.organizationCode, item.periodLabel, item.reportStatus, item.late])).toEqual([
      [1, 'MLSP', '2012', 'missing', true],
      [1, 'MLSP', '2013', 'missing', true],
      [1, 'MLSP', '2014', 'missing', true],
    ]);

    const draft = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: labour.headers(), payload: report() });
    expect(draft.json()).toMatchObject({ status: 'draft', organizationCode: 'MLSP', dueDate: '2013-01-20', indicators: { peopleTrained: 40, eventsHeld: 2, cases: null } });
    const submitted = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: labour.headers(), payload: report({ submit: true }) });
    expect(submitted.json().status).toBe('submitted');
    const reportId = submitted.json().id;

    const again = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: labour.headers(), payload: report({ submit: true }) });
    expect(again.statusCode).toBe(409);

    const overview = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/obligations`, headers: justice.headers() });
    const statuses = overview.json().items.map((item: { organizationCode: string; periodLabel: string; reportStatus: string }) => `${item.organizationCode} ${item.periodLabel} ${item.reportStatus}`);
    expect(statuses).toContain('MLSP 2012 submitted');
    expect(statuses).toContain('MIA 2012 missing');
    expect(statuses).toContain('MCI 2014-Q4 missing');
    const missingMci = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/obligations?organization=MCI&status=missing`, headers: justice.headers() });
    expect(missingMci.json().items).toHaveLength(12);

    const returned = await app.inject({ method: 'POST', url: `/api/v1/plan-reports/${reportId}/return`, headers: justice.headers(), payload: { reason: 'Say which regions the inspectors came from' } });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Say which regions the inspectors came from' });

    const resubmitted = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${planId}/reports`,
      headers: labour.headers(),
      payload: report({ narrative: '40 labour inspectors from Astana, Almaty and Shymkent trained', submit: true }),
    });
    expect(resubmitted.json().status).toBe('submitted');

    const accepted = await app.inject({ method: 'POST', url: `/api/v1/plan-reports/${reportId}/accept`, headers: justice.headers() });
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().steps.map((step: { step: string }) => step.step)).toEqual(['saved', 'submitted', 'returned', 'submitted', 'accepted']);
    expect(accepted.json().late).toBe(true);
  });

  it('another body neither reads nor reviews the report, and a body reports only on its own measures and periods', async () => {
    const labourReport = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: labour.headers(), payload: report({ periodLabel: '2013', submit: true }) });
    const reportId = labourReport.json().id;
    expect((await app.inject({ method: 'GET', url: `/api/v1/plan-reports/${reportId}`, headers: police.headers() })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/plan-reports/${reportId}/accept`, headers: labour.headers() })).statusCode).toBe(404);
    const notTheirs = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: police.headers(), payload: report({ measure: 2, periodLabel: '2012-Q1' }) });
    expect(notTheirs.statusCode).toBe(403);
    const noSuchPeriod = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/reports`, headers: police.headers(), payload: report({ periodLabel: '2012-Q1' }) });
    expect(noSuchPeriod.statusCode).toBe(422);
    expect(noSuchPeriod.json().errors[0].field).toBe('body.periodLabel');
    const othersView = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/obligations?organization=MLSP`, headers: police.headers() });
    expect(othersView.statusCode).toBe(403);
  });

  it('a measure that cannot be done needs the reason', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${planId}/reports`,
      headers: police.headers(),
      payload: report({ periodLabel: '2014', workStatus: 'cannot_be_done', narrative: 'Not held' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toEqual({ field: 'body.cannotReason', message: 'say why it cannot be done' });
  });
});

describe('the consolidated report for the Government', () => {
  it('names every measure, each body’s submission, and the gaps, as DOCX, XLSX and PDF', async () => {
    const url = (format: string, language = 'en') => `/api/v1/plans/${planId}/consolidated-report?date=2013-01-20&format=${format}&language=${language}`;
    const docx = await app.inject({ method: 'GET', url: url('docx') });
    expect(docx.statusCode).toBe(401);

    const word = await app.inject({ method: 'GET', url: url('docx'), headers: justice.headers() });
    expect(word.statusCode, word.body).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(word.headers['content-disposition']).toContain('consolidated-report-2013-01-20-en.docx');
    const documentXml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string');
    expect(documentXml).toContain('40 labour inspectors from Astana, Almaty and Shymkent trained');
    expect(documentXml).toContain('To inform the public about the 11616 hotline');
    expect(documentXml).toMatch(/Ministry of (Culture and )?Information[^<]*/);
    expect(documentXml).toContain('not submitted');

    const excel = await app.inject({ method: 'GET', url: url('xlsx', 'ru'), headers: justice.headers() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]?.getSheetValues().map((row) => JSON.stringify(row)) ?? [];
    expect(rows.some((row) => row.includes('40 labour inspectors from Astana') && row.includes('принят'))).toBe(true);
    const gaps = workbook.worksheets[1]?.getSheetValues().map((row) => JSON.stringify(row)) ?? [];
    expect(gaps.some((row) => row.includes('2012-Q3') && row.includes('не представлен'))).toBe(true);

    const pdf = await app.inject({ method: 'GET', url: url('pdf', 'ru'), headers: justice.headers() });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });

  it('is for the coordinating body only', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/consolidated-report?date=2013-01-20&format=pdf`, headers: labour.headers() });
    expect(response.statusCode).toBe(404);
  });
});

describe('lateness', () => {
  it('is judged on the day the report came in, or today while it has not', () => {
    expect(isLate({ dueDate: '2013-01-20', status: 'submitted', submittedOn: '2013-01-20' }, '2026-11-23')).toBe(false);
    expect(isLate({ dueDate: '2013-01-20', status: 'submitted', submittedOn: '2013-01-21' }, '2026-11-23')).toBe(true);
    expect(isLate({ dueDate: '2027-01-20', status: 'missing', submittedOn: null }, '2026-11-23')).toBe(false);
    expect(isLate({ dueDate: '2026-01-20', status: 'draft', submittedOn: null }, '2026-11-23')).toBe(true);
  });
});

// Last: it changes measure 1's calendar, which the stories above rely on.
describe('deadline rules a coordinator can edit', () => {
  it('moving measure 1 to semi-annual reporting changes what is owed at once', async () => {
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${planId}/measures/1/deadline`,
      headers: justice.headers(),
      payload: { rule: { kind: 'semiannual', dates: [{ month: 1, day: 20 }, { month: 7, day: 20 }] } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().description).toMatch(/20 January and 20 July/);
    const owed = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/obligations`, headers: police.headers() });
    expect(owed.json().items.map((item: { periodLabel: string }) => item.periodLabel)).toEqual(['2012-H1', '2012-H2', '2013-H1', '2013-H2', '2014-H1', '2014-H2']);
    const invalid = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/measures/1/deadline`, headers: justice.headers(), payload: { rule: { kind: 'annual', month: 13, day: 40 } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toMatch(/^body\.rule/);
    // Another ministry's coordinator does not edit a plan the Ministry of Justice coordinates.
    const notCoordinator = await app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/measures/1/deadline`, headers: labour.headers(), payload: { rule: { kind: 'annual', month: 1, day: 20 } } });
    expect(notCoordinator.statusCode).toBe(404);
  });
});

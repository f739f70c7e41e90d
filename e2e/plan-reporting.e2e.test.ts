import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_2009_FILE } from '../src/server/modules/action-plan/fixtures/action-plan-2009-2011.js';
import { createTestUser, signIn as signInThroughApi } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage, signInWithPassword: signInAs } = useBrowserAgainstTestServer();

const SMALL_PLAN = [
  '**The Action Plan  ',
  ' of the Government of the Republic of Kazakhstan  ',
  ' to Combat and Prevent Human Trafficking Crimes for 2012-2014**',
  '',
  'No.\tAction\tCompletion Form\tResponsible for Performance\tDate of Performance\tEstimated Costs (ths. of KZT)\tSource of Financing',
  '1\t2\t3\t4\t5\t6\t7',
  '1.\tTo train labour inspectors on signs of forced labour\tInformation to MJ\tMLSP, MIA\tAnnually, by January 20th\tNot required\t-',
].join('\n');

const seedPlanFile = ACTION_PLAN_2009_FILE;

const labourMinistry = 'Министерство труда и социальной защиты населения Республики Казахстан';
const policeMinistry = 'Министерство внутренних дел Республики Казахстан';

async function openPlan(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Планы мероприятий' }).click();
  await page.getByRole('heading', { name: 'Планы мероприятий', level: 1 }).waitFor();
  await page.getByRole('table', { name: 'Планы мероприятий' }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

function obligationRow(page: Page, body: string, period: string): Locator {
  return page.getByRole('table', { name: 'Отчёты по плану' }).getByRole('row').filter({ hasText: body }).filter({ hasText: period });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('reporting on the Action Plan', () => {
  it('the labour ministry reports on a measure, the Ministry of Justice returns it for revision, then accepts it', async () => {
    const { app, database } = testServer();
    const justice = await createTestUser(database, { organizationCode: 'MJ', roles: ['coordinator'] });
    const labour = await createTestUser(database, { organizationCode: 'MLSP', roles: ['coordinator'] });
    const justiceApi = await signInThroughApi(app, justice);
    const imported = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: justiceApi.headers(), payload: { text: SMALL_PLAN, coordinatorCode: 'MJ' } });
    expect(imported.statusCode, imported.body).toBe(201);
    const planId = imported.json<{ id: string }>().id;
    const plans = (await app.inject({ method: 'GET', url: '/api/v1/plans', headers: justiceApi.headers() })).json<{ items: { id: string; title: string }[] }>();
    const title = plans.items.find((plan) => plan.id === planId)?.title ?? 'missing';

    // The labour ministry's focal point sees only its own reports, and writes the one for 2012.
    const labourPage = await openPage('/sign-in');
    await signInAs(labourPage, labour);
    await openPlan(labourPage, title);
    expect(await labourPage.getByLabel('Орган', { exact: true }).count()).toBe(0);
    await expect.poll(() => labourPage.getByRole('table', { name: 'Отчёты по плану' }).getByRole('row').count()).toBe(4);
    const own2012 = obligationRow(labourPage, labourMinistry, '2012 год');
    expect(await own2012.innerText()).toContain('20 января 2013 г.');
    // Bodies are named by now (the row above was found by name), so the police's absence means something.
    expect(await labourPage.getByRole('table', { name: 'Отчёты по плану' }).innerText()).not.toContain(policeMinistry);
    await own2012.getByRole('link', { name: 'Написать отчёт' }).click();
    await labourPage.getByRole('heading', { name: 'Отчёт по мероприятию 1, 2012 год', level: 1 }).waitFor();

    // Submitting an empty report: the summary takes focus and links to the fields.
    await labourPage.getByRole('button', { name: 'Представить', exact: true }).click();
    const summary = labourPage.getByRole('alert');
    await summary.getByRole('heading', { name: 'Есть ошибки' }).waitFor();
    await expect.poll(() => isFocused(summary)).toBe(true);
    await summary.getByRole('link', { name: 'Напишите, что сделано.' }).click();
    await expect.poll(() => isFocused(labourPage.getByLabel('Что сделано'))).toBe(true);

    await labourPage.getByRole('radio', { name: 'Исполнено', exact: true }).check();
    await labourPage.getByLabel('Что сделано').fill('Обучены 40 трудовых инспекторов в Астане и Алматы.');
    await labourPage.getByLabel('Обучено человек').fill('40');
    await labourPage.getByLabel('Проведено мероприятий').fill('2');
    await labourPage.getByRole('button', { name: 'Представить', exact: true }).click();
    await labourPage.getByRole('status').getByText('Отчёт представлен координирующему органу.').waitFor();
    expect(await labourPage.getByRole('button', { name: 'Представить', exact: true }).count()).toBe(0);
    expect(await labourPage.getByText('Обучены 40 трудовых инспекторов в Астане и Алматы.').count()).toBe(1);

    // The Ministry of Justice coordinates the plan: it sees every body, the labour ministry's report in and the police's missing and late.
    const justicePage = await openPage('/sign-in');
    await signInAs(justicePage, justice);
    await openPlan(justicePage, title);
    const submitted = obligationRow(justicePage, labourMinistry, '2012 год');
    await expect.poll(() => submitted.innerText()).toContain('Представлен');
    const police2012 = obligationRow(justicePage, policeMinistry, '2012 год');
    expect(await police2012.innerText()).toContain('Не написан');
    expect(await police2012.innerText()).toContain('просрочен');

    const filters = justicePage.getByRole('form', { name: 'Фильтры' });
    await filters.getByLabel('Орган', { exact: true }).selectOption({ label: policeMinistry });
    await filters.getByLabel('Состояние').selectOption({ label: 'Не написан' });
    await filters.getByLabel('Срок').selectOption({ label: 'Только просроченные' });
    await filters.getByRole('button', { name: 'Показать' }).click();
    await justicePage.waitForURL((address) => address.searchParams.get('organization') === 'MIA' && address.searchParams.get('status') === 'missing' && address.searchParams.get('late') === 'true');
    const table = justicePage.getByRole('table', { name: 'Отчёты по плану' });
    await expect.poll(async () => (await table.innerText()).includes(labourMinistry)).toBe(false);
    expect(await table.getByRole('row').count()).toBe(4);
    await filters.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await justicePage.waitForURL((address) => address.search === '');

    await obligationRow(justicePage, labourMinistry, '2012 год').getByRole('link', { name: 'Открыть' }).click();
    await justicePage.getByRole('heading', { name: 'Отчёт по мероприятию 1, 2012 год', level: 1 }).waitFor();
    await justicePage.getByText('Обучены 40 трудовых инспекторов в Астане и Алматы.').waitFor();
    await justicePage.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await justicePage.getByRole('alert').getByRole('link', { name: 'Напишите, что нужно доработать.' }).waitFor();
    await justicePage.getByLabel('Что нужно доработать').fill('Укажите, в каких регионах прошло обучение.');
    await justicePage.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await justicePage.getByRole('status').getByText('Отчёт возвращён на доработку.').waitFor();

    // The labour ministry sees why, revises and submits again.
    await labourPage.reload();
    const returned = labourPage.getByRole('region', { name: 'Возвращён на доработку' });
    await returned.getByText('Укажите, в каких регионах прошло обучение.').waitFor();
    const narrative = labourPage.getByLabel('Что сделано');
    expect(await narrative.inputValue()).toBe('Обучены 40 трудовых инспекторов в Астане и Алматы.');
    await narrative.fill('Обучены 40 трудовых инспекторов: 25 в Астане, 15 в Алматы.');
    await labourPage.getByRole('button', { name: 'Представить', exact: true }).click();
    await labourPage.getByRole('status').getByText('Отчёт представлен координирующему органу.').waitFor();
    const history = await labourPage.getByRole('region', { name: 'История' }).innerText();
    expect(history).toContain('Возвращён на доработку');
    expect(history).toContain('Укажите, в каких регионах прошло обучение.');

    // The Ministry of Justice accepts it.
    await justicePage.reload();
    await justicePage.getByText('Обучены 40 трудовых инспекторов: 25 в Астане, 15 в Алматы.').waitFor();
    await justicePage.getByRole('button', { name: 'Принять', exact: true }).click();
    await justicePage.getByRole('status').getByText('Отчёт принят.').waitFor();
    expect(await justicePage.getByRole('button', { name: 'Принять', exact: true }).count()).toBe(0);
    await justicePage.getByRole('link', { name: 'Назад к плану' }).click();
    await expect.poll(() => obligationRow(justicePage, labourMinistry, '2012 год').innerText()).toContain('Принят');

    // By 20 January 2013 the Ministry of Justice sends the Government the consolidated report, which carries it.
    const consolidated = justicePage.getByRole('region', { name: 'Сводная информация для Правительства' });
    await consolidated.getByLabel('Отчётная дата').selectOption('2013-01-20');
    for (const format of ['DOCX', 'PDF', 'XLSX']) {
      const [download] = await Promise.all([justicePage.waitForEvent('download'), consolidated.getByRole('link', { name: `Скачать ${format}` }).click()]);
      const file = await readFile((await download.path()) ?? '');
      expect(file.length, format).toBeGreaterThan(1000);
      if (format === 'DOCX') {
        const documentXml = await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string');
        expect(documentXml).toContain('Обучены 40 трудовых инспекторов: 25 в Астане, 15 в Алматы.');
        expect(documentXml).toContain('не представлен');
      }
      if (format === 'XLSX') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ArrayBuffer);
        const rows = workbook.worksheets[0]?.getSheetValues().map((row) => JSON.stringify(row)) ?? [];
        expect(rows.some((row) => row.includes('25 в Астане') && row.includes('принят'))).toBe(true);
      }
      if (format === 'PDF') {
        expect(file.subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
  });

  it('the labour ministry attaches a file to its report; the Ministry of Justice opens it, downloads the end-of-plan assessment and drafts the next plan', async () => {
    const { app, database, url } = testServer();
    const justice = await createTestUser(database, { organizationCode: 'MJ', roles: ['coordinator'] });
    const labour = await createTestUser(database, { organizationCode: 'MLSP', roles: ['coordinator'] });
    const justiceApi = await signInThroughApi(app, justice);
    const labourApi = await signInThroughApi(app, labour);
    const imported = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: justiceApi.headers(), payload: { text: SMALL_PLAN, coordinatorCode: 'MJ' } });
    const planId = imported.json<{ id: string }>().id;
    const draft = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${planId}/reports`,
      headers: labourApi.headers(),
      payload: { measure: 1, periodLabel: '2013', workStatus: 'in_progress', narrative: 'Обучены 12 инспекторов в Караганде.' },
    });
    const reportId = draft.json<{ id: string }>().id;
    const protocol = Buffer.from('%PDF-1.4\n% Протокол семинара\n%%EOF\n');

    // The labour ministry attaches the seminar's protocol to its draft, then submits the report.
    const labourPage = await openPage('/sign-in');
    await signInAs(labourPage, labour);
    await labourPage.goto(`${url}/plans/${planId}/reports/1/2013`);
    await labourPage.getByRole('heading', { name: 'Отчёт по мероприятию 1, 2013 год', level: 1 }).waitFor();
    const files = labourPage.getByRole('region', { name: 'Приложенные файлы' });
    await files.getByRole('button', { name: 'Приложить файл' }).click();
    await files.getByText('Выберите файл').waitFor();
    await files.getByLabel('Файл для приложения').setInputFiles({ name: 'Протокол семинара.pdf', mimeType: 'application/pdf', buffer: protocol });
    await files.getByRole('button', { name: 'Приложить файл' }).click();
    await files.getByRole('link', { name: 'Протокол семинара.pdf' }).waitFor();
    await labourPage.getByRole('button', { name: 'Представить', exact: true }).click();
    await labourPage.getByRole('status').getByText('Отчёт представлен координирующему органу.').waitFor();
    expect(await files.getByRole('button', { name: /Удалить/ }).count()).toBe(0);

    // The Ministry of Justice opens the report and its file.
    const justicePage = await openPage('/sign-in');
    await signInAs(justicePage, justice);
    await justicePage.goto(`${url}/plan-reports/${reportId}`);
    const attached = justicePage.getByRole('region', { name: 'Приложенные файлы' }).getByRole('link', { name: 'Протокол семинара.pdf' });
    const [fileDownload] = await Promise.all([justicePage.waitForEvent('download'), attached.click()]);
    expect(Buffer.compare(await readFile((await fileDownload.path()) ?? ''), protocol)).toBe(0);

    // On the plan page it sees what is overdue, and downloads the end-of-plan assessment.
    await justicePage.goto(`${url}/plans/${planId}`);
    const reminders = justicePage.getByRole('table', { name: 'Отчёты с приближающимся сроком и просроченные' });
    await expect.poll(() => reminders.innerText()).toContain('Просрочен, дней:');
    const assessment = justicePage.getByRole('region', { name: 'Оценка выполнения плана' });
    const [assessmentDownload] = await Promise.all([justicePage.waitForEvent('download'), assessment.getByRole('link', { name: 'Скачать DOCX' }).click()]);
    const documentXml = await (await JSZip.loadAsync(await readFile((await assessmentDownload.path()) ?? ''))).file('word/document.xml')?.async('string');
    expect(documentXml).toContain('Оценка выполнения Плана мероприятий');
    expect(documentXml).toContain('выполнено частично');

    // It drafts the next plan from the assessment and confirms it.
    const nextPlan = assessment.getByRole('form', { name: 'Проект следующего плана' });
    await nextPlan.getByLabel('Название следующего плана').fill('План мероприятий на 2015-2017 годы');
    await nextPlan.getByRole('button', { name: 'Создать проект' }).click();
    await justicePage.getByRole('heading', { name: 'План мероприятий на 2015-2017 годы', level: 1 }).waitFor();
    const draftNotice = justicePage.getByRole('region', { name: 'Этот план — проект' });
    // The measure partly done is carried over, with its bodies.
    const carried = draftNotice.getByRole('table', { name: 'Мероприятия проекта' });
    await expect.poll(() => carried.innerText()).toContain('1. To train labour inspectors on signs of forced labour');
    // Bodies show by code until the organization directory has loaded, then by name.
    await expect.poll(() => carried.innerText()).toContain(labourMinistry);
    await draftNotice.getByRole('button', { name: 'Утвердить план: он вступает в действие' }).click();
    await expect.poll(() => draftNotice.count()).toBe(0);
  });

  it('the Ministry of Justice imports the 2009-2011 plan from its file, resolving what Senim could not read', async () => {
    const { database } = testServer();
    const justice = await createTestUser(database, { organizationCode: 'MJ', roles: ['coordinator'] });
    const page = await openPage('/sign-in');
    await signInAs(page, justice);
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Планы мероприятий' }).click();
    await page.getByRole('link', { name: 'Импортировать план' }).click();
    await page.getByRole('heading', { name: 'Импорт плана', level: 1 }).waitFor();

    await page.getByLabel('Или прочитать текст из файла (.txt)').setInputFiles(seedPlanFile);
    await expect.poll(async () => (await page.getByRole('textbox', { name: 'Текст плана' }).inputValue()).length).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Прочитать', exact: true }).click();
    await page.getByRole('heading', { name: 'Что прочитал Senim' }).waitFor();
    expect(await page.getByRole('table', { name: 'Мероприятия плана' }).getByRole('row').count()).toBe(26);

    const importButton = page.getByRole('button', { name: 'Импортировать', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    const bodySelects = page.getByRole('combobox', { name: /^Организация для/ });
    const bodyProblems = await bodySelects.count();
    expect(bodyProblems).toBeGreaterThan(0);
    for (let index = 0; index < bodyProblems; index += 1) {
      await bodySelects.nth(index).selectOption('NGO-UCC');
    }
    const acceptBoxes = page.getByRole('checkbox', { name: 'Принять как есть' });
    const otherProblems = await acceptBoxes.count();
    for (let index = 0; index < otherProblems; index += 1) {
      await acceptBoxes.nth(index).check();
    }
    await page.getByLabel('Координирующий орган').selectOption('MJ');
    await page.getByText('Все проблемы решены: план можно импортировать.').waitFor();
    await importButton.click();

    await page.waitForURL(`${testServer().url}/plans`);
    await page.getByRole('status').getByText(/мероприятий: 25\./).waitFor();
    const row = page.getByRole('table', { name: 'Планы мероприятий' }).getByRole('row').filter({ hasText: '2009–2011' });
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells).toContain('25');
  });
});

import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser, signIn as signInThroughApi, type SignedIn } from '../src/server/testing/test-users.js';
import { todayInKazakhstan } from '../src/shared/kazakhstan-calendar.js';
import { formatDate } from '../src/web/components/formatting.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage, signInWithEnrolment } = useBrowserAgainstTestServer();

const screenshots = new URL('../test-results/screenshots/', import.meta.url);

/** A day counted from today in Kazakhstan, the calendar the server refuses future dates by. */
function daysFromToday(days: number): string {
  const date = new Date(`${todayInKazakhstan()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Intl writes thousands with narrow or non-breaking spaces: compare text as a reader sees it. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/gu, ' ');
}

async function organizationId(code: string): Promise<string> {
  return (await testServer().database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A section of a page by its own heading (a table inside may carry the same name). */
function section(page: Page, heading: string, level: 2 | 3 = 2): Locator {
  return page.locator(`section:has(> h${level}:text-is("${heading}"))`);
}

async function noticeShown(page: Page, text: string): Promise<void> {
  await page.locator('p[role="status"]').filter({ hasText: text }).waitFor();
}

/** Chooses the article whose option starts "ст. <number> «" in the 2014 Code among a select's options. */
async function chooseArticle(select: Locator, article: string): Promise<void> {
  const option = select.locator('option').filter({ hasText: new RegExp(`^ст\\. ${article} «.*\\(УК 2014 г\\.\\)$`, 'u') });
  const value = await option.first().getAttribute('value');
  expect(value, `article ${article} offered`).not.toBeNull();
  await select.selectOption(value ?? '');
}

/** A Korgau case of a woman assisted in Astana; shared with the police body she named, if any. */
async function recordVictimCase(worker: SignedIn, input: { familyName: string; givenName: string; sharesWithPolice: string | null }): Promise<{ id: string; code: string }> {
  const intake = await testServer().app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: worker.headers(),
    payload: {
      referralSource: 'self_referral',
      meetingContext: 'came_to_office',
      firstContactDate: daysFromToday(-60),
      regionCode: 'KZ-AST',
      sex: 'female',
      ageYears: 27,
      ageBasis: 'documented',
      citizenship: 'KAZ',
      identity: { names: [{ given: input.givenName, family: input.familyName }], citizenships: ['KAZ'] },
      consents: [
        { scope: 'processing', given: true, method: 'written' },
        ...(input.sharesWithPolice === null ? [] : [{ scope: 'police_sharing', organizationId: input.sharesWithPolice, given: true, method: 'written' }]),
      ],
    },
  });
  expect(intake.statusCode, intake.body).toBe(201);
  return intake.json<{ id: string; code: string }>();
}

describe('criminal justice, from the register to the victim’s compensation', () => {
  it('follows a proceeding under art. 128 part 3 re-qualified to 309 to a verdict, seen and compensated on the victim’s case', async () => {
    const { app, database } = testServer();
    mkdirSync(screenshots, { recursive: true });
    const workerUser = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const intakeWorker = await signInThroughApi(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
    // Aigerim agreed to share her case with the police; Saule did not, and stays a case code to them.
    const mia = await organizationId('MIA');
    const sharing = await recordVictimCase(intakeWorker, { familyName: 'Серикова', givenName: 'Айгерим', sharesWithPolice: mia });
    const private_ = await recordVictimCase(intakeWorker, { familyName: 'Ахметова', givenName: 'Сауле', sharesWithPolice: null });
    const registerNumber = `2675${String(Date.now()).slice(-11)}`;
    const registeredOn = daysFromToday(-40);

    // The investigator registers the proceeding under art. 128 part 3 of the 2014 Code with both victims.
    const investigator = await openPage('/sign-in');
    await signInWithEnrolment(investigator, await createTestUser(database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-AST'] }));
    await investigator.getByRole('navigation').getByRole('link', { name: 'Уголовные дела' }).first().click();
    await investigator.getByRole('heading', { name: 'Мои уголовные дела', level: 1 }).waitFor();
    await investigator.getByRole('link', { name: 'Зарегистрировать уголовное дело' }).click();
    await investigator.getByRole('heading', { name: 'Регистрация уголовного дела', level: 1 }).waitFor();
    await investigator.getByLabel('Номер ЕРДР').fill(registerNumber);
    await investigator.getByLabel('Дата регистрации').fill(registeredOn);
    await investigator.getByLabel('Орган, зарегистрировавший дело').selectOption(mia);
    await investigator.getByLabel('Орган расследования').selectOption(mia);
    const articleRow = investigator.getByRole('group', { name: 'Статья 1' });
    await expect.poll(() => articleRow.getByLabel('Статья', { exact: true }).locator('option').count()).toBeGreaterThan(1);
    await chooseArticle(articleRow.getByLabel('Статья', { exact: true }), '128');
    await articleRow.getByLabel('Часть').fill('3');
    for (const [index, victim] of [sharing, private_].entries()) {
      await investigator.getByRole('button', { name: 'Добавить случай' }).click();
      const row = investigator.getByRole('group', { name: `Пострадавший ${index + 1}` });
      await row.getByLabel('Код случая').fill(victim.code);
      await row.getByLabel('Процессуальный статус').selectOption({ label: 'потерпевший' });
    }
    await investigator.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    await noticeShown(investigator, `Уголовное дело № ${registerNumber} зарегистрировано.`);
    await investigator.getByRole('heading', { name: `Уголовное дело № ${registerNumber}`, level: 1 }).waitFor();

    // Aigerim's name shows to the investigator; Saule's case is its code only.
    const victims = section(investigator, 'Пострадавшие и другие лица из случаев НМП');
    // Each person is one entry of the section, whether drawn as a list item or a table row.
    const entryOf = (code: string) => victims.locator('li, tr').filter({ hasText: code }).first();
    const sharingRow = entryOf(sharing.code);
    const privateRow = entryOf(private_.code);
    await expect.poll(() => sharingRow.innerText()).toContain('Айгерим');
    expect(await privateRow.innerText()).toContain('Личность скрыта: нет согласия на передачу данных полиции.');
    expect(await privateRow.innerText()).not.toContain('Сауле');
    expect(await victims.innerText()).not.toContain('Ахметова');

    // Investigation, then re-qualification to art. 309 in the indictment, then court.
    const stage = section(investigator, 'Стадия и её история');
    const moveTo = async (name: string, on: string) => {
      await stage.getByRole('radio', { name, exact: true }).check();
      await stage.getByLabel('Дата решения').fill(on);
      await stage.getByRole('button', { name: 'Перевести' }).click();
      await noticeShown(investigator, `Дело переведено на стадию «${name}».`);
    };
    await moveTo('Досудебное расследование', daysFromToday(-39));

    const qualification = section(investigator, 'Квалификация');
    await qualification.getByText('Переквалифицировать', { exact: true }).click();
    await qualification.getByLabel('Дата решения').fill(daysFromToday(-12));
    await qualification.getByLabel('Кем и когда').selectOption({ label: 'в обвинительном акте' });
    const newArticle = qualification.getByRole('group', { name: 'Статья 1' }).getByLabel('Статья', { exact: true });
    await expect.poll(() => newArticle.locator('option').count()).toBeGreaterThan(1);
    await chooseArticle(newArticle, '309');
    await qualification.getByLabel('Основание').fill('Собраны доказательства содержания притона; признаков торговли людьми недостаточно.');
    await qualification.getByRole('button', { name: 'Записать переквалификацию' }).click();
    await noticeShown(investigator, 'Переквалификация записана.');
    await expect.poll(async () => plain(await qualification.innerText())).toContain('Переквалифицировано на ст. 309');
    expect(await qualification.innerText()).toContain('Зарегистрировано по ст. 128 ч.3');

    await moveTo('Направлено в суд', daysFromToday(-10));

    // Two accused, both convicted under art. 309 at first instance.
    const defendants = section(investigator, 'Подозреваемые и обвиняемые');
    for (const [familyName, role] of [
      ['Кайратов', 'организатор'],
      ['Жумабеков', 'пособник'],
    ] as const) {
      await defendants.getByText('Добавить подозреваемого или обвиняемого', { exact: true }).click();
      const form = defendants.getByRole('form', { name: 'Подозреваемый или обвиняемый' });
      await form.getByLabel('Фамилия').fill(familyName);
      await form.getByLabel('Процессуальный статус').selectOption({ label: 'Обвиняемый' });
      await form.getByLabel('Пол').selectOption({ label: 'мужчина' });
      await form.getByLabel('Возраст (лет)').fill('41');
      await form.getByLabel('Роль').selectOption({ label: role });
      await form.getByRole('button', { name: 'Записать', exact: true }).click();
      await noticeShown(investigator, 'Подозреваемый или обвиняемый записан.');
    }
    const verdictOn = daysFromToday(-3);
    for (const number of [1, 2]) {
      await defendants.getByText(`Записать приговор (${number})`, { exact: true }).click();
      const form = defendants.getByRole('form', { name: `Приговор: ${number}` });
      await form.getByLabel('Дата приговора').fill(verdictOn);
      await form.getByLabel('Решение суда').selectOption({ label: 'осуждён' });
      await chooseArticle(form.getByLabel('Статья осуждения'), '309');
      await form.getByLabel('Наказание').selectOption({ label: 'лишение свободы' });
      await form.getByLabel('Лет').fill(String(3 + number));
      await form.getByLabel('Месяцев').fill('0');
      await form.getByRole('button', { name: 'Записать приговор' }).click();
      await noticeShown(investigator, `Приговор записан: ${number} — осуждён.`);
    }
    await expect.poll(() => investigator.getByRole('list', { name: 'Состояние' }).innerText()).toContain('Приговор суда первой инстанции');

    // Aigerim's case worker follows the proceeding on her case page and records the Fund's payment.
    const worker = await openPage('/sign-in');
    await signInWithEnrolment(worker, workerUser);
    await worker.goto(`${testServer().url}/cases/${sharing.id}`);
    await worker.getByRole('heading', { name: `Дело ${sharing.code}`, level: 1 }).waitFor();
    const justice = section(worker, 'Уголовные дела');
    const proceeding = justice.getByRole('article', { name: `Уголовное дело № ${registerNumber}` });
    await proceeding.waitFor();
    const record = plain(await proceeding.innerText());
    expect(record).toContain(`Приговор суда первой инстанции — с ${plain(formatDate(verdictOn, 'ru'))}`);
    expect(record).toContain('128 ч.3 → 309');
    expect(record).toContain('Приговор: осуждено 2');
    expect(record).toContain('потерпевший');
    // The investigative file stays with the investigator: no defendant is named on the case.
    expect(record).not.toContain('Кайратов');
    expect(await worker.locator('body').innerText()).not.toContain('Жумабеков');

    await worker.setViewportSize({ width: 1366, height: 768 });
    await justice.evaluate((element) => {
      element.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
    await worker.screenshot({ path: new URL('case-justice-ru-1366.png', screenshots).pathname });

    const mciYear = Number(todayInKazakhstan().slice(0, 4));
    const mci = await database.db.selectFrom('monthly_calculation_indices').select('value_tenge').where('year', '=', mciYear).executeTakeFirstOrThrow();
    const tenge = plain(new Intl.NumberFormat('ru', { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(30 * mci.value_tenge));
    await justice.getByText('Записать компенсацию из Фонда', { exact: true }).click();
    const fund = justice.getByRole('form', { name: 'Записать компенсацию из Фонда' });
    await fund.getByLabel('Дата заявления').fill(daysFromToday(-2));
    await fund.getByLabel('Решение').selectOption({ label: 'Компенсация назначена' });
    await fund.getByLabel('Дата решения').fill(daysFromToday(0));
    await fund.getByLabel('Сумма, МРП').fill('30');
    // The tenge appear as she types, at the index of the decision's year.
    await expect.poll(async () => plain(await fund.innerText())).toContain(`= ${tenge} по МРП ${mciYear} г.`);
    // A decision dated tomorrow is refused by the rule, in words, beside its field.
    await fund.getByLabel('Дата решения').fill(daysFromToday(1));
    await fund.getByRole('button', { name: 'Записать компенсацию' }).click();
    await fund.getByRole('alert').getByRole('link', { name: 'Дата ещё не наступила.' }).waitFor();
    await fund.getByLabel('Дата решения').fill(daysFromToday(0));
    await fund.getByLabel('Дата выплаты').fill(daysFromToday(0));
    await worker.setViewportSize({ width: 390, height: 844 });
    await fund.getByLabel('Сумма, МРП').scrollIntoViewIfNeeded();
    await worker.screenshot({ path: new URL('case-justice-compensation-ru-phone.png', screenshots).pathname });
    await fund.getByRole('button', { name: 'Записать компенсацию' }).click();
    await noticeShown(worker, 'Компенсация записана.');
    const fundList = section(worker, 'Фонд компенсации потерпевшим', 3);
    await expect.poll(async () => plain(await fundList.innerText())).toContain(`30 МРП = ${tenge}`);
    expect(plain(await fundList.innerText())).toContain(`Выплачено ${plain(formatDate(daysFromToday(0), 'ru'))}`);

    // Each step is on the case's timeline, in words.
    const timeline = section(worker, 'Хронология');
    await expect.poll(async () => plain(await timeline.innerText())).toContain(`Фонд компенсации: Компенсация назначена: 30 МРП = ${tenge}`);
    const events = plain(await timeline.innerText());
    expect(events).toContain('Приговор по уголовному делу');
    expect(events).toContain('осуждено 2');
    expect(events).toContain('Уголовное дело переквалифицировано');
    expect(events).toContain('ст. 309');
    expect(events).toContain('Направлено в суд');
    expect(events).toContain('Связано с уголовным делом');

    // The form closes once saved, leaving the record it added.
    expect(await justice.getByRole('form', { name: 'Записать компенсацию из Фонда' }).isVisible()).toBe(false);
    await worker.setViewportSize({ width: 390, height: 844 });
    await proceeding.evaluate((element) => {
      element.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
    await worker.screenshot({ path: new URL('case-justice-ru-phone.png', screenshots).pathname });
    await fundList.evaluate((element) => {
      element.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
    await worker.screenshot({ path: new URL('case-justice-fund-ru-phone.png', screenshots).pathname });
    await worker.setViewportSize({ width: 1366, height: 768 });
    // The page scrolls smoothly for readers; the picture wants the top at once.
    await worker.evaluate(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
    });
    await worker.screenshot({ path: new URL('case-page-top-ru-1366.png', screenshots).pathname });
  });
});

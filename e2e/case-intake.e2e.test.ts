import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../src/server/platform/auth/totp.js';
import { createTestUser, type TestUser } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage } = useBrowserAgainstTestServer();

/** Police and case workers may see identities, so their first sign-in sets up the authenticator from the key shown. */
async function signInWithEnrolment(page: Page, user: TestUser): Promise<void> {
  const { url } = testServer();
  await page.getByLabel('Адрес электронной почты').fill(user.email);
  await page.getByLabel('Пароль').fill(user.password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByRole('heading', { name: 'Настройте вход с кодом' }).waitFor();
  const secret = (await page.locator('.totp-secret').innerText()).replaceAll(' ', '');
  await page.getByLabel('6-значный код').fill(currentTotpCode(secret));
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.waitForURL(`${url}/`);
}

async function goTo(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function russianNameOf(code: string): Promise<string> {
  return (await testServer().database.db.selectFrom('organizations').select('name_ru').where('code', '=', code).executeTakeFirstOrThrow()).name_ru;
}

describe('a police intake handed over to an NGO', () => {
  it('the police record it with consent to referral and get a code; the NGO finds it in its worklists and accepts the referral', async () => {
    const { database } = testServer();
    const korgauName = await russianNameOf('NGO-KORGAU-ASTANA');

    const police = await openPage('/sign-in');
    await signInWithEnrolment(police, await createTestUser(database, { organizationCode: 'MIA', roles: ['first_responder'], regionCodes: ['KZ-AST'] }));
    await goTo(police, 'Новое обращение', 'Новое обращение');

    // An empty form is refused before it is sent, with links to what is missing.
    await police.getByRole('button', { name: 'Записать обращение' }).click();
    const summary = police.getByRole('alert');
    await summary.getByRole('link', { name: 'Выберите, кто выявил.' }).waitFor();
    await summary.getByRole('link', { name: 'Выберите, где встретили.' }).click();
    await expect.poll(() => police.getByLabel('Где встретили').evaluate((element) => element === document.activeElement)).toBe(true);

    await police.getByLabel('Кто выявил').selectOption({ label: 'Полиция' });
    await police.getByLabel('Где встретили').selectOption({ label: 'Рейд' });
    // The officer works in Astana only, so the region is already chosen once the list arrives.
    await expect.poll(() => police.getByLabel('Регион', { exact: true }).inputValue()).toBe('KZ-AST');
    await police.getByLabel('Пол', { exact: true }).selectOption({ label: 'Женщина' });
    await police.getByLabel('Возраст (полных лет)').fill('24');
    await police.getByLabel('Откуда известен возраст').selectOption({ label: 'Со слов' });
    await police.getByLabel('Гражданство').selectOption({ label: 'Узбекистан' });
    await police.getByLabel('Обстоятельства').fill('Найдена при рейде на строительном объекте; паспорт у прораба.');

    await police.getByRole('checkbox', { name: 'Согласие на обработку данных' }).check();
    await police.getByRole('checkbox', { name: 'Согласие на направление в организацию помощи' }).check();
    await police.getByLabel('Как дано согласие').selectOption({ label: 'Письменно' });
    await police.getByText('Без согласия на передачу сведений правоохранительным органам полиция не видит дело после записи.').waitFor();

    await police.getByRole('checkbox', { name: 'Сразу направить в организацию помощи' }).check();
    await police.getByRole('checkbox', { name: 'Социально-психологические' }).check();
    await police.getByRole('checkbox', { name: 'Социально-правовые' }).check();
    const provider = police.getByRole('radio', { name: korgauName });
    await provider.check();
    await police.getByLabel('Причина направления').fill('Поддержка психолога и юриста; идентификация.');
    await police.getByRole('button', { name: 'Записать обращение' }).click();

    const receipt = police.getByRole('status').filter({ hasText: 'Обращение записано' });
    await receipt.waitFor();
    const code = await receipt.locator('.case-code').innerText();
    expect(code.length).toBeGreaterThan(3);
    expect(await receipt.innerText()).toContain('поэтому дальше полиция дело не видит');
    // The police keep the code they handed over, though not the case.
    await expect.poll(() => police.getByRole('table', { name: 'Дела, записанные вашей организацией' }).innerText()).toContain(code);

    // The NGO sees the referral waiting in its worklists, answers it, and then has the case in reach.
    const ngo = await openPage('/sign-in');
    await signInWithEnrolment(ngo, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
    await goTo(ngo, 'Дела', 'Дела');
    await ngo.getByRole('navigation', { name: 'Списки дел' }).getByRole('link', { name: 'Входящие направления' }).click();
    const waiting = ngo.getByRole('table', { name: 'Входящие направления' });
    await expect.poll(() => waiting.innerText()).toContain(code);
    expect(await waiting.innerText()).toContain('Социально-психологические');

    await goTo(ngo, 'Входящие направления', 'Входящие направления');
    const referral = ngo.getByRole('article', { name: `Дело ${code}` });
    await referral.getByText('Поддержка психолога и юриста; идентификация.').waitFor();
    await referral.getByRole('button', { name: 'Отправить ответ' }).click();
    await referral.getByRole('alert').getByRole('link', { name: 'Выберите: принять или отказать.' }).waitFor();
    await referral.getByRole('radio', { name: 'Принять' }).check();
    await referral.getByRole('button', { name: 'Отправить ответ' }).click();
    await ngo.getByRole('status').getByText(`Направление по делу ${code} принято.`).waitFor();
    await ngo.getByText('Нет направлений, ждущих ответа.').waitFor();

    await goTo(ngo, 'Дела', 'Дела');
    const codeSearch = ngo.getByRole('search', { name: 'Поиск по коду дела' });
    await codeSearch.getByLabel('Код дела').fill(code);
    await codeSearch.getByRole('button', { name: 'Найти' }).click();
    const found = ngo.getByRole('table', { name: `Дела с кодом «${code}»` });
    await expect.poll(() => found.innerText()).toContain('Женщина, возраст 24, иностранец или лицо без гражданства');
    await found.getByRole('link', { name: code }).click();
    await ngo.waitForURL((address) => address.pathname.startsWith('/cases/') && !address.pathname.endsWith('/new'));
  });
});

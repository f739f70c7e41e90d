import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage, signInWithEnrolment } = useBrowserAgainstTestServer();

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

  it('an NGO records a person who came in with her names in two scripts, finds the case by name for a stated purpose, and counts an adult who refused everything', async () => {
    const { database } = testServer();
    const ngo = await openPage('/sign-in');
    const worker = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'], regionCodes: ['KZ-AST'] });
    await signInWithEnrolment(ngo, worker);
    await goTo(ngo, 'Новое обращение', 'Новое обращение');
    await ngo.getByLabel('Кто выявил').selectOption({ label: 'Обратился сам' });
    await ngo.getByLabel('Где встретили').selectOption({ label: 'Пришёл в организацию' });
    await expect.poll(() => ngo.getByLabel('Регион', { exact: true }).inputValue()).toBe('KZ-AST');
    await ngo.getByLabel('Пол', { exact: true }).selectOption({ label: 'Женщина' });
    await ngo.getByLabel('Гражданство').selectOption({ label: 'Другая страна (код ISO)' });
    await ngo.getByLabel('Код страны').fill('npl');

    await ngo.getByRole('checkbox', { name: 'Записать личные данные' }).check();
    const first = ngo.getByRole('group', { name: 'Имя 1' });
    await first.getByLabel('Фамилия').fill('Тамангова');
    await first.getByLabel('Имя', { exact: true }).fill('Сита');
    await ngo.getByRole('button', { name: 'Добавить написание или имя' }).click();
    const second = ngo.getByRole('group', { name: 'Имя 2' });
    expect(await second.getByLabel('Вид').inputValue()).toBe('spelling');
    await second.getByLabel('Фамилия').fill('Tamang');
    await second.getByLabel('Имя', { exact: true }).fill('Sita');
    await second.getByLabel('Основание').selectOption({ label: 'По документам' });
    await ngo.getByLabel('Дата рождения', { exact: true }).fill('2001');
    await ngo.getByRole('button', { name: 'Добавить документ' }).click();
    const passport = ngo.getByRole('group', { name: 'Документ 1' });
    await passport.getByLabel('Номер документа').fill('PA0011223');
    await passport.getByLabel('У кого документ').selectOption({ label: 'Удерживает работодатель или торговец людьми' });
    await ngo.getByRole('checkbox', { name: 'Согласие на обработку данных' }).check();
    await ngo.getByRole('button', { name: 'Записать обращение' }).click();

    // The organization that recorded it sees the case: it goes straight to the case page.
    const heading = ngo.getByRole('heading', { level: 1, name: /^Дело / });
    await heading.waitFor();
    const code = (await heading.innerText()).replace('Дело ', '');

    await goTo(ngo, 'Дела', 'Дела');
    await expect.poll(() => ngo.getByRole('table', { name: 'Мои дела' }).innerText()).toContain(code);

    const byName = ngo.getByRole('search', { name: 'Поиск по имени' });
    await byName.getByLabel('Имя или его часть').fill('Tamang');
    await byName.getByRole('button', { name: 'Найти' }).click();
    await byName.getByText('Напишите цель поиска (не менее 5 знаков).').waitFor();
    await byName.getByLabel('Цель поиска').fill('проверка повторного обращения');
    await byName.getByRole('button', { name: 'Найти' }).click();
    const results = ngo.getByRole('table', { name: 'Дела найденных лиц' });
    await expect.poll(() => results.innerText()).toContain(code);
    await ngo.getByText('Найдено лиц: 1.').waitFor();
    // The audit trail keeps who searched and why.
    const searched = await database.db.selectFrom('audit_events').select(['purpose', 'fields']).where('action', '=', 'person.searched').where('actor_user_id', '=', worker.id).execute();
    expect(searched).toEqual([{ purpose: 'проверка повторного обращения', fields: ['name'] }]);

    // Her reflection period, as a foreign citizen, runs 30 days from today: outside the default week, inside a month.
    await ngo.getByRole('navigation', { name: 'Списки дел' }).getByRole('link', { name: 'Период размышления истекает' }).click();
    await ngo.getByText('Нет периодов размышления, которые скоро истекают.').waitFor();
    await ngo.getByLabel('Истекает в течение (дней)').fill('30');
    await ngo.getByRole('button', { name: 'Показать' }).click();
    await ngo.waitForURL((address) => address.searchParams.get('list') === 'reflection_ending' && address.searchParams.get('days') === '30');
    await expect.poll(() => ngo.getByRole('table', { name: 'Период размышления истекает' }).innerText()).toContain(code);

    await goTo(ngo, 'Анонимные уведомления', 'Анонимное уведомление');
    const form = ngo.getByRole('form', { name: 'Анонимное уведомление' });
    await form.getByLabel('Кто выявил').selectOption({ label: 'Выездная работа НПО' });
    await form.getByLabel('Где встретили').selectOption({ label: 'Работа на улице' });
    await form.getByLabel('Возрастная группа').selectOption({ label: 'Ребёнок' });
    await form.getByRole('button', { name: 'Записать уведомление' }).click();
    await form.getByRole('alert').getByText('Ребёнка не регистрируют анонимно: запишите новое обращение.').waitFor();
    await form.getByLabel('Возрастная группа').selectOption({ label: 'Взрослый' });
    await form.getByRole('checkbox', { name: 'Трудовая эксплуатация' }).check();
    await form.getByRole('button', { name: 'Записать уведомление' }).click();
    await ngo.getByRole('status').getByText('Уведомление записано.').waitFor();
    await expect.poll(() => ngo.getByRole('table', { name: 'Анонимные уведомления' }).innerText()).toContain('Трудовая эксплуатация');
  });

  it('a shelter declines a placement with a reason and loses sight of the case', async () => {
    const { database } = testServer();
    const shelterName = await russianNameOf('SHELTER-ALA');
    const ngo = await openPage('/sign-in');
    await signInWithEnrolment(ngo, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
    await goTo(ngo, 'Новое обращение', 'Новое обращение');
    await ngo.getByLabel('Кто выявил').selectOption({ label: 'Горячая линия' });
    await ngo.getByLabel('Где встретили').selectOption({ label: 'Звонок на горячую линию' });
    await ngo.getByLabel('Регион', { exact: true }).selectOption({ label: 'Алматы' });
    await ngo.getByRole('checkbox', { name: 'Согласие на обработку данных' }).check();
    await ngo.getByRole('checkbox', { name: 'Согласие на направление в организацию помощи' }).check();
    await ngo.getByRole('checkbox', { name: 'Сразу направить в организацию помощи' }).check();
    await ngo.getByRole('checkbox', { name: 'Социально-бытовые' }).check();
    await ngo.getByRole('radio', { name: shelterName }).check();
    await ngo.getByLabel('Причина направления').fill('Нужно безопасное жильё.');
    await ngo.getByRole('checkbox', { name: 'Нужно место в приюте' }).check();
    await ngo.getByRole('button', { name: 'Записать обращение' }).click();
    const heading = ngo.getByRole('heading', { level: 1, name: /^Дело / });
    await heading.waitFor();
    const code = (await heading.innerText()).replace('Дело ', '');

    const shelter = await openPage('/sign-in');
    await signInWithEnrolment(shelter, await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['service_provider'] }));
    await goTo(shelter, 'Входящие направления', 'Входящие направления');
    const referral = shelter.getByRole('article', { name: `Дело ${code}` });
    await referral.getByText('нужно место в приюте').waitFor();
    await referral.getByRole('radio', { name: 'Отказать' }).check();
    await referral.getByRole('button', { name: 'Отправить ответ' }).click();
    await referral.getByRole('alert').getByRole('link', { name: 'Напишите причину отказа.' }).waitFor();
    await referral.getByLabel('Причина отказа').fill('Приют на карантине до конца месяца.');
    await referral.getByRole('button', { name: 'Отправить ответ' }).click();
    // Declining, the shelter loses sight of the case: the referral leaves its lists, and the case its reach.
    await shelter.getByRole('status').getByText(`В направлении по делу ${code} отказано. Ваша организация больше не видит это дело.`).waitFor();
    await shelter.getByText('Нет направлений, ждущих ответа.').waitFor();
    expect(await shelter.getByLabel('Показать').locator('option').allInnerTexts()).toEqual(['Ждёт ответа', 'Принято']);
    await goTo(shelter, 'Дела', 'Дела');
    const codeSearch = shelter.getByRole('search', { name: 'Поиск по коду дела' });
    await codeSearch.getByLabel('Код дела').fill(code);
    await codeSearch.getByRole('button', { name: 'Найти' }).click();
    await shelter.getByText(`Дела с кодом «${code}» нет среди доступных вам.`).waitFor();
  });
});


import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInKazakhstan } from '../src/shared/kazakhstan-calendar.js';
import type { SenimDatabase } from '../src/server/db/database.js';
import { addMember, createCommission } from '../src/server/modules/commission/commission-setup.service.js';
import { systemActor } from '../src/server/platform/actor.js';
import { createTestUser } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage, signInWithPassword: signInAs } = useBrowserAgainstTestServer();

const labourMinistry = 'Министерство труда и социальной защиты населения Республики Казахстан';
const korgau = 'НПО «Коргау-Астана»';
const sanaSezim = 'Женский правовой центр «Сана Сезим»';

async function openCommission(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Межведомственная комиссия' }).click();
  await page.getByRole('heading', { name: 'Межведомственные комиссии', level: 1 }).waitFor();
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** A commission set up by the national administrator, as the Government's decree would have it. */
async function setUpCommission(database: SenimDatabase, input: { name: string; workingBody: string; members: string[] }): Promise<void> {
  const actor = systemActor('e2e');
  const commission = await createCommission({
    database,
    actor,
    request: { level: 'national', name: { ru: input.name, kk: input.name, en: input.name }, establishedOn: '2020-01-01', noticeDays: 10, workingBody: input.workingBody },
  });
  for (const code of input.members) {
    await addMember({ database, actor, commissionId: commission.id, request: { organizationCode: code, kind: code.startsWith('NGO') ? 'ngo' : 'state_body', from: '2020-01-01' } });
  }
}

describe('the Inter-Agency Commission', () => {
  it('the working body schedules a meeting and sends notice, an NGO member reads it, and a decision becomes an obligation of its body', async () => {
    const { database } = testServer();
    const name = `Комиссия по противодействию торговле людьми ${Date.now()}`;
    await setUpCommission(database, { name, workingBody: 'MIA', members: ['MIA', 'MLSP', 'NGO-KORGAU-ASTANA'] });
    const police = await createTestUser(database, { organizationCode: 'MIA', roles: ['coordinator'] });
    const ngo = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'] });
    const labour = await createTestUser(database, { organizationCode: 'MLSP', roles: ['coordinator'] });
    const today = todayInKazakhstan();

    // The coordinator of the working body schedules meeting 1 with its agenda and sends notice.
    const policePage = await openPage('/sign-in');
    await signInAs(policePage, police);
    await openCommission(policePage, name);
    // Sana Sezim joins; the kind of seat follows from the kind of organization.
    const seatForm = policePage.getByRole('form', { name: 'Включить организацию в состав' });
    await seatForm.getByLabel('Организация').selectOption({ label: sanaSezim });
    expect(await seatForm.getByLabel('Членство').inputValue()).toBe('ngo');
    await seatForm.getByLabel('Член комиссии с').fill('2024-01-15');
    await seatForm.getByRole('button', { name: 'Включить в состав' }).click();
    await policePage.getByRole('table', { name: 'Члены комиссии, нынешние и прежние' }).getByRole('row').filter({ hasText: sanaSezim }).waitFor();
    await policePage.getByLabel('Дата', { exact: true }).fill(today);
    await policePage.getByLabel('Место', { exact: true }).fill('Астана, МВД');
    await policePage.getByLabel('Повестка дня').fill('1. Судебная практика по делам о торговле людьми\n2. Помощь жертвам');
    await policePage.getByRole('button', { name: 'Назначить заседание' }).click();
    const meetingHeading = `Заседание 1: ${name}`;
    await policePage.getByRole('heading', { name: meetingHeading, level: 1 }).waitFor();
    await policePage.getByRole('button', { name: 'Уведомить всех членов' }).click();
    const notices = policePage.getByRole('table', { name: 'Уведомление с повесткой каждому члену' });
    await expect.poll(() => notices.getByRole('row').filter({ hasText: korgau }).innerText()).toContain('с опозданием');
    expect(await notices.getByRole('row').filter({ hasText: sanaSezim }).innerText()).toContain('с опозданием');

    // The NGO reads the notice with the agenda in its list.
    const ngoPage = await openPage('/sign-in');
    await signInAs(ngoPage, ngo);
    await ngoPage.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Межведомственная комиссия' }).click();
    await ngoPage.getByRole('link', { name: 'Уведомления вашей организации' }).click();
    await ngoPage.getByRole('heading', { name: meetingHeading, level: 2 }).waitFor();
    expect(await ngoPage.getByRole('listitem').filter({ hasText: meetingHeading }).innerText()).toContain('Судебная практика по делам о торговле людьми');

    // Minutes, then a decision with the labour ministry as lead body.
    await policePage.getByLabel('Текст протокола').fill('Заслушаны МВД и НПО. Поручено Минтруда изучить помощь жертвам.');
    await policePage.getByRole('button', { name: 'Сохранить протокол' }).click();
    await policePage.getByRole('heading', { name: 'Внести решение' }).waitFor();
    await policePage.getByLabel('Решение', { exact: true }).fill('Изучить помощь жертвам в кризисных центрах');
    await policePage.getByLabel('Головной орган').selectOption({ label: labourMinistry });
    await policePage.getByLabel('Срок', { exact: true }).fill('2099-12-31');
    await policePage.getByRole('button', { name: 'Внести решение' }).click();
    const decisions = policePage.getByRole('table', { name: 'Решения с ответственными органами и сроками' });
    await expect.poll(async () => (await decisions.count()) > 0 && (await decisions.innerText())).toContain('Изучить помощь жертвам в кризисных центрах');

    // The labour ministry finds the decision among the reports it owes.
    const labourPage = await openPage('/sign-in');
    await signInAs(labourPage, labour);
    await openCommission(labourPage, name);
    await labourPage.getByRole('link', { name: 'Решения как обязательства: отчёты ответственных органов' }).click();
    const owed = labourPage.getByRole('table', { name: 'Отчёты по плану' }).getByRole('row').filter({ hasText: labourMinistry });
    await expect.poll(() => owed.count()).toBe(1);
    expect(await owed.innerText()).toContain('31 декабря 2099 г.');
    await owed.getByRole('link', { name: 'Написать отчёт' }).waitFor();

    // The working body publishes the consolidated report on the decisions; the public page offers it.
    await policePage.getByRole('link', { name: 'К комиссии' }).click();
    const publishForm = policePage.getByRole('form', { name: 'Опубликовать сводный отчёт' });
    await publishForm.getByLabel('Отчётная дата').fill('2100-01-20');
    await publishForm.getByRole('button', { name: 'Опубликовать' }).click();
    await policePage.getByRole('link', { name: 'Отчёт на 20 января 2100 г. (RU, PDF)' }).waitFor();
    const publicPage = await openPage('/public/commissions');
    await publicPage.getByRole('region', { name }).getByRole('link', { name: 'Отчёт на 20 января 2100 г. (RU, PDF)' }).waitFor();
  });

  it('anyone reaches the meetings and the published minutes from the start page, and nothing unpublished', async () => {
    const page = await openPage('/');
    await page.getByRole('link', { name: 'Заседания Межведомственной комиссии и опубликованные протоколы' }).click();
    await page.getByRole('heading', { name: 'Межведомственная комиссия: заседания и протоколы', level: 1 }).waitFor();
    const demo = page.getByRole('region', { name: 'Межведомственная комиссия по вопросам борьбы с незаконным вывозом, ввозом и торговлей людьми' });
    const meetings = demo.getByRole('table', { name: 'Заседания, последние сверху' });
    await expect.poll(() => meetings.getByRole('row').filter({ hasText: 'Заседание 30' }).innerText()).toContain('Following the meeting, the powers of the working body pass');
    expect(await meetings.getByRole('row').filter({ hasText: 'Заседание 31' }).innerText()).toContain('не опубликован');
    expect(await page.content()).not.toContain('Regional commissions reported');
  });

  it('an akimat’s coordinator sets up the regional commission it serves as working body', async () => {
    const { database } = testServer();
    const akimat = await createTestUser(database, { organizationCode: 'AKIMAT-KZ-AKM', roles: ['coordinator'] });
    const page = await openPage('/sign-in');
    await signInAs(page, akimat);
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Межведомственная комиссия' }).click();
    await page.getByRole('link', { name: 'Создать комиссию' }).click();
    const form = page.getByRole('form', { name: 'Создать комиссию' });
    await form.getByLabel('Уровень').selectOption('regional');
    await form.getByLabel('Акимат').selectOption({ label: 'Акимат Акмолинской области' });
    const name = `Акмолинская региональная комиссия ${Date.now()}`;
    await form.getByLabel('Название на русском').fill(name);
    await form.getByLabel('Название на казахском').fill('Ақмола өңірлік комиссиясы');
    await form.getByLabel('Название на английском').fill('Akmola regional commission');
    await form.getByLabel('Образована').fill('2015-03-01');
    await form.getByLabel('Рабочий орган').selectOption({ label: 'Акимат Акмолинской области' });
    await form.getByRole('button', { name: 'Создать комиссию' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page.getByRole('table', { name: 'Рабочие органы, последние сверху' }).innerText()).toContain('Акимат Акмолинской области');
  });
});

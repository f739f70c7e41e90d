import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../src/server/platform/auth/totp.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../src/server/testing/test-database.js';
import { createTestUser } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage } = useBrowserAgainstTestServer();

interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  enrolHeading: string;
  code: string;
  confirm: string;
}

const english: SignInLabels = {
  email: 'Email address',
  password: 'Password',
  submit: 'Sign in',
  enrolHeading: 'Set up sign-in with a code',
  code: '6-digit code',
  confirm: 'Confirm',
};

const russian: SignInLabels = {
  email: 'Адрес электронной почты',
  password: 'Пароль',
  submit: 'Войти',
  enrolHeading: 'Настройте вход с кодом',
  code: '6-значный код',
  confirm: 'Подтвердить',
};

/** Signs in for the first time, setting up the authenticator from the key written out for manual entry. */
async function signInWithEnrolment(page: Page, user: { email: string; password: string }, labels: SignInLabels): Promise<void> {
  await page.getByLabel(labels.email).fill(user.email);
  await page.getByLabel(labels.password).fill(user.password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.getByRole('heading', { name: labels.enrolHeading }).waitFor();
  const secret = (await page.locator('.totp-secret').innerText()).replaceAll(' ', '');
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await page.getByLabel(labels.code).fill(currentTotpCode(secret));
  await page.getByRole('button', { name: labels.confirm }).click();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function showOrganizations(page: Page, filters: { kind: string; region?: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Type', { exact: true }).selectOption({ label: filters.kind });
  await form.getByLabel('Serves the region').selectOption({ label: filters.region ?? 'Any' });
  await form.getByRole('button', { name: 'Show' }).click();
}

describe('organizations', () => {
  it('lets the national administrator find a shelter, add a crisis centre, refusing a code in use first, and change its places', async () => {
    const { url } = testServer();
    const page = await openPage('/sign-in', 'en-US');
    await signInWithEnrolment(page, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD }, english);
    await page.waitForURL(`${url}/`);

    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Organizations' }).getAttribute('aria-current')).toBe('page');

    const table = page.getByRole('table', { name: 'Organizations' });
    await showOrganizations(page, { kind: 'Shelter' });
    await page.waitForURL((address) => address.searchParams.get('kind') === 'shelter');
    // Until the filtered page arrives, the table still shows the unfiltered one: three demo shelters and the header.
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    const almaty = table.getByRole('row', { name: /Shelter for victims of trafficking, Almaty/ });
    // Region names arrive with their own request: until then the table shows the code.
    await expect.poll(() => almaty.innerText()).toContain('Almaty');
    const almatyText = await almaty.innerText();
    for (const expected of ['SHELTER-ALA', 'Shelter (Almaty)', 'Shelter', 'Almaty', '8']) {
      expect(almatyText).toContain(expected);
    }
    // A shelter's address is confidential: no screen shows it.
    expect(await page.content()).not.toContain('Демо-адрес');

    await page.getByRole('link', { name: 'Add an organization' }).click();
    await page.getByRole('heading', { name: 'Add an organization', level: 1 }).waitFor();
    const code = page.getByLabel('Code', { exact: true });
    await code.fill('MIA');
    await page.getByLabel('Type of organization').selectOption({ label: 'Crisis centre' });
    await page.getByLabel('Full name in Russian').fill('Кризисный центр «Павлодар»');
    await page.getByLabel('Full name in Kazakh').fill('«Павлодар» дағдарыс орталығы');
    await page.getByLabel('Full name in English').fill('Pavlodar Crisis Centre');
    await page.getByLabel('Abbreviation in Russian').fill('КЦ (Павлодар)');
    await page.getByLabel('Abbreviation in Kazakh').fill('ДО (Павлодар)');
    await page.getByLabel('Abbreviation in English').fill('CC (Pavlodar)');
    await page.getByLabel('Pavlodar Region', { exact: true }).check();
    await page.getByLabel('Number of places').fill('12');
    await page.getByRole('button', { name: 'Add the organization' }).click();

    // The code is taken by the Ministry of Internal Affairs: the error stands by the field, and the summary takes focus.
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect.poll(() => isFocused(summary)).toBe(true);
    const codeError = page.locator('.field-error', { hasText: 'An organization with this code already exists.' });
    await codeError.waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toContain(await codeError.getAttribute('id'));
    await summary.getByRole('link', { name: 'An organization with this code already exists.' }).click();
    await expect.poll(() => isFocused(code)).toBe(true);

    await code.fill('CC-PAV');
    await page.getByRole('button', { name: 'Add the organization' }).click();
    await page.waitForURL((address) => address.pathname === '/admin/organizations' && address.searchParams.get('kind') === 'crisis_centre');
    await page.getByRole('status').getByText('Pavlodar Crisis Centre (CC-PAV) has been added.').waitFor();
    const row = table.getByRole('row', { name: /Pavlodar Crisis Centre/ });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('Pavlodar Region');
    const rowText = await row.innerText();
    for (const expected of ['CC-PAV', 'CC (Pavlodar)', 'Crisis centre', 'Pavlodar Region', '12']) {
      expect(rowText).toContain(expected);
    }

    await row.getByRole('link', { name: 'Pavlodar Crisis Centre' }).click();
    await page.getByRole('heading', { name: 'Pavlodar Crisis Centre', level: 1 }).waitFor();
    expect(await page.getByLabel('Code', { exact: true }).count()).toBe(0);
    const places = page.getByLabel('Number of places');
    expect(await places.inputValue()).toBe('12');
    expect(await page.getByLabel('Pavlodar Region', { exact: true }).isChecked()).toBe(true);
    await places.fill('14');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('status').getByText('The changes have been saved.').waitFor();

    await page.getByRole('link', { name: 'All organizations' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    await showOrganizations(page, { kind: 'Crisis centre', region: 'Pavlodar Region' });
    await page.waitForURL((address) => address.searchParams.get('region') === 'KZ-PAV');
    // Crisis centres serving Pavlodar Region: the new one only (the Aktobe centre serves Aktobe Region).
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const changed = await table.getByRole('row', { name: /Pavlodar Crisis Centre/ }).innerText();
    expect(changed).toContain('14');
    expect(changed).not.toContain('12');
  });

  it('is not offered to a case worker, and says so when opened by its address', async () => {
    const { url, database } = testServer();
    const worker = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const page = await openPage('/sign-in', 'ru-RU');
    await signInWithEnrolment(page, worker, russian);
    await page.waitForURL(`${url}/`);
    await page.getByRole('banner').getByText('Test case_worker', { exact: true }).waitFor();

    const navigation = page.getByRole('navigation', { name: 'Основная навигация' });
    await navigation.getByRole('link', { name: 'Главная' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Организации' }).count()).toBe(0);

    await page.goto(`${url}/admin/organizations`);
    await page.getByRole('heading', { name: 'Эта страница вам недоступна' }).waitFor();
    expect(await page.title()).toBe('Нет доступа — Senim');
    expect(await page.getByRole('table').count()).toBe(0);
  });
});

import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createTestUser } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const harness = useBrowserAgainstTestServer();
const screenshots = new URL('../test-results/screenshots/', import.meta.url);

it('a coordinator who forgot her password gets a one-time one from her administrator and must replace it before anything else', async () => {
  mkdirSync(screenshots, { recursive: true });
  const { database } = harness.testServer();
  const administrator = await createTestUser(database, { organizationCode: 'MLSP', roles: ['administrator'], label: 'Admin.Mlsp' });
  const coordinator = await createTestUser(database, { organizationCode: 'MLSP', roles: ['coordinator'], label: 'Coordinator.Mlsp' });

  const adminPage = await harness.openPage('/sign-in');
  await adminPage.setViewportSize({ width: 1366, height: 768 });
  await harness.signInWithEnrolment(adminPage, administrator);
  await adminPage.goto(`${harness.testServer().url}/admin/users/${coordinator.id}`);
  await adminPage.getByRole('button', { name: 'Сбросить пароль' }).click();
  const oneTime = (await adminPage.locator('.one-time-password').innerText()).trim();
  expect(oneTime.length).toBeGreaterThanOrEqual(15);
  await adminPage.screenshot({ path: new URL('password-reset-ru-1366.png', screenshots).pathname, fullPage: false });

  // The old password no longer opens the account.
  const oldPassword = await harness.testServer().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: coordinator.email, password: coordinator.password } });
  expect(oldPassword.statusCode).toBe(401);

  const page = await harness.openPage('/sign-in');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Адрес электронной почты').fill(coordinator.email);
  await page.getByLabel('Пароль').fill(oneTime);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByRole('heading', { name: 'Задайте новый пароль' }).waitFor();
  await page.screenshot({ path: new URL('password-forced-change-ru-phone.png', screenshots).pathname, fullPage: false });

  // Her work waits behind the form: opening another page shows the same form.
  await page.goto(`${harness.testServer().url}/plans`);
  await page.getByRole('heading', { name: 'Задайте новый пароль' }).waitFor();

  const chosen = 'juniper lantern over quiet steppe';
  await page.getByLabel('Одноразовый пароль от администратора').fill(oneTime);
  await page.getByLabel('Новый пароль', { exact: true }).fill(chosen);
  await page.getByLabel('Новый пароль ещё раз').fill(chosen);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect.poll(async () => page.getByRole('heading', { name: 'Задайте новый пароль' }).count()).toBe(0);

  const withChosen = await harness.testServer().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: coordinator.email, password: chosen } });
  expect(withChosen.statusCode, withChosen.body).toBe(200);
  const withOneTime = await harness.testServer().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: coordinator.email, password: oneTime } });
  expect(withOneTime.statusCode).toBe(401);
});

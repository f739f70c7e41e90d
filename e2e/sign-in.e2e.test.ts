import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInKazakhstan } from '../src/shared/kazakhstan-calendar.js';
import { currentTotpCode } from '../src/server/platform/auth/totp.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../src/server/testing/test-database.js';
import { createTestUser, signIn as signInThroughApi } from '../src/server/testing/test-users.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  code: string;
  confirm: string;
}

const russian: SignInLabels = {
  email: 'Адрес электронной почты',
  password: 'Пароль',
  submit: 'Войти',
  code: '6-значный код',
  confirm: 'Подтвердить',
};

const english: SignInLabels = {
  email: 'Email address',
  password: 'Password',
  submit: 'Sign in',
  code: '6-digit code',
  confirm: 'Confirm',
};

const { testServer, openPage } = useBrowserAgainstTestServer();

async function submitPassword(page: Page, email: string, password: string, labels: SignInLabels = russian): Promise<void> {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** The key written out for manual entry, as an authenticator app takes it. */
async function readWrittenSecret(page: Page): Promise<string> {
  const grouped = await page.locator('.totp-secret').innerText();
  expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return grouped.replaceAll(' ', '');
}

async function submitCode(page: Page, code: string, labels: SignInLabels = russian): Promise<void> {
  await page.getByLabel(labels.code).fill(code);
  await page.getByRole('button', { name: labels.confirm }).click();
}

async function isFocused(page: Page, locator: ReturnType<Page['getByRole']>): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('signing in and out', () => {
  it('lets a case worker set up the authenticator from the written-out key, work signed in, sign out, and come back', async () => {
    const { url, database } = testServer();
    const worker = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const page = await openPage('/');

    await page.getByRole('banner').getByRole('link', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Вход в Senim' }).waitFor();
    expect(await page.getByLabel(russian.email).getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel(russian.password).getAttribute('autocomplete')).toBe('current-password');
    await submitPassword(page, worker.email, worker.password);

    await page.getByRole('heading', { name: 'Настройте вход с кодом' }).waitFor();
    const qr = page.getByRole('img', { name: 'QR-код для добавления Senim в приложение-аутентификатор' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,/);
    const secret = await readWrittenSecret(page);
    const codeField = page.getByLabel(russian.code);
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');

    // A mistyped code: the error is tied to the field and focus goes back to it.
    await submitCode(page, '12345');
    const formatError = page.getByText('Введите 6 цифр кода, например 123456.');
    await formatError.waitFor();
    const errorId = await formatError.getAttribute('id');
    expect(await codeField.getAttribute('aria-describedby')).toContain(errorId);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(page, codeField)).toBe(true);

    await submitCode(page, currentTotpCode(secret));
    await page.waitForURL(`${url}/`);
    const header = page.getByRole('banner');
    await header.getByText('Test case_worker', { exact: true }).waitFor();
    expect(await header.innerText()).toContain('Коргау-Астана');
    const navigation = page.getByRole('navigation', { name: 'Основная навигация' });
    expect(await navigation.getByRole('link', { name: 'Пользователи' }).count()).toBe(0);
    expect(await navigation.getByRole('link', { name: 'Журнал аудита' }).count()).toBe(0);

    // A page the role may not use, opened by its address, says so.
    await page.goto(`${url}/admin/users`);
    await page.getByRole('heading', { name: 'Эта страница вам недоступна' }).waitFor();

    await header.getByRole('button', { name: 'Выйти' }).click();
    await page.getByText('Вы вышли из системы.').waitFor();
    expect(await header.getByText('Test case_worker').count()).toBe(0);

    await page.goto(`${url}/admin/users`);
    await page.waitForURL(`${url}/sign-in?returnTo=%2Fadmin%2Fusers`);
    await page.getByRole('heading', { name: 'Вход в Senim' }).waitFor();
    expect(await page.getByText('Срок вашего сеанса истёк').count()).toBe(0);

    // Second sign-in: the authenticator is set up, so only the code is asked; then back to the page asked for.
    await submitPassword(page, worker.email, worker.password);
    await page.getByRole('heading', { name: 'Введите код из приложения-аутентификатора' }).waitFor();
    expect(await page.locator('.totp-secret').count()).toBe(0);
    await submitCode(page, currentTotpCode(secret, Date.now() + 30_000));
    await page.waitForURL(`${url}/admin/users`);
    await page.getByRole('heading', { name: 'Эта страница вам недоступна' }).waitFor();
    await header.getByText('Test case_worker', { exact: true }).waitFor();
  });

  it('locks the account after five wrong passwords and names the time to try again', async () => {
    const { database } = testServer();
    const analyst = await createTestUser(database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const page = await openPage('/sign-in');
    const alert = page.getByRole('alert');

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
      await submitPassword(page, analyst.email, `not the password ${attempt}`);
      expect((await answered).status()).toBe(401);
      await alert.getByText('Неверный адрес электронной почты или пароль.').waitFor();
      await expect.poll(() => isFocused(page, alert)).toBe(true);
      await expect.poll(() => page.getByLabel(russian.password).inputValue()).toBe('');
    }

    const locked = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
    await submitPassword(page, analyst.email, analyst.password);
    const response = await locked;
    expect(response.status()).toBe(429);
    const detail = ((await response.json()) as { detail: string }).detail;
    const utcTime = /after (\d{2}:\d{2}) UTC/.exec(detail)?.[1];
    expect(utcTime).toBeDefined();

    await alert.getByText(/Слишком много неудачных попыток входа в эту учётную запись/).waitFor();
    const message = await alert.innerText();
    expect(message).toMatch(/после \d{2}:\d{2} по времени Астаны/);
    expect(message).toContain(`(${utcTime} UTC)`);
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);
  });

  it('sends a user whose session has expired to the sign-in page with an explanation', async () => {
    const { url, database } = testServer();
    const analyst = await createTestUser(database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const expire = () =>
      database.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - 3_600_000) })
        .where('user_id', '=', analyst.id)
        .execute();

    const page = await openPage('/sign-in');
    await submitPassword(page, analyst.email, analyst.password);
    await page.waitForURL(`${url}/`);
    await page.getByRole('banner').getByText('Test analyst', { exact: true }).waitFor();

    await expire();
    await page.reload();
    await page.waitForURL(`${url}/sign-in?expired=1`);
    await page.getByRole('status').getByText('Срок вашего сеанса истёк, войдите снова.').waitFor();
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);

    // Without a reload: the next request the page makes gets 401, and the page reacts the same way.
    await submitPassword(page, analyst.email, analyst.password);
    await page.waitForURL(`${url}/`);
    await page.getByRole('banner').getByText('Test analyst', { exact: true }).waitFor();
    await expire();
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.waitForURL(`${url}/sign-in?expired=1`);
    await page.getByText('Сеансыңыздың мерзімі өтті, қайта кіріңіз.').waitFor();
  });

  it('keeps the interface language with the user, whatever the browser chose while signed out', async () => {
    const { url, database } = testServer();
    const analyst = await createTestUser(database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const page = await openPage('/sign-in');
    const savedLanguages: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/me/preferences')) {
        savedLanguages.push(request.postData() ?? '');
      }
    });

    await submitPassword(page, analyst.email, analyst.password);
    await page.getByRole('heading', { name: 'Состояние системы' }).waitFor();

    const saved = page.waitForResponse((response) => response.url().endsWith('/api/v1/me/preferences'));
    await page.getByRole('button', { name: 'Қазақша' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: 'Жүйенің күйі' }).waitFor();
    expect(await htmlLang(page)).toBe('kk');

    await page.getByRole('button', { name: 'Шығу' }).click();
    await page.getByText('Сіз жүйеден шықтыңыз.').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in to Senim' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    // Signed out, the choice stays in this browser only.
    expect(savedLanguages).toEqual([JSON.stringify({ language: 'kk' })]);

    await submitPassword(page, analyst.email, analyst.password, english);
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { name: 'Жүйенің күйі' }).waitFor();
    expect(await htmlLang(page)).toBe('kk');
    expect(await page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe('true');
    const stored = await database.db.selectFrom('users').select('language').where('id', '=', analyst.id).executeTakeFirstOrThrow();
    expect(stored.language).toBe('kk');
  });
});

describe('administration', () => {
  it('lets the first administrator set up the authenticator, then add a case worker, refusing a weak password first', async () => {
    const { url } = testServer();
    const page = await openPage('/admin/users');
    await page.waitForURL(`${url}/sign-in?returnTo=%2Fadmin%2Fusers`);

    await submitPassword(page, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Настройте вход с кодом' }).waitFor();
    const secret = await readWrittenSecret(page);
    await submitCode(page, currentTotpCode(secret));

    // Back on the page asked for, in the administrator's own language (English).
    await page.waitForURL(`${url}/admin/users`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(await navigation.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('row', { name: /admin@senim\.test/ }).waitFor();

    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByRole('heading', { name: 'Add a user', level: 1 }).waitFor();
    const email = `new.worker.${Date.now()}@test.senim.local`;
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Full name').fill('Aliya Nurpeisova');
    await page.getByLabel('Case worker', { exact: true }).check();
    await page.getByLabel('Astana', { exact: true }).check();
    const password = page.getByLabel('Initial password');
    await password.fill('password123');
    await page.getByRole('button', { name: 'Add the user' }).click();

    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect.poll(() => isFocused(page, summary)).toBe(true);
    const passwordError = page.getByText('The password must be at least 15 characters long.', { exact: false }).last();
    await passwordError.waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain(await passwordError.getAttribute('id'));
    await summary.getByRole('link', { name: /at least 15 characters/ }).click();
    await expect.poll(() => isFocused(page, password)).toBe(true);

    await password.fill('river orchard lantern 42');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.waitForURL(`${url}/admin/users`);
    await page.getByRole('status').getByText(`Aliya Nurpeisova (${email}) has been added.`, { exact: false }).waitFor();
    const row = users.getByRole('row', { name: new RegExp(email.replaceAll('.', '\\.')) });
    await row.waitFor();
    // Region names arrive with their own request: until then the table shows the code.
    await expect.poll(() => row.innerText()).toContain('Astana');
    const rowText = await row.innerText();
    for (const expected of ['Aliya Nurpeisova', 'SENIM-OPERATOR', 'Case worker', 'Astana', 'Active', 'Not set up']) {
      expect(rowText).toContain(expected);
    }

    // The new user's page: disable and enable the account; no sessions yet.
    await row.getByRole('link', { name: 'Aliya Nurpeisova' }).click();
    await page.getByRole('heading', { name: 'Aliya Nurpeisova', level: 1 }).waitFor();
    await page.getByText('This user has not signed in yet.').waitFor();
    await page.getByRole('button', { name: 'Disable the account' }).click();
    await page.getByRole('status').getByText('The account has been disabled and its sessions have ended.').waitFor();
    await page.getByRole('button', { name: 'Enable the account' }).click();
    await page.getByRole('status').getByText('The account has been enabled.').waitFor();
  });

  it('lets an administrator end a session of another user', async () => {
    const { url, database, app } = testServer();
    const admin = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] });
    const colleague = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'], label: 'colleague' });
    const colleagueSession = await signInThroughApi(app, colleague);
    const adminSession = await signInThroughApi(app, admin);

    const page = await openPage('/sign-in');
    await submitPassword(page, admin.email, admin.password);
    await submitCode(page, currentTotpCode(adminSession.totpSecret ?? '', Date.now() + 30_000));
    await page.waitForURL(`${url}/`);
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Пользователи' }).click();
    await page.getByRole('table', { name: 'Пользователи' }).getByRole('link', { name: 'Test analyst' }).click();
    await page.getByRole('heading', { name: 'Test analyst', level: 1 }).waitFor();

    const sessions = page.getByRole('table', { name: 'Сеансы пользователя Test analyst, сначала новые' });
    await sessions.getByText('Открыт', { exact: true }).waitFor();
    await sessions.getByRole('button', { name: /Завершить сеанс/ }).click();
    await sessions.getByText(/Завершён .*: завершён администратором/).waitFor();
    expect(await sessions.getByRole('button', { name: /Завершить сеанс/ }).count()).toBe(0);

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: colleagueSession.headers() });
    expect(me.statusCode).toBe(401);
  });

  it('lets an auditor search the audit trail by person and action', async () => {
    const { url, database, app } = testServer();
    const worker = await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['case_worker'] });
    await signInThroughApi(app, worker);
    const auditor = await createTestUser(database, { organizationCode: 'HRC', roles: ['auditor'] });

    const page = await openPage('/sign-in');
    await submitPassword(page, auditor.email, auditor.password);
    await page.waitForURL(`${url}/`);
    const navigation = page.getByRole('navigation', { name: 'Основная навигация' });
    expect(await navigation.getByRole('link', { name: 'Пользователи' }).count()).toBe(0);
    await navigation.getByRole('link', { name: 'Журнал аудита' }).click();
    await page.getByRole('heading', { name: 'Журнал аудита', level: 1 }).waitFor();

    await page.getByLabel('Кто (адрес электронной почты)').fill(worker.email);
    await page.getByLabel('Действие').fill('auth.signed_in');
    const today = todayInKazakhstan();
    await page.getByLabel('С', { exact: true }).fill(today);
    await page.getByLabel('По (включительно)').fill(today);
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL((address) => address.searchParams.get('action') === 'auth.signed_in' && address.searchParams.get('actor') === worker.email);

    const events = page.getByRole('table', { name: 'События аудита, сначала новые; время астанинское' });
    // Until the filtered page arrives, the table still shows the unfiltered one.
    await expect.poll(() => events.getByRole('row').count()).toBe(2);
    const rows = events.getByRole('row', { name: /Вход в систему/ });
    expect(await rows.count()).toBe(1);
    const rowText = await rows.first().innerText();
    // Found by email, shown by name and id: the trail itself holds no email.
    expect(rowText).toContain('Test case_worker');
    expect(rowText).toContain(`user:${worker.id}`);
    expect(rowText).not.toContain(worker.email);
    expect(rowText).toContain('auth.signed_in');
    expect(rowText).toContain('Выполнено');
    expect(await events.getByRole('row', { name: /auth\.mfa_enrolled/ }).count()).toBe(0);

    // The same search without the action shows the rest of the sign-in: the authenticator set-up.
    await page.getByLabel('Действие').fill('');
    await page.getByRole('button', { name: 'Найти' }).click();
    await events.getByRole('row', { name: /Аутентификатор настроен/ }).waitFor();

    await page.getByLabel('С', { exact: true }).fill('2030-01-02');
    await page.getByLabel('По (включительно)').fill('2030-01-01');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Дата окончания не может быть раньше даты начала.').last().waitFor();
  });
});

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { currentTotpCode } from '../src/server/platform/auth/totp.js';
import { startTestServer, type TestServer } from '../src/server/testing/test-server.js';
import type { TestUser } from '../src/server/testing/test-users.js';

// Flags for a sandboxed CI container: no GPU, no background traffic to Google.
const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHarness {
  testServer: () => TestServer;
  /** A fresh browser profile (no cookies, empty localStorage) whose user prefers `locale`, at `path`. */
  openPage: (path: string, locale?: string) => Promise<Page>;
  /** Signs in on the Russian sign-in page with a password alone (roles that see no identifying data). */
  signInWithPassword: (page: Page, user: TestUser) => Promise<void>;
  /** First sign-in of a role that sees identities: sets up the authenticator from the key shown, as a person would. */
  signInWithEnrolment: (page: Page, user: TestUser) => Promise<void>;
}

/**
 * Starts the whole app on a fresh database and Debian's Chromium once for a
 * test file; every page gets a profile of its own, closed after its test.
 */
export function useBrowserAgainstTestServer(): BrowserHarness {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const testServer = (): TestServer => {
    if (server === undefined) {
      throw new Error('the test server did not start');
    }
    return server;
  };

  const submitCredentials = async (page: Page, user: TestUser): Promise<void> => {
    await page.getByLabel('Адрес электронной почты').fill(user.email);
    await page.getByLabel('Пароль').fill(user.password);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
  };

  return {
    testServer,
    signInWithPassword: async (page, user) => {
      await submitCredentials(page, user);
      await page.waitForURL(`${testServer().url}/`);
    },
    signInWithEnrolment: async (page, user) => {
      await submitCredentials(page, user);
      await page.getByRole('heading', { name: 'Настройте вход с кодом' }).waitFor();
      const secret = (await page.locator('.totp-secret').innerText()).replaceAll(' ', '');
      await page.getByLabel('6-значный код').fill(currentTotpCode(secret));
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await page.waitForURL(`${testServer().url}/`);
    },
    openPage: async (path, locale = 'ru-RU') => {
      if (browser === undefined) {
        throw new Error('the browser did not start');
      }
      const context = await browser.newContext({ locale });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${testServer().url}${path}`);
      return page;
    },
  };
}

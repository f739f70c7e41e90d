import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../src/server/testing/test-database.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';


const regionCaption = {
  ru: 'Области и города республиканского значения',
  ruHistory: 'Области и города республиканского значения, включая упразднённые',
  en: 'Regions and cities of republican significance',
  kk: 'Облыстар және республикалық маңызы бар қалалар',
};

const stateBodyCaption = {
  ru: 'Государственные органы, участвующие в противодействии торговле людьми',
  en: 'State bodies taking part in countering trafficking in human beings',
};

const articleCaption = {
  ru: 'Статьи Уголовного кодекса о торговле людьми и связанных преступлениях',
  en: 'Criminal Code articles on trafficking in human beings and related offences',
};

const databaseText = testDatabaseKind() === 'pglite' ? 'встроенная PostgreSQL (PGlite)' : 'сервер PostgreSQL';

const { openPage } = useBrowserAgainstTestServer();

/** A fresh browser profile (empty localStorage) whose user prefers `locale`. */
async function openStartPage(locale: string): Promise<Page> {
  return openPage('/', locale);
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Waits until every reference table has rows, so a check of the page text covers the loaded data. */
async function waitForReferenceTables(page: Page, captions: { regions: string; stateBodies: string; articles: string }) {
  for (const caption of [captions.regions, captions.stateBodies, captions.articles]) {
    await page.getByRole('table', { name: caption, exact: true }).getByRole('rowheader').first().waitFor();
  }
}

/** Shelters' addresses must never reach a public page, in any language. */
async function expectNoAddressOnPage(page: Page): Promise<void> {
  const bodyText = await page.locator('body').innerText();
  expect(bodyText).not.toMatch(/address|адрес|мекенжай/i);
  expect(await page.getByText(/address|адрес|мекенжай/i).count()).toBe(0);
}

describe('the public start page', () => {
  it('shows the system status and the reference data in the chosen language, and remembers the choice', async () => {
    const page = await openStartPage('ru-RU');

    const status = page.getByRole('region', { name: 'Состояние системы' });
    await status.getByText(databaseText, { exact: true }).waitFor();
    expect(await status.getByText(/^Версия схемы \d+ \(.+\)$/).count()).toBe(1);
    expect(await htmlLang(page)).toBe('ru');

    const russianRegions = page.getByRole('table', { name: regionCaption.ru, exact: true });
    await russianRegions.getByRole('rowheader', { name: 'Астана', exact: true }).waitFor();
    const astana = russianRegions.getByRole('row', { name: /^Астана/ });
    expect(await astana.innerText()).toContain('Нур-Султан');

    await page.getByRole('button', { name: 'English' }).click();
    // The English catalog is fetched when first chosen; the page turns when it has arrived.
    await expect.poll(() => htmlLang(page)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    const englishRegions = page.getByRole('table', { name: regionCaption.en, exact: true });
    await englishRegions.getByRole('rowheader', { name: 'Astana', exact: true }).waitFor();
    await page.getByRole('region', { name: 'System status' }).getByText('embedded PostgreSQL (PGlite)').or(
      page.getByRole('region', { name: 'System status' }).getByText('PostgreSQL server'),
    ).waitFor();
    await waitForReferenceTables(page, {
      regions: regionCaption.en,
      stateBodies: stateBodyCaption.en,
      articles: articleCaption.en,
    });
    await expectNoAddressOnPage(page);

    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByRole('table', { name: regionCaption.kk, exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('kk');

    await page.reload();
    await page.getByRole('table', { name: regionCaption.kk, exact: true }).getByRole('rowheader').first().waitFor();
    expect(await htmlLang(page)).toBe('kk');
    expect(await page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Русский' }).click();
    await russianRegions.getByRole('rowheader', { name: 'Астана', exact: true }).waitFor();
    expect(await russianRegions.getByRole('rowheader', { name: /Южно-Казахстанская/ }).count()).toBe(0);

    await page.getByLabel('Показать упразднённые регионы').check();
    const allRegions = page.getByRole('table', { name: regionCaption.ruHistory, exact: true });
    const southKazakhstan = allRegions.getByRole('row', { name: /Южно-Казахстанская область/ });
    await southKazakhstan.waitFor();
    const southText = await southKazakhstan.innerText();
    expect(southText).toContain('2018');
    expect(southText).toContain('Туркестанская область');
    expect(southText).toContain('Шымкент');
    await waitForReferenceTables(page, {
      regions: regionCaption.ruHistory,
      stateBodies: stateBodyCaption.ru,
      articles: articleCaption.ru,
    });
    await expectNoAddressOnPage(page);
  });

  it('starts in the browser language when it is English or Kazakh, and in Russian otherwise', async () => {
    const english = await openStartPage('en-US');
    await english.getByRole('heading', { name: 'System status' }).waitFor();
    expect(await htmlLang(english)).toBe('en');

    const kazakh = await openStartPage('kk-KZ');
    await kazakh.getByRole('heading', { name: 'Жүйенің күйі' }).waitFor();
    expect(await htmlLang(kazakh)).toBe('kk');

    const german = await openStartPage('de-DE');
    await german.getByRole('heading', { name: 'Состояние системы' }).waitFor();
    expect(await htmlLang(german)).toBe('ru');
  });

  it('can be used with the keyboard alone', async () => {
    const page = await openStartPage('ru-RU');
    await page.getByRole('table', { name: regionCaption.ru, exact: true }).getByRole('rowheader').first().waitFor();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Перейти к основному содержанию' });
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('main').evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'System status' }).waitFor();

    const history = page.getByLabel('Show historical regions');
    await history.focus();
    await page.keyboard.press('Space');
    expect(await history.isChecked()).toBe(true);
    await page
      .getByRole('table', { name: 'Regions and cities of republican significance, including those that no longer exist' })
      .getByRole('rowheader', { name: 'South Kazakhstan Region' })
      .waitFor();
  });

  it('explains a failed request in the interface language and gives its request ID', async () => {
    const page = await openStartPage('ru-RU');
    await page.route('**/api/v1/reference/state-bodies?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Service unavailable',
          status: 503,
          code: 'service_unavailable',
          detail: 'The database is not reachable',
          instance: '/api/v1/reference/state-bodies',
          requestId: 'req-e2e-503',
        }),
      }),
    );
    await page.reload();

    const alert = page.getByRole('alert');
    await alert.getByText('Сервис временно недоступен. Повторите попытку через несколько минут.').waitFor();
    expect(await alert.innerText()).toContain('req-e2e-503');

    await page.unroute('**/api/v1/reference/state-bodies?*');
    await alert.getByRole('button', { name: 'Повторить' }).click();
    await page.getByRole('table', { name: stateBodyCaption.ru, exact: true }).getByRole('rowheader').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('says when a page of the interface could not be fetched, and offers to reload it', async () => {
    // Each area of work is fetched when first opened; the connection may drop
    // then, or a new version may have replaced the file the old page asks for.
    const page = await openStartPage('ru-RU');
    const pageCode = '**/assets/public-commissions-page-*.js';
    await page.route(pageCode, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'Заседания Межведомственной комиссии и опубликованные протоколы' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Не удалось загрузить эту страницу: нет связи с сервером, или вышла новая версия Senim. Обновите страницу.').waitFor();
    // The header stays, so the reader is not lost.
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();

    await page.unroute(pageCode);
    await alert.getByRole('button', { name: 'Обновить страницу' }).click();
    await page.getByRole('heading', { level: 1, name: 'Межведомственная комиссия: заседания и протоколы' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

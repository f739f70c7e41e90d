import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { DemoLoad } from '../../../shared/system.schemas.js';
import { DemoLoadProgress } from './demo-load-progress.js';

// What the start page says about the demo data load, in each language of the UI.

async function render(language: 'ru' | 'kk' | 'en', demo: DemoLoad | null): Promise<string> {
  const catalog = JSON.parse(readFileSync(new URL(`../../../shared/i18n/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ lng: language, resources: { [language]: { translation: catalog } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, createElement(DemoLoadProgress, { initial: demo })));
}

describe('the demo data load on the start page', () => {
  it('shows how many cases are loaded, of how many, with a progress bar, in Russian, Kazakh and English', async () => {
    const loading: DemoLoad = { state: 'loading', loaded: 120, total: 520 };
    const russian = await render('ru', loading);
    expect(russian).toContain('Загружаются демонстрационные случаи: 120 из 520');
    expect(russian).toContain('<progress max="520" value="120"');
    expect(await render('kk', loading)).toContain('Демонстрациялық істер жүктелуде: 120 / 520');
    expect(await render('en', loading)).toContain('Loading the demo cases: 120 of 520');
  });

  it('says that users come first, then that the load is done, or that it failed and the server works on', async () => {
    expect(await render('ru', { state: 'loading', loaded: 0, total: 520 })).toContain('Загружаются демонстрационные организации и пользователи');
    expect(await render('en', { state: 'loaded', loaded: 520, total: 520 })).toContain('Demo data loaded (cases: 520)');
    const failed = await render('kk', { state: 'failed', loaded: 130, total: 520 });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('130 / 520');
  });

  it('shows nothing when this start loads no demo data', async () => {
    expect(await render('en', null)).toBe('');
  });
});

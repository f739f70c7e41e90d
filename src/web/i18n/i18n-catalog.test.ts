import { describe, expect, it } from 'vitest';
import { caseRefusalNames } from '../../shared/case-refusals.js';
import { errorStatus } from '../../shared/errors.js';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import kk from '../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../shared/i18n/ru.json' with { type: 'json' };

type Catalog = Record<string, unknown>;

/** Flattens a nested catalog into 'a.b.c' → value, the way i18next addresses keys. */
function flatten(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [nestedKey, nestedValue] of flatten(value as Catalog, path)) {
        entries.set(nestedKey, nestedValue);
      }
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

function placeholdersOf(value: unknown): string[] {
  return [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const catalogs = { ru: flatten(ru), kk: flatten(kk), en: flatten(en) };

describe('translation catalogs', () => {
  it('gives Russian and English exactly the same keys', () => {
    const ruKeys = [...catalogs.ru.keys()].sort();
    const enKeys = [...catalogs.en.keys()].sort();
    expect(ruKeys.filter((key) => !catalogs.en.has(key)), 'keys in ru.json missing from en.json').toEqual([]);
    expect(enKeys.filter((key) => !catalogs.ru.has(key)), 'keys in en.json missing from ru.json').toEqual([]);
  });

  it('gives Kazakh no key that English lacks', () => {
    const stray = [...catalogs.kk.keys()].filter((key) => !catalogs.en.has(key));
    expect(stray, 'keys in kk.json unknown to en.json').toEqual([]);
  });

  it('has no empty or non-text value', () => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const bad = [...catalog].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad, `empty or non-string values in ${language}.json`).toEqual([]);
    }
  });

  it('uses the same placeholders in every translation of a key', () => {
    for (const [key, value] of catalogs.en) {
      const expected = placeholdersOf(value);
      for (const language of ['ru', 'kk'] as const) {
        const translated = catalogs[language].get(key);
        if (translated !== undefined) {
          expect(placeholdersOf(translated), `${language}.json ${key}`).toEqual(expected);
        }
      }
    }
  });

  it('translates every error code the API can send', () => {
    for (const code of Object.keys(errorStatus)) {
      expect(catalogs.ru.has(`errors.${code}`), `ru.json errors.${code}`).toBe(true);
      expect(catalogs.en.has(`errors.${code}`), `en.json errors.${code}`).toBe(true);
    }
  });

  it('says every pathway rule the API can refuse by, in each language', () => {
    for (const rule of caseRefusalNames) {
      for (const language of ['ru', 'kk', 'en'] as const) {
        expect(catalogs[language].has(`caseView.refusals.${rule}`), `${language}.json caseView.refusals.${rule}`).toBe(true);
      }
    }
  });
});

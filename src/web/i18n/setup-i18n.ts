import i18next, { type i18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, detectLanguage, isUiLanguage, languageStorageKey, uiLanguages, type UiLanguage } from './ui-languages.js';

/**
 * Starts i18next with the reader's catalog (and Russian under Kazakh), so the
 * first render is already translated. Each catalog is a file of its own,
 * fetched when its language is first chosen: a reader downloads one language,
 * not three (they are a third of the code a first visit used to fetch).
 */
export async function setUpI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  const language = detectLanguage({ stored: readStoredLanguage(), preferred: navigator.languages });
  instance.on('languageChanged', (next: string) => {
    document.documentElement.lang = next;
  });
  await instance
    .use(initReactI18next)
    .use(resourcesToBackend((catalogLanguage: string) => import(`../../shared/i18n/${catalogLanguage}.json`)))
    .init({
      lng: language,
      // A key missing in Kazakh falls back to Russian, the other language every
      // Kazakh reader knows. Russian and English have the same keys (the
      // catalog test), so they need no fallback to fetch.
      fallbackLng: { kk: ['ru'], default: [] },
      supportedLngs: [...uiLanguages],
      defaultNS: 'translation',
      // React escapes rendered text itself.
      interpolation: { escapeValue: false },
    });
  return instance;
}

export function storeLanguageChoice(language: UiLanguage): void {
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage can be disabled (private mode, strict policies): the choice then lasts for this page only.
  }
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

export function currentLanguage(instance: i18n): UiLanguage {
  const language = instance.resolvedLanguage ?? instance.language;
  return isUiLanguage(language) ? language : defaultLanguage;
}

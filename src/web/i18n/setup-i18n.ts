import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import kk from '../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../shared/i18n/ru.json' with { type: 'json' };
import { defaultLanguage, detectLanguage, isUiLanguage, languageStorageKey, uiLanguages, type UiLanguage } from './ui-languages.js';

export const resources = {
  ru: { translation: ru },
  kk: { translation: kk },
  en: { translation: en },
};

/** Starts i18next synchronously with the bundled catalogs, so the first render is already translated. */
export function setUpI18n(): i18n {
  const instance = i18next.createInstance();
  const language = detectLanguage({ stored: readStoredLanguage(), preferred: navigator.languages });
  instance.on('languageChanged', (next: string) => {
    document.documentElement.lang = next;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    // A key missing in Kazakh falls back to Russian, the other language every Kazakh reader knows.
    fallbackLng: { kk: ['ru'], default: ['en'] },
    supportedLngs: [...uiLanguages],
    defaultNS: 'translation',
    initAsync: false,
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

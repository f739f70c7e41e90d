import i18next, { type TFunction } from 'i18next';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import kk from '../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../shared/i18n/ru.json' with { type: 'json' };

// Documents the server prints speak the interface's own words, from the same
// catalog, so a status reads "Открыто" on paper as on screen.
const catalog = i18next.createInstance();
void catalog.init({
  resources: { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } },
  lng: 'ru',
  // As in the interface: a key missing in Kazakh falls back to Russian.
  fallbackLng: { kk: ['ru'], default: ['en'] },
  initAsync: false,
  // PDF text is not HTML.
  interpolation: { escapeValue: false },
});

export function printedWordsIn(language: 'ru' | 'kk' | 'en'): TFunction {
  return catalog.getFixedT(language);
}

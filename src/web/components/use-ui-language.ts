import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/setup-i18n.js';
import type { UiLanguage } from '../i18n/ui-languages.js';

/** The interface language; components re-render when it changes. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}

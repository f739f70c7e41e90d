import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { storeLanguageChoice } from '../../i18n/setup-i18n.js';
import { uiLanguages, type UiLanguage } from '../../i18n/ui-languages.js';

/**
 * One button per language, each named in its own language, so that a reader
 * who does not understand the current one still finds theirs.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = useUiLanguage();
  const labelId = useId();

  const choose = (language: UiLanguage) => {
    storeLanguageChoice(language);
    void i18n.changeLanguage(language);
  };

  return (
    <div className="language-switcher" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-switcher-label">
        {t('shell.languageGroup')}
      </span>
      {uiLanguages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => {
            choose(language);
          }}
        >
          {t('meta.languageName', { lng: language })}
        </button>
      ))}
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { languageEndonyms, uiLanguages, type UiLanguage } from '../../i18n/ui-languages.js';
import { useSession } from '../session/session-context.js';

/**
 * One button per language, each named in its own language, so that a reader
 * who does not understand the current one still finds theirs. A signed-in
 * user's choice is saved with the account and follows them to other computers.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = useUiLanguage();
  const { saveLanguage } = useSession();
  const labelId = useId();

  const choose = (language: UiLanguage) => {
    saveLanguage(language).catch(() => {
      // The interface has switched already; a lost session is handled by the session itself, and
      // otherwise the account keeps its earlier language until the next choice.
    });
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
          {languageEndonyms[language]}
        </button>
      ))}
    </div>
  );
}

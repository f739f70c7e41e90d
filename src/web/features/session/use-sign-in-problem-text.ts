import { useTranslation } from 'react-i18next';
import { kazakhstanTimeZone } from '../../../shared/kazakhstan-calendar.js';
import { formatTimeOfDay } from '../../components/formatting.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { SignInProblem } from './sign-in-problem.js';

/** The sentence for a sign-in problem the page recognised, in the interface language. */
export function useSignInProblemText(): (problem: Exclude<SignInProblem, { kind: 'other' }>) => string {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (problem) => {
    switch (problem.kind) {
      case 'wrong-credentials':
        return t('signIn.wrongCredentials');
      case 'disabled':
        return t('signIn.accountDisabled');
      case 'code-invalid':
        return t('signIn.codeInvalid');
      case 'code-replayed':
        return t('signIn.codeReplayed');
      case 'start-again':
        return t('signIn.startAgain');
      case 'locked': {
        if (problem.until === null) {
          // The server's own words still name the time, even if in English.
          return `${t('errors.rate_limited')} ${problem.detail}`;
        }
        const time = formatTimeOfDay(problem.until, language, kazakhstanTimeZone);
        const utcTime = formatTimeOfDay(problem.until, language, 'UTC');
        return problem.scope === 'account'
          ? t('signIn.lockedAccount', { time, utcTime })
          : t('signIn.lockedAddress', { time, utcTime });
      }
    }
  };
}

import type { TFunction } from 'i18next';

/**
 * Citizenships offered first: Kazakhstan and the countries most victims
 * identified in Kazakhstan come from (seed reports); any other is typed as its
 * ISO code.
 */
export const commonCitizenships = ['KAZ', 'UZB', 'KGZ', 'TJK', 'TKM', 'RUS', 'AFG', 'CHN', 'MNG', 'UKR', 'AZE', 'TUR'] as const;

type CommonCitizenship = (typeof commonCitizenships)[number];

function isCommonCitizenship(code: string): code is CommonCitizenship {
  return (commonCitizenships as readonly string[]).includes(code);
}

/** A recorded citizenship (ISO 3166 alpha-3, 'stateless' or 'unknown') as a reader says it; a country the catalog does not name stays its code. */
export function citizenshipName(code: string, t: TFunction): string {
  if (code === 'stateless') {
    return t('caseView.stateless');
  }
  if (code === 'unknown') {
    return t('caseView.citizenshipUnknown');
  }
  return isCommonCitizenship(code) ? t(`cases.countries.${code}`) : code;
}

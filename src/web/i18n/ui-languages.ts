// The order is the order of the language switcher.
export const uiLanguages = ['ru', 'kk', 'en'] as const;

export type UiLanguage = (typeof uiLanguages)[number];

/**
 * Each language by its own name, as the switcher offers it. Not in the
 * catalogs: only the reader's catalog is loaded, and the switcher must name
 * the others too.
 */
export const languageEndonyms: Record<UiLanguage, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

/** Russian is the working language of most of the bodies that use the system. */
export const defaultLanguage: UiLanguage = 'ru';

export const languageStorageKey = 'senim.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

export interface DetectLanguageInput {
  /** What the user chose earlier in the switcher, if anything. */
  stored: string | null;
  /** navigator.languages: BCP 47 tags, most preferred first. */
  preferred: readonly string[];
}

/** A stored choice wins; then the first browser language we have; then Russian. */
export function detectLanguage({ stored, preferred }: DetectLanguageInput): UiLanguage {
  if (isUiLanguage(stored)) {
    return stored;
  }
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) {
      return primary;
    }
  }
  return defaultLanguage;
}

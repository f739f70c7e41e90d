import type en from '../../shared/i18n/en.json' with { type: 'json' };

// Typed keys: tsc rejects t('a.missing.key') and t(`errors.${code}`) for a code en.json lacks.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

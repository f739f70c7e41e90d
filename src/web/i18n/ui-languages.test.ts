import { describe, expect, it } from 'vitest';
import { detectLanguage } from './ui-languages.js';

describe('detectLanguage', () => {
  it('keeps the language the user chose in the switcher', () => {
    expect(detectLanguage({ stored: 'kk', preferred: ['en-US', 'en'] })).toBe('kk');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(detectLanguage({ stored: 'de', preferred: ['en-GB'] })).toBe('en');
  });

  it('follows the first browser language the interface has', () => {
    expect(detectLanguage({ stored: null, preferred: ['de-DE', 'kk-KZ', 'en-US'] })).toBe('kk');
  });

  it('falls back to Russian when the browser prefers no supported language', () => {
    expect(detectLanguage({ stored: null, preferred: ['de-DE', 'fr'] })).toBe('ru');
    expect(detectLanguage({ stored: null, preferred: [] })).toBe('ru');
  });
});

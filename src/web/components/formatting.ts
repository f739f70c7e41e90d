import type { z } from 'zod';
import type { localizedTextSchema } from '../../shared/http.schemas.js';
import { kazakhstanTimeZone } from '../../shared/kazakhstan-calendar.js';
import type { UiLanguage } from '../i18n/ui-languages.js';

export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function pickText(text: LocalizedText, language: UiLanguage): string {
  return text[language];
}

// Calendar dates (YYYY-MM-DD) are read and shown in UTC, so no time zone can move them by a day.
function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function formatDate(isoDate: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(calendarDate(isoDate));
}

export function formatDateRange(fromIsoDate: string, toIsoDate: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(
    calendarDate(fromIsoDate),
    calendarDate(toIsoDate),
  );
}

export function formatYearRange(fromIsoDate: string, toIsoDate: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' }).formatRange(
    calendarDate(fromIsoDate),
    calendarDate(toIsoDate),
  );
}

export function formatList(items: readonly string[], language: UiLanguage): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

// Times of events are shown in Kazakhstan's time zone (kazakhstanTimeZone), whatever the computer's setting.

export function formatDateTimeInKazakhstan(instant: string | Date, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: kazakhstanTimeZone }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

export function formatTimeOfDay(instant: Date, language: UiLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
}

/**
 * Kazakhstan has kept one time zone, UTC+5, since March 2024; Asia/Almaty
 * names it. Dates people give (first contact, interview, delivery) are days
 * of that calendar, so the browser that proposes today and the server that
 * refuses a day in the future must count days there, whatever their clocks'
 * zones: from 19:00 UTC Kazakhstan is already in tomorrow.
 */
export const kazakhstanTimeZone = 'Asia/Almaty';

// Built once: a new DateTimeFormat loads its zone and locale data, about
// 0.2 ms, and every worklist request asks for today.
const isoDayInKazakhstan = new Intl.DateTimeFormat('en-CA', { timeZone: kazakhstanTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Kazakhstan, as YYYY-MM-DD. */
export function todayInKazakhstan(now: Date = new Date()): string {
  return isoDayInKazakhstan.format(now);
}

import { isoDate, isoDateClamped, parseIsoDate } from '../action-plan/iso-date.js';

// The Commission's calendar rules as plain functions over ISO dates
// ('YYYY-MM-DD'), which compare correctly as text.

function calendarDay(text: string) {
  const day = parseIsoDate(text);
  if (!day) {
    throw new Error(`not an ISO date: ${text}`);
  }
  return day;
}

/** The same day `months` later; 31 August + 6 months is the last day of February. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = calendarDay(date);
  const index = year * 12 + (month - 1) + months;
  return isoDateClamped({ year: Math.floor(index / 12), month: (index % 12) + 1, day });
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = calendarDay(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

export interface WorkingBodyPeriod {
  organizationCode: string;
  from: string;
  /** Exclusive end; null while the body serves. */
  to: string | null;
}

export interface Rotation {
  /** The two bodies that take turns (MIA and the social protection ministry since 2014). */
  bodies: readonly [string, string];
  years: number;
}

/**
 * The next working body under a rotation: the other body of the pair, from
 * the day the current body's term ends. A body outside the pair (the Ministry
 * of Justice before 2014) hands over to the first of the pair when its period
 * closes, or, while it still serves, on the day its term would end.
 */
export function proposeNextWorkingBody(input: { periods: readonly WorkingBodyPeriod[]; rotation: Rotation }): WorkingBodyPeriod | null {
  const { periods, rotation } = input;
  const latest = [...periods].sort((a, b) => a.from.localeCompare(b.from)).at(-1);
  if (!latest) {
    return null;
  }
  const [first, second] = rotation.bodies;
  const organizationCode = latest.organizationCode === first ? second : first;
  const from = latest.to ?? addMonths(latest.from, rotation.years * 12);
  return { organizationCode, from, to: addMonths(from, rotation.years * 12) };
}

/** Every period of a rotation from its first term up to (and including) the term that covers `until`. */
export function rotationSchedule(input: { firstBody: string; from: string; rotation: Rotation; until: string }): WorkingBodyPeriod[] {
  const periods: WorkingBodyPeriod[] = [];
  let next: WorkingBodyPeriod = { organizationCode: input.firstBody, from: input.from, to: addMonths(input.from, input.rotation.years * 12) };
  while (next.from <= input.until) {
    periods.push(next);
    const proposal = proposeNextWorkingBody({ periods: [next], rotation: input.rotation });
    if (!proposal) {
      break;
    }
    next = proposal;
  }
  return periods;
}

export const MAX_MONTHS_BETWEEN_MEETINGS = 6;

export interface MeetingDate {
  number: number;
  date: string;
  status: 'scheduled' | 'held' | 'cancelled';
}

export type MeetingWarning =
  | { kind: 'gap'; afterNumber: number; beforeNumber: number; dueBy: string }
  | { kind: 'overdue'; afterNumber: number; dueBy: string };

/**
 * The Commission meets at least once every six months. A cancelled meeting
 * does not count. Flags each pair of meetings more than six months apart, and
 * a next meeting not yet scheduled although its latest date has passed.
 */
export function meetingWarnings(meetings: readonly MeetingDate[], today: string): { nextMeetingDueBy: string | null; warnings: MeetingWarning[] } {
  const counted = meetings.filter((meeting) => meeting.status !== 'cancelled').sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  const warnings: MeetingWarning[] = [];
  counted.forEach((meeting, index) => {
    const next = counted[index + 1];
    const dueBy = addMonths(meeting.date, MAX_MONTHS_BETWEEN_MEETINGS);
    if (next && next.date > dueBy) {
      warnings.push({ kind: 'gap', afterNumber: meeting.number, beforeNumber: next.number, dueBy });
    }
  });
  const last = counted.at(-1);
  if (!last) {
    return { nextMeetingDueBy: null, warnings };
  }
  const nextMeetingDueBy = addMonths(last.date, MAX_MONTHS_BETWEEN_MEETINGS);
  if (today > nextMeetingDueBy) {
    warnings.push({ kind: 'overdue', afterNumber: last.number, dueBy: nextMeetingDueBy });
  }
  return { nextMeetingDueBy, warnings };
}

/** Notice with the agenda must reach members `noticeDays` before the meeting. */
export function noticeDueDate(meetingDate: string, noticeDays: number): string {
  return addDays(meetingDate, -noticeDays);
}

export type NoticeStanding = 'sent' | 'sent_late' | 'not_yet_due' | 'overdue';

export function noticeStanding(input: { meetingDate: string; noticeDays: number; sentOn: string | null; today: string }): NoticeStanding {
  const dueBy = noticeDueDate(input.meetingDate, input.noticeDays);
  if (input.sentOn !== null) {
    return input.sentOn <= dueBy ? 'sent' : 'sent_late';
  }
  return input.today <= dueBy ? 'not_yet_due' : 'overdue';
}

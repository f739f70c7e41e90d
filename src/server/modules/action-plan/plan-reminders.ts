import { parseIsoDate } from './iso-date.js';

// There is no mail system: reminders are computed from the calendar and the
// reports whenever someone looks, so they are never stale and never sent twice.

export const DEFAULT_REMINDER_LEAD_DAYS = 10;

export type ObligationStatus = 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted';

export interface RemindableObligation {
  planId: string;
  measure: number;
  organizationCode: string;
  periodLabel: string;
  dueDate: string;
  reportStatus: ObligationStatus;
}

export interface PlanReminder extends RemindableObligation {
  /** due_soon: due within the lead days, today included; overdue: the due date has passed. */
  kind: 'due_soon' | 'overdue';
  /** Days left until the due date (due_soon), or days past it (overdue). */
  days: number;
}

function dayNumber(isoDate: string): number {
  const day = parseIsoDate(isoDate);
  if (!day) {
    throw new Error(`not an ISO date: ${isoDate}`);
  }
  return Date.UTC(day.year, day.month - 1, day.day) / 86_400_000;
}

/** A report sent in (and not sent back) needs no reminder; a returned one is owed again. */
export function needsReminder(status: ObligationStatus): boolean {
  return status === 'missing' || status === 'draft' || status === 'returned';
}

/**
 * The reminders owed on a day: "due in N days" for reports due within
 * `leadDays`, and "overdue" for every report past its date and not in. The
 * most overdue come first, then the soonest due.
 */
export function remindersOn(input: { obligations: readonly RemindableObligation[]; today: string; leadDays?: number }): PlanReminder[] {
  const leadDays = input.leadDays ?? DEFAULT_REMINDER_LEAD_DAYS;
  const today = dayNumber(input.today);
  const reminders: PlanReminder[] = [];
  for (const obligation of input.obligations) {
    if (!needsReminder(obligation.reportStatus)) {
      continue;
    }
    const left = dayNumber(obligation.dueDate) - today;
    if (left < 0) {
      reminders.push({ ...obligation, kind: 'overdue', days: -left });
    } else if (left <= leadDays) {
      reminders.push({ ...obligation, kind: 'due_soon', days: left });
    }
  }
  return reminders.sort(
    (a, b) =>
      Number(b.kind === 'overdue') - Number(a.kind === 'overdue') ||
      (a.kind === 'overdue' ? b.days - a.days : a.days - b.days) ||
      a.measure - b.measure ||
      a.organizationCode.localeCompare(b.organizationCode) ||
      a.periodLabel.localeCompare(b.periodLabel),
  );
}

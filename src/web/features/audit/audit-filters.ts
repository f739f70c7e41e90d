export const auditPageSize = 50;

export const outcomes = ['success', 'denied', 'failure'] as const;
export type Outcome = (typeof outcomes)[number];

/** The filters as the form and the address bar hold them: plain strings, '' for "any". */
export interface AuditFilters {
  actor: string;
  recordType: string;
  recordId: string;
  action: string;
  outcome: Outcome | '';
  /** Calendar dates, YYYY-MM-DD, as <input type="date"> gives them. */
  from: string;
  to: string;
}

const textKeys = ['actor', 'recordType', 'recordId', 'action'] as const;

export const noFilters: AuditFilters = { actor: '', recordType: '', recordId: '', action: '', outcome: '', from: '', to: '' };

const isoDate = /^\d{4}-\d{2}-\d{2}$/u;

function dateOrEmpty(value: string | null): string {
  return value !== null && isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : '';
}

function isOutcome(value: string | null): value is Outcome {
  return (outcomes as readonly (string | null)[]).includes(value);
}

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const outcome = params.get('outcome');
  return {
    actor: params.get('actor')?.trim() ?? '',
    recordType: params.get('recordType')?.trim() ?? '',
    recordId: params.get('recordId')?.trim() ?? '',
    action: params.get('action')?.trim() ?? '',
    outcome: isOutcome(outcome) ? outcome : '',
    from: dateOrEmpty(params.get('from')),
    to: dateOrEmpty(params.get('to')),
  };
}

/** Only the filters in use, so that the address stays short and readable. */
export function filtersToParams(filters: AuditFilters, offset = 0): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of textKeys) {
    const value = filters[key].trim();
    if (value !== '') {
      params[key] = value;
    }
  }
  if (filters.outcome !== '') {
    params.outcome = filters.outcome;
  }
  if (dateOrEmpty(filters.from) !== '') {
    params.from = filters.from;
  }
  if (dateOrEmpty(filters.to) !== '') {
    params.to = filters.to;
  }
  if (offset > 0) {
    params.offset = String(offset);
  }
  return params;
}

/** The day after a calendar date, so that "to 10 March" includes the 10th (the API's `to` is exclusive). */
export function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function datesInOrder(filters: AuditFilters): boolean {
  return filters.from === '' || filters.to === '' || filters.from <= filters.to;
}

export function auditEventsPath(filters: AuditFilters, offset: number): string {
  const query = new URLSearchParams({ limit: String(auditPageSize), offset: String(offset) });
  for (const key of textKeys) {
    const value = filters[key].trim();
    if (value !== '') {
      query.set(key, value);
    }
  }
  if (filters.outcome !== '') {
    query.set('outcome', filters.outcome);
  }
  // Days are Kazakhstan's, as the table's times are: the API takes instants, and a day picked in
  // the form starts at 00:00 in Astana (UTC+5 all year since March 2024).
  if (dateOrEmpty(filters.from) !== '') {
    query.set('from', `${filters.from}T00:00:00+05:00`);
  }
  if (dateOrEmpty(filters.to) !== '') {
    query.set('to', `${nextDay(filters.to)}T00:00:00+05:00`);
  }
  return `/api/v1/audit/events?${query.toString()}`;
}

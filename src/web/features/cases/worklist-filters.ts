import { caseStatuses } from '../../../shared/case.schemas.js';
import type { CaseListQuery, CaseWorklist } from './cases-api.js';

export const casesPageSize = 50;

/** The tabs of the worklists page: the API's lists, and the referrals waiting for my organization. */
export type WorklistTab = CaseWorklist | 'incoming';

export const worklistTabs: readonly WorklistTab[] = ['mine', 'decisions_overdue', 'reflection_ending', 'children_without_guardian', 'incoming', 'in_reach'];

export type CaseStatusFilter = (typeof caseStatuses)[number] | '';

/** The page's state as the address bar holds it. */
export interface WorklistFilters {
  tab: WorklistTab;
  /** Working days past the decision target, or days until a reflection period ends; '' for the server's default. */
  days: string;
  status: CaseStatusFilter;
  /** A case code being looked up; it searches every case in reach, whatever the tab. */
  code: string;
}

export const defaultFilters: WorklistFilters = { tab: 'mine', days: '', status: '', code: '' };

function isTab(value: string | null): value is WorklistTab {
  return (worklistTabs as readonly (string | null)[]).includes(value);
}

function isStatus(value: string | null): value is (typeof caseStatuses)[number] {
  return (caseStatuses as readonly (string | null)[]).includes(value);
}

/** Only the tabs where the number of days means something. */
export function tabTakesDays(tab: WorklistTab): boolean {
  return tab === 'decisions_overdue' || tab === 'reflection_ending';
}

/** A whole number of days from 0 to 365, as the API takes it; null otherwise. */
export function parseDays(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/u.test(trimmed)) {
    return null;
  }
  const days = Number(trimmed);
  return days <= 365 ? days : null;
}

// The same bounds as the API's, so a typo does not cost a round trip.
export function isSearchableCode(code: string): boolean {
  const trimmed = code.trim();
  return trimmed.length >= 3 && trimmed.length <= 40;
}

export function filtersFromParams(params: URLSearchParams): WorklistFilters {
  const tab = params.get('list');
  const status = params.get('status');
  const days = params.get('days') ?? '';
  const code = params.get('code') ?? '';
  return {
    tab: isTab(tab) ? tab : defaultFilters.tab,
    days: parseDays(days) === null ? '' : days.trim(),
    status: isStatus(status) ? status : '',
    code: isSearchableCode(code) ? code.trim() : '',
  };
}

/** Only what differs from the defaults, so that the address stays short. */
export function filtersToParams(filters: WorklistFilters, offset = 0): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.tab !== defaultFilters.tab) {
    params.list = filters.tab;
  }
  if (tabTakesDays(filters.tab) && parseDays(filters.days) !== null) {
    params.days = filters.days.trim();
  }
  if (filters.status !== '' && filters.tab !== 'incoming') {
    params.status = filters.status;
  }
  if (isSearchableCode(filters.code)) {
    params.code = filters.code.trim();
  }
  if (offset > 0) {
    params.offset = String(offset);
  }
  return params;
}

/** The case list request for the filters; null for the incoming referrals tab, which asks another route. */
export function caseQueryOf(filters: WorklistFilters, offset: number): CaseListQuery | null {
  if (isSearchableCode(filters.code)) {
    return { list: 'in_reach', code: filters.code.trim(), limit: casesPageSize, offset };
  }
  if (filters.tab === 'incoming') {
    return null;
  }
  const days = tabTakesDays(filters.tab) ? parseDays(filters.days) : null;
  return {
    list: filters.tab,
    ...(days === null ? {} : { days }),
    ...(filters.status === '' ? {} : { status: filters.status }),
    limit: casesPageSize,
    offset,
  };
}

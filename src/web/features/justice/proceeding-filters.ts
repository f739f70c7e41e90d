import { proceedingStageValues, proceedingWorklists, type ProceedingListQuery, type ProceedingStageValue } from '../../../shared/proceeding.schemas.js';

// The investigator's list as the address bar holds it: which worklist, how
// many days without movement count as stalled, and the filters.

export const proceedingsPageSize = 50;

/** 'all': every proceeding in reach; the others are the API's worklists. */
export type ProceedingTab = 'all' | (typeof proceedingWorklists)[number];

export const proceedingTabs: readonly ProceedingTab[] = ['all', ...proceedingWorklists];

/** No movement for two months is what the prosecutor's supervision asks about. */
export const defaultStalledDays = 60;

export interface ProceedingFilters {
  tab: ProceedingTab;
  /** Days without movement for the stalled list, as typed; '' for the default. */
  days: string;
  stage: ProceedingStageValue | '';
  /** An article's id, as chosen; '' for any. */
  articleId: string;
  /** The first digits of a register number. */
  registerNumber: string;
}

export const defaultProceedingFilters: ProceedingFilters = { tab: 'all', days: '', stage: '', articleId: '', registerNumber: '' };

function isTab(value: string | null): value is ProceedingTab {
  return (proceedingTabs as readonly (string | null)[]).includes(value);
}

function isStage(value: string | null): value is ProceedingStageValue {
  return (proceedingStageValues as readonly (string | null)[]).includes(value);
}

/** A whole number of days from 1 to 3650, as the API takes it; null otherwise. */
export function parseStalledDays(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,4}$/u.test(trimmed)) {
    return null;
  }
  const days = Number(trimmed);
  return days >= 1 && days <= 3650 ? days : null;
}

/** Digits only, as the register prints them; spaces and dashes typed between groups are dropped. */
export function registerNumberPrefix(value: string): string {
  const compact = value.replace(/[\s-]/gu, '');
  return /^\d{1,20}$/u.test(compact) ? compact : '';
}

export function proceedingFiltersFromParams(params: URLSearchParams): ProceedingFilters {
  const tab = params.get('list');
  const stage = params.get('stage');
  const days = params.get('days') ?? '';
  const articleId = params.get('article') ?? '';
  return {
    tab: isTab(tab) ? tab : 'all',
    days: parseStalledDays(days) === null ? '' : days.trim(),
    stage: isStage(stage) ? stage : '',
    articleId: /^\d{1,9}$/u.test(articleId) ? articleId : '',
    registerNumber: registerNumberPrefix(params.get('number') ?? ''),
  };
}

/** Only what differs from the defaults, so that the address stays short. */
export function proceedingFiltersToParams(filters: ProceedingFilters, offset = 0): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.tab !== 'all') {
    params.list = filters.tab;
  }
  // The stalled list always says its number of days, so a link sent on shows the same list.
  if (filters.tab === 'stalled') {
    params.days = String(parseStalledDays(filters.days) ?? defaultStalledDays);
  }
  if (filters.stage !== '') {
    params.stage = filters.stage;
  }
  if (filters.articleId !== '') {
    params.article = filters.articleId;
  }
  const number = registerNumberPrefix(filters.registerNumber);
  if (number !== '') {
    params.number = number;
  }
  if (offset > 0) {
    params.offset = String(offset);
  }
  return params;
}

/** The list request for the filters. */
export function proceedingQueryOf(filters: ProceedingFilters, offset: number): Partial<ProceedingListQuery> {
  const number = registerNumberPrefix(filters.registerNumber);
  return {
    ...(filters.tab === 'all' ? {} : { worklist: filters.tab }),
    ...(filters.tab === 'stalled' ? { days: parseStalledDays(filters.days) ?? defaultStalledDays } : {}),
    ...(filters.stage === '' ? {} : { stage: filters.stage }),
    ...(filters.articleId === '' ? {} : { articleId: Number(filters.articleId) }),
    ...(number === '' ? {} : { registerNumber: number }),
    limit: proceedingsPageSize,
    offset,
  };
}

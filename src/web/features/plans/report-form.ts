import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api-client.js';
import { translateFieldMessage, type FieldErrors } from '../../components/field-errors.js';
import type { PlanReport, PlanReportRequest, WorkStatus } from './plans-api.js';

export const indicatorFields = ['peopleTrained', 'eventsHeld', 'cases', 'moneySpentThousandsKzt'] as const;
export type IndicatorField = (typeof indicatorFields)[number];

/** What the form holds: plain strings as typed, '' for "none". */
export interface ReportDraft {
  workStatus: WorkStatus | '';
  narrative: string;
  cannotReason: string;
  indicators: Record<IndicatorField, string>;
}

export type ReportField = 'workStatus' | 'narrative' | 'cannotReason' | IndicatorField;

/** In the order of the form, which is the order of the error summary. */
export const reportFields: readonly ReportField[] = ['workStatus', 'narrative', 'cannotReason', ...indicatorFields];

export const emptyReportDraft: ReportDraft = {
  workStatus: '',
  narrative: '',
  cannotReason: '',
  indicators: { peopleTrained: '', eventsHeld: '', cases: '', moneySpentThousandsKzt: '' },
};

const maxNarrative = 20_000;
const maxReason = 2_000;
const maxCount = 10_000_000;

export function draftOfReport(report: PlanReport): ReportDraft {
  const shown = (value: number | null): string => (value === null ? '' : String(value));
  return {
    workStatus: report.workStatus,
    narrative: report.narrative,
    cannotReason: report.cannotReason ?? '',
    indicators: {
      peopleTrained: shown(report.indicators.peopleTrained),
      eventsHeld: shown(report.indicators.eventsHeld),
      cases: shown(report.indicators.cases),
      moneySpentThousandsKzt: shown(report.indicators.moneySpentThousandsKzt),
    },
  };
}

/** Null for an empty field, undefined for what is not a number the API takes. Money may have a decimal comma. */
export function parseIndicator(field: IndicatorField, value: string): number | null | undefined {
  const trimmed = value.trim().replaceAll(' ', '');
  if (trimmed === '') {
    return null;
  }
  if (field === 'moneySpentThousandsKzt') {
    if (!/^\d{1,12}([.,]\d{1,3})?$/u.test(trimmed)) {
      return undefined;
    }
    return Number(trimmed.replace(',', '.'));
  }
  if (!/^\d{1,8}$/u.test(trimmed)) {
    return undefined;
  }
  const number = Number(trimmed);
  return number <= maxCount ? number : undefined;
}

export function checkReportDraft(draft: ReportDraft, t: TFunction): FieldErrors<ReportField> {
  const errors: FieldErrors<ReportField> = {};
  if (draft.workStatus === '') {
    errors.workStatus = t('planReport.workStatusMissing');
  }
  const narrative = draft.narrative.trim();
  if (narrative === '') {
    errors.narrative = t('planReport.narrativeMissing');
  } else if (narrative.length > maxNarrative) {
    errors.narrative = t('planReport.textTooLong', { max: maxNarrative });
  }
  if (draft.workStatus === 'cannot_be_done') {
    const reason = draft.cannotReason.trim();
    if (reason === '') {
      errors.cannotReason = t('planReport.cannotReasonMissing');
    } else if (reason.length > maxReason) {
      errors.cannotReason = t('planReport.textTooLong', { max: maxReason });
    }
  }
  for (const field of indicatorFields) {
    if (parseIndicator(field, draft.indicators[field]) === undefined) {
      errors[field] = field === 'moneySpentThousandsKzt' ? t('planReport.moneyFormat') : t('planReport.countFormat', { max: maxCount });
    }
  }
  return errors;
}

/** The request for a draft that passed checkReportDraft. */
export function reportRequestOf(draft: ReportDraft, target: { measure: number; periodLabel: string }, submit: boolean): PlanReportRequest {
  if (draft.workStatus === '') {
    throw new Error('reportRequestOf() needs a checked draft');
  }
  const indicator = (field: IndicatorField): number | null => parseIndicator(field, draft.indicators[field]) ?? null;
  return {
    measure: target.measure,
    periodLabel: target.periodLabel,
    workStatus: draft.workStatus,
    narrative: draft.narrative.trim(),
    cannotReason: draft.workStatus === 'cannot_be_done' ? draft.cannotReason.trim() : null,
    indicators: {
      peopleTrained: indicator('peopleTrained'),
      eventsHeld: indicator('eventsHeld'),
      cases: indicator('cases'),
      moneySpentThousandsKzt: indicator('moneySpentThousandsKzt'),
    },
    submit,
  };
}

/** 'body.narrative' → 'narrative', 'body.indicators.cases' → 'cases'. */
function fieldOfPath(path: string): ReportField | null {
  const [place, name, part] = path.split('.');
  if (place !== 'body') {
    return null;
  }
  const candidate = name === 'indicators' ? part : name;
  return reportFields.find((field) => field === candidate) ?? null;
}

/** The server's per-field problems, keyed by the form's fields; the rest are left to the page's general message. */
export function reportFieldErrors(error: unknown, t: TFunction): FieldErrors<ReportField> {
  const result: FieldErrors<ReportField> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const field = fieldOfPath(problem.field);
    if (field === null) {
      continue;
    }
    const message = translateFieldMessage(problem, t);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

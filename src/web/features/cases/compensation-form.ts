import type { TFunction } from 'i18next';
import type { CivilClaim, CivilClaimRequest, FundCompensation, FundCompensationRequest, MonthlyCalculationIndex } from '../../../shared/case-justice.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';

// The two compensation forms of the case page as plain data: what the worker
// typed, what the form can tell is wrong before asking the server, and the
// request it sends. The Fund pays in monthly calculation indices; the tenge a
// worker reads beside the amount is the index of the decision's year.

export type DecisionDraft = 'pending' | 'granted' | 'refused';

export interface FundCompensationDraft {
  /** '' when the application names no proceeding. */
  proceedingId: string;
  appliedOn: string;
  decision: DecisionDraft;
  decidedOn: string;
  amountMci: string;
  paidOn: string;
  refusalReason: string;
}

export const fundCompensationFields = ['proceedingId', 'appliedOn', 'decision', 'decidedOn', 'amountMci', 'paidOn', 'refusalReason'] as const;
export type FundCompensationField = (typeof fundCompensationFields)[number];

export interface CivilClaimDraft {
  proceedingId: string;
  claimedTenge: string;
  claimedOn: string;
  awardedTenge: string;
  awardedOn: string;
  paidTenge: string;
  paidOn: string;
}

export const civilClaimFields = ['proceedingId', 'claimedTenge', 'claimedOn', 'awardedTenge', 'awardedOn', 'paidTenge', 'paidOn'] as const;
export type CivilClaimField = (typeof civilClaimFields)[number];

/** A new application: to the proceeding when the case has exactly one, else to none until the worker picks. */
export function emptyFundCompensationDraft(proceedingIds: readonly string[]): FundCompensationDraft {
  return { proceedingId: proceedingIds.length === 1 ? (proceedingIds[0] ?? '') : '', appliedOn: '', decision: 'pending', decidedOn: '', amountMci: '', paidOn: '', refusalReason: '' };
}

export function fundCompensationDraftOf(compensation: FundCompensation): FundCompensationDraft {
  return {
    proceedingId: compensation.proceedingId ?? '',
    appliedOn: compensation.appliedOn,
    decision: compensation.decision,
    decidedOn: compensation.decidedOn ?? '',
    amountMci: compensation.amountMci === null ? '' : String(compensation.amountMci),
    paidOn: compensation.paidOn ?? '',
    refusalReason: compensation.refusalReason ?? '',
  };
}

export function emptyCivilClaimDraft(proceedingIds: readonly string[]): CivilClaimDraft {
  return { proceedingId: proceedingIds.length === 1 ? (proceedingIds[0] ?? '') : '', claimedTenge: '', claimedOn: '', awardedTenge: '', awardedOn: '', paidTenge: '', paidOn: '' };
}

export function civilClaimDraftOf(claim: CivilClaim): CivilClaimDraft {
  const amount = (value: number | null) => (value === null ? '' : String(value));
  return {
    proceedingId: claim.proceedingId,
    claimedTenge: String(claim.claimedTenge),
    claimedOn: claim.claimedOn,
    awardedTenge: amount(claim.awardedTenge),
    awardedOn: claim.awardedOn ?? '',
    paidTenge: amount(claim.paidTenge),
    paidOn: claim.paidOn ?? '',
  };
}

/**
 * An amount in MCI as people type it: '30', '30,5' or '30.25'; null for
 * anything else (more than two decimals, a sign, letters).
 */
export function parseMci(text: string): number | null {
  const normalized = text.trim().replace(/\s/gu, '').replace(',', '.');
  if (!/^\d{1,8}(\.\d{1,2})?$/u.test(normalized)) {
    return null;
  }
  const value = Number(normalized);
  return value > 0 ? value : null;
}

/** Whole tenge as people type them, with spaces between thousands ('129 750'); null for anything else. */
export function parseTenge(text: string): number | null {
  const normalized = text.trim().replace(/[\s\u00a0\u202f]/gu, '');
  if (!/^\d{1,13}$/u.test(normalized)) {
    return null;
  }
  return Number(normalized);
}

/** The year whose index converts the amount: the decision's, or this year's while no decision date is typed. */
export function mciYearOf(decidedOn: string, today: string = todayInKazakhstan()): number {
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(decidedOn.trim()) ? decidedOn.trim() : today;
  return Number(date.slice(0, 4));
}

export type TengePreview =
  | { kind: 'none' }
  | { kind: 'unknown_year'; year: number }
  | { kind: 'amount'; mci: number; year: number; valueTenge: number; tenge: number };

/** What the amount comes to in tenge, shown as the worker types; the server computes and stores the same from the same table. */
export function tengePreview(amountMci: string, decidedOn: string, indices: readonly MonthlyCalculationIndex[] | null, today?: string): TengePreview {
  const mci = parseMci(amountMci);
  if (mci === null || indices === null) {
    return { kind: 'none' };
  }
  const year = mciYearOf(decidedOn, today);
  const index = indices.find((candidate) => candidate.year === year);
  if (index === undefined) {
    return { kind: 'unknown_year', year };
  }
  // In hundredths of an MCI, rounded half up, as the server stores it (justice/compensation.ts tengeOfMci).
  return { kind: 'amount', mci, year, valueTenge: index.valueTenge, tenge: Math.round((Math.round(mci * 100) * index.valueTenge) / 100) };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/u;

function checkDate(value: string, t: TFunction): string | undefined {
  return value.trim() !== '' && !isoDate.test(value.trim()) ? t('caseView.fieldErrors.date') : undefined;
}

function withoutUndefined<Field extends string>(errors: Partial<Record<Field, string | undefined>>): Partial<Record<Field, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as Partial<Record<Field, string>>;
}

/**
 * What the form can tell before the server does: an amount that is not a
 * number, and what a decision needs (a grant its amount, a refusal its
 * reason, a payment a grant). The server applies the same rules again.
 */
export function checkFundCompensationDraft(draft: FundCompensationDraft, t: TFunction): Partial<Record<FundCompensationField, string>> {
  const granted = draft.decision === 'granted';
  return withoutUndefined<FundCompensationField>({
    appliedOn: draft.appliedOn.trim() === '' ? t('fieldErrors.required') : checkDate(draft.appliedOn, t),
    decidedOn: draft.decision !== 'pending' && draft.decidedOn.trim() === '' ? t('caseJustice.fund.decidedOnMissing') : checkDate(draft.decidedOn, t),
    amountMci:
      draft.amountMci.trim() !== '' && parseMci(draft.amountMci) === null
        ? t('caseJustice.fund.amountFormat')
        : granted && draft.amountMci.trim() === ''
          ? t('caseJustice.fund.amountMissing')
          : undefined,
    paidOn: draft.paidOn.trim() !== '' && !granted ? t('caseJustice.fund.paidNeedsGrant') : checkDate(draft.paidOn, t),
    refusalReason: draft.decision === 'refused' && draft.refusalReason.trim() === '' ? t('caseJustice.fund.reasonMissing') : undefined,
  });
}

/** The request for a checked draft; what does not belong to its decision is not sent. */
export function fundCompensationRequestOf(draft: FundCompensationDraft): FundCompensationRequest {
  const granted = draft.decision === 'granted';
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    proceedingId: optional(draft.proceedingId),
    appliedOn: draft.appliedOn.trim(),
    decision: draft.decision,
    decidedOn: draft.decision === 'pending' ? null : optional(draft.decidedOn),
    amountMci: granted ? parseMci(draft.amountMci) : null,
    paidOn: granted ? optional(draft.paidOn) : null,
    refusalReason: draft.decision === 'refused' ? optional(draft.refusalReason) : null,
  };
}

export function checkCivilClaimDraft(draft: CivilClaimDraft, t: TFunction): Partial<Record<CivilClaimField, string>> {
  const amount = (value: string, required: boolean) =>
    value.trim() === '' ? (required ? t('fieldErrors.required') : undefined) : parseTenge(value) === null ? t('caseJustice.claim.amountFormat') : undefined;
  const pairedDate = (amountText: string, date: string) =>
    amountText.trim() !== '' && date.trim() === '' ? t('caseJustice.claim.dateMissing') : checkDate(date, t);
  return withoutUndefined<CivilClaimField>({
    proceedingId: draft.proceedingId === '' ? t('caseJustice.claim.proceedingMissing') : undefined,
    claimedTenge: amount(draft.claimedTenge, true),
    claimedOn: draft.claimedOn.trim() === '' ? t('fieldErrors.required') : checkDate(draft.claimedOn, t),
    awardedTenge: amount(draft.awardedTenge, false),
    awardedOn: pairedDate(draft.awardedTenge, draft.awardedOn),
    paidTenge: amount(draft.paidTenge, false),
    paidOn: pairedDate(draft.paidTenge, draft.paidOn),
  });
}

export function civilClaimRequestOf(draft: CivilClaimDraft): CivilClaimRequest {
  const optionalAmount = (value: string) => (value.trim() === '' ? null : parseTenge(value));
  const optionalDate = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    proceedingId: draft.proceedingId,
    claimedTenge: parseTenge(draft.claimedTenge) ?? 0,
    claimedOn: draft.claimedOn.trim(),
    awardedTenge: optionalAmount(draft.awardedTenge),
    awardedOn: optionalDate(draft.awardedOn),
    paidTenge: optionalAmount(draft.paidTenge),
    paidOn: optionalDate(draft.paidOn),
  };
}

import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { FundCompensation } from '../../../shared/case-justice.schemas.js';
import {
  checkCivilClaimDraft,
  checkFundCompensationDraft,
  civilClaimRequestOf,
  emptyCivilClaimDraft,
  emptyFundCompensationDraft,
  fundCompensationDraftOf,
  fundCompensationRequestOf,
  parseMci,
  parseTenge,
  tengePreview,
} from './compensation-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const indices = [
  { year: 2025, valueTenge: 3932 },
  { year: 2026, valueTenge: 4325 },
];
const proceedingId = '0b5c1d3e-7a8f-4b2c-9d1e-2f3a4b5c6d7e';

describe('the Fund compensation form', () => {
  it('reads MCI as people type them, and refuses what is not an amount', () => {
    expect(parseMci('30')).toBe(30);
    expect(parseMci(' 30,5 ')).toBe(30.5);
    expect(parseMci('12.25')).toBe(12.25);
    expect(parseMci('1,125')).toBeNull();
    expect(parseMci('-3')).toBeNull();
    expect(parseMci('0')).toBeNull();
    expect(parseMci('тридцать')).toBeNull();
  });

  it('shows the tenge of the decision year’s MCI as the worker types: 30 MCI decided in 2026 are 129 750 tenge', () => {
    expect(tengePreview('30', '2026-11-20', indices)).toEqual({ kind: 'amount', mci: 30, year: 2026, valueTenge: 4325, tenge: 129_750 });
    expect(tengePreview('30', '2025-12-31', indices)).toMatchObject({ year: 2025, tenge: 117_960 });
    // Half a tenge rounds up, counted in hundredths of an MCI as the server does.
    expect(tengePreview('30,5', '2026-03-01', indices)).toMatchObject({ tenge: 131_913 });
    expect(tengePreview('0,1', '2026-03-01', indices)).toMatchObject({ tenge: 433 });
    // Before the decision date is typed, this year's index stands in.
    expect(tengePreview('30', '', indices, '2026-12-03')).toMatchObject({ year: 2026, tenge: 129_750 });
    expect(tengePreview('30', '2012-05-05', indices)).toEqual({ kind: 'unknown_year', year: 2012 });
    expect(tengePreview('', '2026-11-20', indices)).toEqual({ kind: 'none' });
    expect(tengePreview('30', '2026-11-20', null)).toEqual({ kind: 'none' });
  });

  it('asks what each decision needs before sending: a grant its amount and date, a refusal its reason, a payment a grant', () => {
    const draft = { ...emptyFundCompensationDraft([proceedingId]), appliedOn: '2026-10-01' };
    expect(checkFundCompensationDraft(draft, t)).toEqual({});
    expect(checkFundCompensationDraft({ ...draft, appliedOn: '' }, t)).toEqual({ appliedOn: 'fieldErrors.required' });
    expect(checkFundCompensationDraft({ ...draft, decision: 'granted' }, t)).toEqual({
      decidedOn: 'caseJustice.fund.decidedOnMissing',
      amountMci: 'caseJustice.fund.amountMissing',
    });
    expect(checkFundCompensationDraft({ ...draft, decision: 'granted', decidedOn: '2026-11-20', amountMci: '30 МРП' }, t)).toEqual({ amountMci: 'caseJustice.fund.amountFormat' });
    expect(checkFundCompensationDraft({ ...draft, decision: 'refused', decidedOn: '2026-11-20' }, t)).toEqual({ refusalReason: 'caseJustice.fund.reasonMissing' });
    expect(checkFundCompensationDraft({ ...draft, paidOn: '2026-11-25' }, t)).toEqual({ paidOn: 'caseJustice.fund.paidNeedsGrant' });
  });

  it('sends what the decision carries and nothing typed for another decision', () => {
    const granted = { ...emptyFundCompensationDraft([proceedingId]), appliedOn: '2026-10-01', decision: 'granted' as const, decidedOn: '2026-11-20', amountMci: '30', paidOn: '2026-11-25', refusalReason: 'typed before the grant' };
    expect(fundCompensationRequestOf(granted)).toEqual({
      proceedingId,
      appliedOn: '2026-10-01',
      decision: 'granted',
      decidedOn: '2026-11-20',
      amountMci: 30,
      paidOn: '2026-11-25',
      refusalReason: null,
    });
    expect(fundCompensationRequestOf({ ...granted, decision: 'pending', proceedingId: '' })).toEqual({
      proceedingId: null,
      appliedOn: '2026-10-01',
      decision: 'pending',
      decidedOn: null,
      amountMci: null,
      paidOn: null,
      refusalReason: null,
    });
  });

  it('picks the one linked proceeding for a new application, and none among several', () => {
    expect(emptyFundCompensationDraft([proceedingId]).proceedingId).toBe(proceedingId);
    expect(emptyFundCompensationDraft([proceedingId, 'another']).proceedingId).toBe('');
    expect(emptyFundCompensationDraft([]).proceedingId).toBe('');
  });

  it('starts a change from what was recorded', () => {
    const recorded: FundCompensation = {
      id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      caseId: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      proceedingId: null,
      registerNumber: null,
      appliedOn: '2026-10-01',
      decision: 'granted',
      decidedOn: '2026-11-20',
      amountMci: 30.5,
      mciYear: 2026,
      mciValueTenge: 4325,
      amountTenge: 131_913,
      paidOn: null,
      refusalReason: null,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    expect(fundCompensationDraftOf(recorded)).toEqual({ proceedingId: '', appliedOn: '2026-10-01', decision: 'granted', decidedOn: '2026-11-20', amountMci: '30.5', paidOn: '', refusalReason: '' });
  });
});

describe('the civil claim form', () => {
  it('reads tenge with spaces between thousands', () => {
    expect(parseTenge('1 500 000')).toBe(1_500_000);
    expect(parseTenge('1\u00a0500')).toBe(1500);
    expect(parseTenge('1500,50')).toBeNull();
    expect(parseTenge('')).toBeNull();
  });

  it('needs the proceeding, the amount claimed and its date, and a date with every amount', () => {
    expect(checkCivilClaimDraft(emptyCivilClaimDraft([proceedingId, 'another']), t)).toEqual({
      proceedingId: 'caseJustice.claim.proceedingMissing',
      claimedTenge: 'fieldErrors.required',
      claimedOn: 'fieldErrors.required',
    });
    const claimed = { ...emptyCivilClaimDraft([proceedingId]), claimedTenge: '1 500 000', claimedOn: '2026-03-01' };
    expect(checkCivilClaimDraft(claimed, t)).toEqual({});
    expect(checkCivilClaimDraft({ ...claimed, awardedTenge: '800 000' }, t)).toEqual({ awardedOn: 'caseJustice.claim.dateMissing' });
    expect(checkCivilClaimDraft({ ...claimed, paidTenge: 'много', paidOn: '2026-11-25' }, t)).toEqual({ paidTenge: 'caseJustice.claim.amountFormat' });
  });

  it('sends whole tenge, and null for what is not known yet', () => {
    const draft = { ...emptyCivilClaimDraft([proceedingId]), claimedTenge: '1 500 000', claimedOn: '2026-03-01', awardedTenge: '0', awardedOn: '2026-11-20' };
    expect(civilClaimRequestOf(draft)).toEqual({
      proceedingId,
      claimedTenge: 1_500_000,
      claimedOn: '2026-03-01',
      awardedTenge: 0,
      awardedOn: '2026-11-20',
      paidTenge: null,
      paidOn: null,
    });
  });
});

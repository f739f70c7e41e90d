import { describe, expect, it } from 'vitest';
import { civilClaimBreach, fundCompensationBreach, mciYearOf, protectionBreach, tengeOfMci, type FundCompensationFacts, type ProtectionFacts } from './compensation.js';

const today = '2026-12-03';
const registeredOn = '2026-03-10';

const requested: ProtectionFacts = { requestedOn: '2026-04-01', decision: 'pending', decidedOn: null, measures: [], startsOn: null, endsOn: null, refusalReason: null };
const granted: ProtectionFacts = { ...requested, decision: 'granted', decidedOn: '2026-04-03', measures: ['personal_security', 'change_of_residence'], startsOn: '2026-04-04', endsOn: '2027-04-04' };

describe('state protection', () => {
  it('records a request awaiting decision, and a grant whose measures end after today', () => {
    expect(protectionBreach(requested, { today, registeredOn })).toBeNull();
    expect(protectionBreach(granted, { today, registeredOn })).toBeNull();
  });

  it('refuses a grant without a measure or without its date, naming the field', () => {
    expect(protectionBreach({ ...granted, measures: [] }, { today, registeredOn })).toEqual({ reason: 'protection_needs_measures', field: 'body.measures' });
    expect(protectionBreach({ ...granted, decidedOn: null }, { today, registeredOn })).toEqual({ reason: 'decision_needs_date', field: 'body.decidedOn' });
  });

  it('refuses a refusal without its reason', () => {
    const refused = { ...requested, decision: 'refused' as const, decidedOn: '2026-04-05' };
    expect(protectionBreach(refused, { today, registeredOn })).toEqual({ reason: 'refusal_needs_reason', field: 'body.refusalReason' });
    expect(protectionBreach({ ...refused, refusalReason: '   ' }, { today, registeredOn })?.reason).toBe('refusal_needs_reason');
    expect(protectionBreach({ ...refused, refusalReason: 'No threat established' }, { today, registeredOn })).toBeNull();
  });

  it('keeps dates in order: end not before start, no request before registration, nothing but the end in the future', () => {
    expect(protectionBreach({ ...granted, endsOn: '2026-04-03' }, { today, registeredOn })).toEqual({ reason: 'ends_before_start', field: 'body.endsOn' });
    expect(protectionBreach({ ...granted, endsOn: '2026-04-04' }, { today, registeredOn })).toBeNull();
    expect(protectionBreach({ ...requested, requestedOn: '2026-03-09' }, { today, registeredOn })).toEqual({ reason: 'date_before_registration', field: 'body.requestedOn' });
    expect(protectionBreach({ ...granted, decidedOn: '2026-03-31' }, { today, registeredOn })).toEqual({ reason: 'date_out_of_order', field: 'body.decidedOn' });
    expect(protectionBreach({ ...granted, startsOn: '2026-12-04' }, { today, registeredOn })).toEqual({ reason: 'date_in_future', field: 'body.startsOn' });
  });
});

describe('civil claim', () => {
  const claim = { claimedTenge: 2_500_000, claimedOn: '2026-05-01', awardedTenge: null, awardedOn: null, paidTenge: null, paidOn: null };

  it('records a claim, its award and payments, paid beyond the award or before it', () => {
    expect(civilClaimBreach(claim, { today, registeredOn })).toBeNull();
    expect(civilClaimBreach({ ...claim, awardedTenge: 1_000_000, awardedOn: '2026-10-01', paidTenge: 1_200_000, paidOn: '2026-11-01' }, { today, registeredOn })).toBeNull();
    expect(civilClaimBreach({ ...claim, paidTenge: 300_000, paidOn: '2026-06-01' }, { today, registeredOn })).toBeNull();
  });

  it('wants an amount with its date and a date with its amount', () => {
    expect(civilClaimBreach({ ...claim, awardedTenge: 1_000_000 }, { today, registeredOn })).toEqual({ reason: 'amount_needs_date', field: 'body.awardedOn' });
    expect(civilClaimBreach({ ...claim, paidOn: '2026-06-01' }, { today, registeredOn })).toEqual({ reason: 'amount_needs_date', field: 'body.paidTenge' });
  });

  it('keeps the award after the claim and the claim after registration', () => {
    expect(civilClaimBreach({ ...claim, awardedTenge: 0, awardedOn: '2026-04-30' }, { today, registeredOn })).toEqual({ reason: 'date_out_of_order', field: 'body.awardedOn' });
    expect(civilClaimBreach({ ...claim, claimedOn: '2026-03-01' }, { today, registeredOn })).toEqual({ reason: 'date_before_registration', field: 'body.claimedOn' });
    expect(civilClaimBreach({ ...claim, paidTenge: 1, paidOn: '2026-12-04' }, { today, registeredOn })).toEqual({ reason: 'date_in_future', field: 'body.paidOn' });
  });
});

describe('Victims Compensation Fund', () => {
  const applied: FundCompensationFacts = { appliedOn: '2026-06-01', decision: 'pending', decidedOn: null, amountMci: null, paidOn: null, refusalReason: null };
  const grant: FundCompensationFacts = { ...applied, decision: 'granted', decidedOn: '2026-07-01', amountMci: 30 };

  it('records an application, a grant and its payment', () => {
    expect(fundCompensationBreach(applied, { today })).toBeNull();
    expect(fundCompensationBreach(grant, { today })).toBeNull();
    expect(fundCompensationBreach({ ...grant, paidOn: '2026-07-15' }, { today })).toBeNull();
  });

  it('refuses a payment before a grant, whether pending or refused', () => {
    expect(fundCompensationBreach({ ...applied, paidOn: '2026-07-15' }, { today })).toEqual({ reason: 'payment_before_decision', field: 'body.paidOn' });
    expect(fundCompensationBreach({ ...applied, decision: 'refused', decidedOn: '2026-07-01', refusalReason: 'Late', paidOn: '2026-07-15' }, { today })?.reason).toBe(
      'payment_before_decision',
    );
    expect(fundCompensationBreach({ ...grant, paidOn: '2026-06-30' }, { today })).toEqual({ reason: 'date_out_of_order', field: 'body.paidOn' });
  });

  it('wants a grant with its amount and date, and a refusal with its reason', () => {
    expect(fundCompensationBreach({ ...grant, amountMci: null }, { today })).toEqual({ reason: 'grant_needs_amount', field: 'body.amountMci' });
    expect(fundCompensationBreach({ ...grant, decidedOn: null }, { today })).toEqual({ reason: 'decision_needs_date', field: 'body.decidedOn' });
    expect(fundCompensationBreach({ ...applied, decision: 'refused', decidedOn: '2026-07-01' }, { today })).toEqual({ reason: 'refusal_needs_reason', field: 'body.refusalReason' });
    expect(fundCompensationBreach({ ...grant, decidedOn: '2026-05-31' }, { today })).toEqual({ reason: 'date_out_of_order', field: 'body.decidedOn' });
  });

  it('converts MCI to tenge at the index of the year of the decision', () => {
    expect(mciYearOf('2026-07-01')).toBe(2026);
    expect(tengeOfMci(30, 4325)).toBe(129_750);
    expect(tengeOfMci(0.1 + 0.2, 4325)).toBe(1298);
    expect(tengeOfMci(12.35, 3932)).toBe(48_560);
  });
});

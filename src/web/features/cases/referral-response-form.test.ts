import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkResponseDraft, emptyResponseDraft, referralResponseOf } from './referral-response-form.js';

const t = ((key: string) => key) as unknown as TFunction;

describe('answering a referral', () => {
  it('asks for a decision, and a reason to decline', () => {
    expect(checkResponseDraft(emptyResponseDraft, false, t)).toEqual({ decision: 'referrals.incoming.decisionMissing' });
    expect(checkResponseDraft({ ...emptyResponseDraft, decision: 'decline', reason: '  ' }, false, t)).toEqual({ reason: 'referrals.incoming.reasonMissing' });
    expect(referralResponseOf({ ...emptyResponseDraft, decision: 'decline', reason: ' Нет мест ', placementFrom: '2026-11-23' }, true)).toEqual({ decision: 'decline', reason: 'Нет мест' });
  });

  it('sends placement dates only for a shelter place, in order', () => {
    const accept = { ...emptyResponseDraft, decision: 'accept' as const, placementFrom: '2026-11-23', placementTo: '2026-12-23' };
    expect(referralResponseOf(accept, true)).toEqual({ decision: 'accept', placementFrom: '2026-11-23', placementTo: '2026-12-23' });
    expect(referralResponseOf(accept, false)).toEqual({ decision: 'accept' });
    expect(referralResponseOf({ ...accept, placementTo: '' }, true)).toEqual({ decision: 'accept', placementFrom: '2026-11-23' });
    expect(checkResponseDraft({ ...accept, placementTo: '2026-11-01' }, true, t)).toEqual({ placementTo: 'referrals.incoming.placementEndsBeforeStart' });
    expect(checkResponseDraft({ ...accept, placementTo: '2026-11-01' }, false, t)).toEqual({});
  });
});

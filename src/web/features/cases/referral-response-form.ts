import type { TFunction } from 'i18next';
import type { ReferralResponse } from './cases-api.js';

/** What one incoming referral's answer holds while it is being written. */
export interface ReferralResponseDraft {
  decision: 'accept' | 'decline' | '';
  placementFrom: string;
  placementTo: string;
  reason: string;
}

export type ReferralResponseField = 'decision' | 'placementFrom' | 'placementTo' | 'reason';

export const referralResponseFields: readonly ReferralResponseField[] = ['decision', 'placementFrom', 'placementTo', 'reason'];

export const emptyResponseDraft: ReferralResponseDraft = { decision: '', placementFrom: '', placementTo: '', reason: '' };

const isoDate = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * Placement dates are asked only when a bed was requested; a decline needs a
 * reason, which the referring organization reads.
 */
export function checkResponseDraft(draft: ReferralResponseDraft, placement: boolean, t: TFunction): Partial<Record<ReferralResponseField, string>> {
  const errors: Partial<Record<ReferralResponseField, string>> = {};
  if (draft.decision === '') {
    errors.decision = t('referrals.incoming.decisionMissing');
  }
  if (draft.decision === 'decline' && draft.reason.trim() === '') {
    errors.reason = t('referrals.incoming.reasonMissing');
  }
  if (draft.decision === 'accept' && placement) {
    const from = draft.placementFrom.trim();
    const to = draft.placementTo.trim();
    if (from !== '' && !isoDate.test(from)) {
      errors.placementFrom = t('referrals.incoming.dateFormat');
    }
    if (to !== '' && !isoDate.test(to)) {
      errors.placementTo = t('referrals.incoming.dateFormat');
    } else if (to !== '' && from !== '' && to < from) {
      errors.placementTo = t('referrals.incoming.placementEndsBeforeStart');
    }
  }
  return errors;
}

/** The answer for a draft that passed checkResponseDraft. */
export function referralResponseOf(draft: ReferralResponseDraft, placement: boolean): ReferralResponse {
  if (draft.decision === 'decline') {
    return { decision: 'decline', reason: draft.reason.trim() };
  }
  if (draft.decision === '') {
    throw new Error('referralResponseOf() needs a checked draft');
  }
  const from = draft.placementFrom.trim();
  const to = draft.placementTo.trim();
  return {
    decision: 'accept',
    ...(placement && from !== '' ? { placementFrom: from } : {}),
    ...(placement && to !== '' ? { placementTo: to } : {}),
  };
}

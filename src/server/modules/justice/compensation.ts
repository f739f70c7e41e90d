import type { CompensationDecision, ProtectionDecision, ProtectionMeasure } from '../../../shared/case-justice.schemas.js';
import { justiceRefusal, type AppError } from '../../../shared/errors.js';
import type { JusticeRefusal } from '../../../shared/justice-refusals.js';

// The rules of state protection and compensation, as plain functions over
// plain data: each answers the first rule the record breaks, with the field
// to show it beside, or null. Nothing here asks for citizenship: a foreign
// victim is entitled as a citizen is.

export interface RuleBreach {
  reason: JusticeRefusal;
  field: string;
}

/** What the field says when a rule is broken: the rule's words, short, beside the field. */
const fieldMessages: Partial<Record<JusticeRefusal, string>> = {
  date_in_future: 'is in the future',
  date_before_registration: 'is before the proceeding was registered',
  decision_needs_date: 'required once decided',
  date_out_of_order: 'is before the step it follows',
  protection_needs_measures: 'name at least one measure',
  refusal_needs_reason: 'required for a refusal',
  ends_before_start: 'is before the start',
  grant_needs_amount: 'required for a grant',
  amount_needs_date: 'give the amount and its date together',
  payment_before_decision: 'only after a grant',
};

/** The refusal a broken rule answers with, naming its field. */
export function breachRefusal(breach: RuleBreach): AppError {
  return justiceRefusal(breach.reason, { fields: [{ field: breach.field, message: fieldMessages[breach.reason] ?? 'breaks a rule' }] });
}

const breach = (reason: JusticeRefusal, field: string): RuleBreach => ({ reason, field });

function firstFutureDate(dates: Record<string, string | null>, today: string): string | null {
  return Object.entries(dates).find(([, date]) => date !== null && date > today)?.[0] ?? null;
}

export interface ProtectionFacts {
  requestedOn: string;
  decision: ProtectionDecision;
  decidedOn: string | null;
  measures: readonly ProtectionMeasure[];
  startsOn: string | null;
  endsOn: string | null;
  refusalReason: string | null;
}

/**
 * State protection (Law of 5 July 2000 No. 72-II): a request, then a decision.
 * Only the end of the measures may lie ahead: it is decided, not observed.
 */
export function protectionBreach(protection: ProtectionFacts, context: { today: string; registeredOn: string }): RuleBreach | null {
  const future = firstFutureDate({ requestedOn: protection.requestedOn, decidedOn: protection.decidedOn, startsOn: protection.startsOn }, context.today);
  if (future) {
    return breach('date_in_future', `body.${future}`);
  }
  if (protection.requestedOn < context.registeredOn) {
    return breach('date_before_registration', 'body.requestedOn');
  }
  if (protection.decision !== 'pending' && protection.decidedOn === null) {
    return breach('decision_needs_date', 'body.decidedOn');
  }
  if (protection.decidedOn !== null && protection.decidedOn < protection.requestedOn) {
    return breach('date_out_of_order', 'body.decidedOn');
  }
  if (protection.decision === 'granted' && protection.measures.length === 0) {
    return breach('protection_needs_measures', 'body.measures');
  }
  if (protection.decision === 'refused' && (protection.refusalReason ?? '').trim() === '') {
    return breach('refusal_needs_reason', 'body.refusalReason');
  }
  if (protection.startsOn !== null && protection.startsOn < protection.requestedOn) {
    return breach('date_out_of_order', 'body.startsOn');
  }
  if (protection.endsOn !== null && protection.endsOn < (protection.startsOn ?? protection.requestedOn)) {
    return breach('ends_before_start', 'body.endsOn');
  }
  return null;
}

export interface CivilClaimFacts {
  claimedTenge: number;
  claimedOn: string;
  awardedTenge: number | null;
  awardedOn: string | null;
  paidTenge: number | null;
  paidOn: string | null;
}

/**
 * The civil claim in the criminal case. What was paid is not capped by the
 * award, nor does it wait for one: an accused may make good the damage
 * before the verdict (a mitigating circumstance, Criminal Code art. 53), and
 * enforcement adds indexation to an award. The amounts are the court's and
 * the bailiff's, recorded as they stand.
 */
export function civilClaimBreach(claim: CivilClaimFacts, context: { today: string; registeredOn: string }): RuleBreach | null {
  const future = firstFutureDate({ claimedOn: claim.claimedOn, awardedOn: claim.awardedOn, paidOn: claim.paidOn }, context.today);
  if (future) {
    return breach('date_in_future', `body.${future}`);
  }
  if (claim.claimedOn < context.registeredOn) {
    return breach('date_before_registration', 'body.claimedOn');
  }
  for (const [amount, date, amountField, dateField] of [
    [claim.awardedTenge, claim.awardedOn, 'awardedTenge', 'awardedOn'],
    [claim.paidTenge, claim.paidOn, 'paidTenge', 'paidOn'],
  ] as const) {
    if ((amount === null) !== (date === null)) {
      return breach('amount_needs_date', `body.${amount === null ? amountField : dateField}`);
    }
  }
  if (claim.awardedOn !== null && claim.awardedOn < claim.claimedOn) {
    return breach('date_out_of_order', 'body.awardedOn');
  }
  return null;
}

export interface FundCompensationFacts {
  appliedOn: string;
  decision: CompensationDecision;
  decidedOn: string | null;
  amountMci: number | null;
  paidOn: string | null;
  refusalReason: string | null;
}

/** An application to the Victims Compensation Fund, its decision and its payment. */
export function fundCompensationBreach(compensation: FundCompensationFacts, context: { today: string }): RuleBreach | null {
  const future = firstFutureDate({ appliedOn: compensation.appliedOn, decidedOn: compensation.decidedOn, paidOn: compensation.paidOn }, context.today);
  if (future) {
    return breach('date_in_future', `body.${future}`);
  }
  if (compensation.paidOn !== null && compensation.decision !== 'granted') {
    return breach('payment_before_decision', 'body.paidOn');
  }
  if (compensation.decision !== 'pending' && compensation.decidedOn === null) {
    return breach('decision_needs_date', 'body.decidedOn');
  }
  if (compensation.decidedOn !== null && compensation.decidedOn < compensation.appliedOn) {
    return breach('date_out_of_order', 'body.decidedOn');
  }
  if (compensation.decision === 'granted' && compensation.amountMci === null) {
    return breach('grant_needs_amount', 'body.amountMci');
  }
  if (compensation.decision === 'refused' && (compensation.refusalReason ?? '').trim() === '') {
    return breach('refusal_needs_reason', 'body.refusalReason');
  }
  if (compensation.paidOn !== null && compensation.decidedOn !== null && compensation.paidOn < compensation.decidedOn) {
    return breach('date_out_of_order', 'body.paidOn');
  }
  return null;
}

/** The year whose MCI converts a grant: the fund pays at the index in force when it decided. */
export function mciYearOf(decidedOn: string): number {
  return Number(decidedOn.slice(0, 4));
}

/**
 * An amount in MCI (to the hundredth) in whole tenge at one MCI's value,
 * rounded half up: computed in hundredths so that 0.1 + 0.2 never decides a tenge.
 */
export function tengeOfMci(amountMci: number, mciValueTenge: number): number {
  const hundredths = Math.round(amountMci * 100);
  return Math.round((hundredths * mciValueTenge) / 100);
}

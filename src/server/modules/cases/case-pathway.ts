import type { PathwayStep } from '../../../shared/case.schemas.js';
import type { CaseRefusal } from '../../../shared/case-refusals.js';
import { addDays, addWorkingDays } from './working-days.js';

// The pathway of a case as plain rules over plain facts: which step it is at,
// what is due next, and which transitions the National Referral Mechanism
// forbids. The service layer loads the facts and enforces the verdicts.

export const DEFAULT_DECISION_TARGET_WORKING_DAYS = 5;
export const DEFAULT_REFLECTION_DAYS = 30;
export const CHILD_AGE_LIMIT = 18;

/** Set per installation (SENIM_DECISION_TARGET_WORKING_DAYS, SENIM_REFLECTION_DAYS). */
export interface ReferralRules {
  decisionTargetWorkingDays: number;
  reflectionDays: number;
}

export const defaultReferralRules: ReferralRules = {
  decisionTargetWorkingDays: DEFAULT_DECISION_TARGET_WORKING_DAYS,
  reflectionDays: DEFAULT_REFLECTION_DAYS,
};

/** Under 18, or of uncertain age: the Convention (art. 10) presumes a child. */
export function isChild(ageYears: number | null, ageBasis: 'documented' | 'declared' | 'estimated' | 'unknown'): boolean {
  return ageBasis === 'unknown' || ageYears === null || ageYears < CHILD_AGE_LIMIT;
}

export function isForeign(citizenship: string): boolean {
  return citizenship !== 'KAZ';
}

export interface PathwayFacts {
  status: 'active' | 'follow_up' | 'closed';
  processingConsentGiven: boolean;
  screenings: number;
  latestDecision: 'identified' | 'not_identified' | 'pending' | null;
  referrals: readonly { status: 'pending' | 'accepted' | 'declined' | 'withdrawn' }[];
  services: readonly { status: 'planned' | 'in_progress' | 'delivered' | 'cancelled' }[];
}

/** The pathway facts of a case from its rows: consent to processing counts while given and not withdrawn. */
export function pathwayFactsOf(
  caseRow: { status: PathwayFacts['status']; latest_decision: PathwayFacts['latestDecision'] },
  records: {
    consents: readonly { scope: string; given: boolean; withdrawn_at: unknown }[];
    screenings: number;
    referrals: PathwayFacts['referrals'];
    services: PathwayFacts['services'];
  },
): PathwayFacts {
  return {
    status: caseRow.status,
    processingConsentGiven: records.consents.some((consent) => consent.scope === 'processing' && consent.given && consent.withdrawn_at === null),
    screenings: records.screenings,
    latestDecision: caseRow.latest_decision,
    referrals: records.referrals,
    services: records.services,
  };
}

export function currentStep(facts: PathwayFacts): PathwayStep {
  if (facts.status === 'closed') {
    return 'closed';
  }
  if (facts.status === 'follow_up') {
    return 'follow_up';
  }
  if (!facts.processingConsentGiven) {
    return 'consent';
  }
  if (facts.screenings === 0) {
    return 'screening';
  }
  if (facts.latestDecision === null || facts.latestDecision === 'pending') {
    return 'identification';
  }
  if (facts.latestDecision === 'not_identified') {
    return 'closure';
  }
  const accepted = facts.referrals.some((referral) => referral.status === 'accepted');
  if (!accepted && facts.services.length === 0) {
    return 'referral';
  }
  const open = facts.services.some((service) => service.status === 'planned' || service.status === 'in_progress');
  return open || facts.services.length === 0 ? 'assistance' : 'closure';
}

export function decisionDueOn(referredOn: string, targetWorkingDays = DEFAULT_DECISION_TARGET_WORKING_DAYS): string {
  return addWorkingDays(referredOn, targetWorkingDays);
}

export function reflectionEndsOn(firstContactDate: string, reflectionDays: number): string {
  return addDays(firstContactDate, reflectionDays);
}

export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface DueFacts extends PathwayFacts {
  referredOn: string;
  decisionTargetWorkingDays: number;
  child: boolean;
  guardianKind: string | null;
  reflection: { firstContactDate: string; days: number } | null;
}

export interface DueItem {
  kind: 'identification_decision' | 'reflection_period_end' | 'referral_response' | 'guardian' | 'consent' | 'screening';
  dueOn: string | null;
  overdue: boolean;
}

/** What the case needs next, most urgent first; a closed case needs nothing. */
export function dueNext(facts: DueFacts, today: string): DueItem[] {
  if (facts.status === 'closed') {
    return [];
  }
  const items: DueItem[] = [];
  if (facts.status === 'active') {
    if (!facts.processingConsentGiven) {
      items.push({ kind: 'consent', dueOn: null, overdue: false });
    }
    if (facts.screenings === 0) {
      items.push({ kind: 'screening', dueOn: null, overdue: false });
    }
    if (facts.latestDecision === null || facts.latestDecision === 'pending') {
      const dueOn = decisionDueOn(facts.referredOn, facts.decisionTargetWorkingDays);
      items.push({ kind: 'identification_decision', dueOn, overdue: dueOn < today });
    }
    if (facts.referrals.some((referral) => referral.status === 'pending')) {
      items.push({ kind: 'referral_response', dueOn: null, overdue: false });
    }
  }
  if (facts.child && (facts.guardianKind === null || facts.guardianKind === 'none_yet')) {
    items.push({ kind: 'guardian', dueOn: null, overdue: false });
  }
  if (facts.reflection) {
    const dueOn = reflectionEndsOn(facts.reflection.firstContactDate, facts.reflection.days);
    if (dueOn >= today) {
      items.push({ kind: 'reflection_period_end', dueOn, overdue: false });
    }
  }
  return items.sort((a, b) => (a.dueOn ?? '9999') .localeCompare(b.dueOn ?? '9999'));
}

/** The rule that keeps a service from being recorded for this provider yet, or null when it may be. */
export function serviceRefusal(input: { providerOrganizationId: string; caseOwnerOrganizationId: string; acceptedReferralProviders: readonly string[]; status: string }): CaseRefusal | null {
  if (input.status === 'closed') {
    return 'case_closed';
  }
  if (input.providerOrganizationId === input.caseOwnerOrganizationId || input.acceptedReferralProviders.includes(input.providerOrganizationId)) {
    return null;
  }
  return 'provider_not_accepted';
}

/** The rule that keeps the case from being closed now, or null. */
export function closureRefusal(input: { status: string; services: readonly { status: string }[] }): CaseRefusal | null {
  if (input.status === 'closed') {
    return 'case_closed';
  }
  if (input.status === 'follow_up') {
    return 'in_follow_up';
  }
  if (input.services.some((service) => service.status === 'planned' || service.status === 'in_progress')) {
    return 'services_open';
  }
  return null;
}

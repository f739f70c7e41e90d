import { describe, expect, it } from 'vitest';
import { closureRefusal, currentStep, dueNext, isChild, pathwayFactsOf, serviceRefusal, type DueFacts, type PathwayFacts } from './case-pathway.js';

const start: PathwayFacts = { status: 'active', processingConsentGiven: false, screenings: 0, latestDecision: null, referrals: [], services: [] };

describe('the pathway step', () => {
  it('moves from consent to screening, identification, referral, assistance and closure as records arrive', () => {
    expect(currentStep(start)).toBe('consent');
    const consented = { ...start, processingConsentGiven: true };
    expect(currentStep(consented)).toBe('screening');
    const screened = { ...consented, screenings: 1 };
    expect(currentStep(screened)).toBe('identification');
    expect(currentStep({ ...screened, latestDecision: 'pending' })).toBe('identification');
    const identified = { ...screened, latestDecision: 'identified' as const };
    expect(currentStep(identified)).toBe('referral');
    expect(currentStep({ ...identified, referrals: [{ status: 'declined' }] })).toBe('referral');
    expect(currentStep({ ...identified, referrals: [{ status: 'accepted' }] })).toBe('assistance');
    expect(currentStep({ ...identified, referrals: [{ status: 'accepted' }], services: [{ status: 'in_progress' }] })).toBe('assistance');
    expect(currentStep({ ...identified, referrals: [{ status: 'accepted' }], services: [{ status: 'delivered' }, { status: 'cancelled' }] })).toBe('closure');
    expect(currentStep({ ...screened, latestDecision: 'not_identified' })).toBe('closure');
    expect(currentStep({ ...identified, status: 'follow_up' })).toBe('follow_up');
    expect(currentStep({ ...identified, status: 'closed' })).toBe('closed');
  });
});

describe('pathway facts from the rows of a case', () => {
  const caseRow = { status: 'active' as const, latest_decision: null };
  const records = { screenings: 0, referrals: [], services: [] };
  it('counts consent to processing only while it is given and not withdrawn', () => {
    const given = { scope: 'processing', given: true, withdrawn_at: null };
    expect(pathwayFactsOf(caseRow, { ...records, consents: [given] }).processingConsentGiven).toBe(true);
    expect(pathwayFactsOf(caseRow, { ...records, consents: [{ ...given, withdrawn_at: '2026-11-20T10:00:00Z' }] }).processingConsentGiven).toBe(false);
    expect(pathwayFactsOf(caseRow, { ...records, consents: [{ ...given, given: false }] }).processingConsentGiven).toBe(false);
    expect(pathwayFactsOf(caseRow, { ...records, consents: [{ ...given, scope: 'referral' }] }).processingConsentGiven).toBe(false);
  });
});

describe('children', () => {
  it('presumes a child when the age is uncertain (Convention art. 10)', () => {
    expect(isChild(null, 'unknown')).toBe(true);
    expect(isChild(25, 'unknown')).toBe(true);
    expect(isChild(16, 'declared')).toBe(true);
    expect(isChild(18, 'documented')).toBe(false);
    expect(isChild(30, 'estimated')).toBe(false);
  });
});

describe('what is due next', () => {
  const facts: DueFacts = { ...start, referredOn: '2026-11-02', decisionTargetWorkingDays: 5, child: false, guardianKind: null, reflection: null };

  it('dates the identification decision five working days from referral and flags it when late', () => {
    expect(dueNext(facts, '2026-11-05').find((item) => item.kind === 'identification_decision')).toEqual({ kind: 'identification_decision', dueOn: '2026-11-09', overdue: false });
    expect(dueNext(facts, '2026-11-10').find((item) => item.kind === 'identification_decision')?.overdue).toBe(true);
    expect(dueNext({ ...facts, latestDecision: 'identified' }, '2026-11-10').some((item) => item.kind === 'identification_decision')).toBe(false);
  });

  it('adds the guardian for a child and the end of the reflection period for a foreign person, and nothing once closed', () => {
    const foreignChild = { ...facts, child: true, guardianKind: 'none_yet', reflection: { firstContactDate: '2026-11-01', days: 30 } };
    const kinds = dueNext(foreignChild, '2026-11-03').map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['guardian', 'reflection_period_end', 'consent', 'screening']));
    expect(dueNext(foreignChild, '2026-11-03').find((item) => item.kind === 'reflection_period_end')?.dueOn).toBe('2026-12-01');
    expect(dueNext({ ...foreignChild, guardianKind: 'guardian' }, '2026-11-03').some((item) => item.kind === 'guardian')).toBe(false);
    expect(dueNext({ ...foreignChild, status: 'closed' }, '2026-11-03')).toEqual([]);
  });
});

describe('forbidden transitions', () => {
  it('refuses a service by a provider that has not accepted a referral', () => {
    const base = { providerOrganizationId: 'shelter', caseOwnerOrganizationId: 'ngo', acceptedReferralProviders: [] as string[], status: 'active' };
    expect(serviceRefusal(base)).toBe('provider_not_accepted');
    expect(serviceRefusal({ ...base, acceptedReferralProviders: ['shelter'] })).toBeNull();
    expect(serviceRefusal({ ...base, providerOrganizationId: 'ngo' })).toBeNull();
    expect(serviceRefusal({ ...base, status: 'closed', providerOrganizationId: 'ngo' })).toBe('case_closed');
  });

  it('refuses closure while services are open, and twice', () => {
    expect(closureRefusal({ status: 'active', services: [{ status: 'planned' }] })).toBe('services_open');
    expect(closureRefusal({ status: 'active', services: [{ status: 'delivered' }] })).toBeNull();
    expect(closureRefusal({ status: 'closed', services: [] })).toBe('case_closed');
  });
});

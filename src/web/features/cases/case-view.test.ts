import { describe, expect, it } from 'vitest';
import {
  eventKindKey,
  indicatorText,
  indicatorsByDimension,
  isWithdrawable,
  oneOf,
  byOrganization,
  caseSections,
  openServices,
  pathwayProgress,
  positiveDimensions,
  questionnaireFor,
  referralsAwaiting,
  screeningAnswers,
  serviceProviders,
} from './case-view.js';

const owner = '00000000-0000-4000-8000-000000000001';
const shelter = '00000000-0000-4000-8000-000000000002';
const crisisCentre = '00000000-0000-4000-8000-000000000003';

function questionnaire(audience: 'adult' | 'child', version: number, active = true) {
  return {
    id: `00000000-0000-4000-8000-00000000010${version}`,
    audience,
    version,
    title: `${audience} v${version}`,
    active,
    createdAt: '2026-01-01T00:00:00.000Z',
    definition: {
      indicators: [
        { code: 'exploitation.hours', dimension: 'exploitation' as const, strength: 'strong' as const, text: { ru: 'Чрезмерные часы', en: 'Excessive hours' } },
        { code: 'recruitment.deceived', dimension: 'deceptive_recruitment' as const, strength: 'strong' as const, text: { ru: 'Обман', en: 'Deceived', kk: 'Алдау' } },
        { code: 'exploitation.pay', dimension: 'exploitation' as const, strength: 'medium' as const, text: { ru: 'Нет оплаты', en: 'No pay' } },
      ],
    },
  };
}

function referral(toOrganizationId: string, status: 'pending' | 'accepted' | 'declined' | 'withdrawn') {
  return {
    id: `00000000-0000-4000-8000-0000000002${toOrganizationId.slice(-2)}`,
    caseId: owner,
    caseCode: 'KZ-AST-2026-0001',
    fromOrganizationId: owner,
    toOrganizationId,
    serviceTypes: ['social_welfare' as const],
    reason: 'Needs a bed',
    requestedAt: '2026-01-01T00:00:00.000Z',
    status,
    respondedAt: null,
    declineReason: null,
    placement: true,
    placementFrom: null,
    placementTo: null,
    consentOverridden: false,
  };
}

function service(status: 'planned' | 'in_progress' | 'delivered' | 'cancelled') {
  return {
    id: owner,
    serviceType: 'medical' as const,
    providerOrganizationId: owner,
    referralId: null,
    status,
    plannedFrom: null,
    plannedTo: null,
    deliveredOn: null,
    notes: null,
  };
}

describe('the pathway in the case header', () => {
  it('marks the steps before the current one done and the rest upcoming', () => {
    expect(pathwayProgress('identification').map(({ state }) => state)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('shows every step done once the case is closed, without a "closed" step', () => {
    const progress = pathwayProgress('closed');
    expect(progress.map(({ step }) => step)).not.toContain('closed');
    expect(progress.every(({ state }) => state === 'done')).toBe(true);
  });
});

describe('screening', () => {
  it("asks a child's questions of a child and an adult's of an adult, newest active version first", () => {
    const list = [questionnaire('adult', 1), questionnaire('adult', 3, false), questionnaire('adult', 2), questionnaire('child', 1)];
    expect(questionnaireFor(list, false)?.version).toBe(2);
    expect(questionnaireFor(list, true)?.audience).toBe('child');
    expect(questionnaireFor([questionnaire('adult', 1)], true)).toBeNull();
  });

  it('groups indicators by Delphi dimension in the order of the rule', () => {
    const groups = indicatorsByDimension(questionnaire('adult', 1));
    expect(groups.map((group) => group.dimension)).toEqual(['deceptive_recruitment', 'exploitation']);
    expect(groups[1]?.indicators.map((indicator) => indicator.code)).toEqual(['exploitation.hours', 'exploitation.pay']);
  });

  it('gives a Kazakh reader the Russian wording where the Kazakh one is missing', () => {
    const [deceived, hours] = [questionnaire('adult', 1).definition.indicators[1], questionnaire('adult', 1).definition.indicators[0]];
    expect(deceived && indicatorText(deceived, 'kk')).toBe('Алдау');
    expect(hours && indicatorText(hours, 'kk')).toBe('Чрезмерные часы');
    expect(hours && indicatorText(hours, 'en')).toBe('Excessive hours');
  });

  it('sends every indicator, the ones not asked as unknown', () => {
    expect(screeningAnswers(questionnaire('adult', 1), { 'exploitation.pay': 'yes', 'recruitment.deceived': 'no' })).toEqual([
      { indicatorCode: 'exploitation.hours', answer: 'unknown' },
      { indicatorCode: 'recruitment.deceived', answer: 'no' },
      { indicatorCode: 'exploitation.pay', answer: 'yes' },
    ]);
  });

  it('lists only the positive dimensions of an assessment', () => {
    const dimensions = [
      { dimension: 'exploitation' as const, positive: true, strong: 2, medium: 0, weak: 0 },
      { dimension: 'deceptive_recruitment' as const, positive: false, strong: 0, medium: 1, weak: 0 },
    ];
    expect(positiveDimensions({ preliminary: 'exploited_migrant', dimensions, reasons: [], childRuleApplied: false }).map((result) => result.dimension)).toEqual([
      'exploitation',
    ]);
  });
});

describe('referrals and services', () => {
  const detail = {
    summary: { ownerOrganizationId: owner },
    referrals: [referral(shelter, 'accepted'), referral(crisisCentre, 'pending'), referral(owner, 'declined')],
    services: [service('delivered'), service('in_progress'), service('planned'), service('cancelled')],
  };

  it('offers as providers the owner and those that accepted a referral, once each', () => {
    expect(serviceProviders(detail)).toEqual([owner, shelter]);
  });

  it("shows an organization the referrals waiting for its answer, not other organizations' or answered ones", () => {
    expect(referralsAwaiting(detail, crisisCentre).map((item) => item.toOrganizationId)).toEqual([crisisCentre]);
    expect(referralsAwaiting(detail, shelter)).toEqual([]);
  });

  it('counts the planned and in-progress services that keep the case from closing', () => {
    expect(openServices(detail)).toBe(2);
  });
});

describe('consents', () => {
  const consent = { id: owner, scope: 'referral' as const, organizationId: null, given: true, method: 'written' as const, recordedAt: '2026-01-01T00:00:00.000Z', withdrawnAt: null };
  it('can be withdrawn only while given and not withdrawn already', () => {
    expect(isWithdrawable(consent)).toBe(true);
    expect(isWithdrawable({ ...consent, withdrawnAt: '2026-01-02T00:00:00.000Z' })).toBe(false);
    expect(isWithdrawable({ ...consent, given: false })).toBe(false);
  });
});

describe('the timeline', () => {
  it('translates the kinds it knows and leaves others to be shown as they are', () => {
    expect(eventKindKey('case.follow_up_ended')).toBe('case_follow_up_ended');
    expect(eventKindKey('referral.accepted')).toBe('referral_accepted');
    expect(eventKindKey('case.teleported')).toBeNull();
  });
});

describe('choices', () => {
  it('narrow what a select answered to its options', () => {
    expect(oneOf(['written', 'oral'] as const, 'oral', 'written')).toBe('oral');
    expect(oneOf(['written', 'oral'] as const, 'telepathy', 'written')).toBe('written');
  });
});

describe('the page outline', () => {
  it("lists the foreign person's and the child's sections only where they apply", () => {
    expect(caseSections({ foreign: false, child: false, status: 'active' })).not.toContain('foreign');
    expect(caseSections({ foreign: true, child: true, status: 'active' })).toEqual(expect.arrayContaining(['foreign', 'child', 'workers']));
    expect(caseSections({ foreign: false, child: false, status: 'closed' })).not.toContain('workers');
  });

  it('lists each organization once, with its records, in the order they first appear', () => {
    const grouped = byOrganization([
      { organizationId: owner, basis: 'referral' },
      { organizationId: shelter, basis: 'service' },
      { organizationId: owner, basis: 'identification' },
    ]);
    expect(grouped.map((group) => [group.organizationId, group.items.map((item) => item.basis)])).toEqual([
      [owner, ['referral', 'identification']],
      [shelter, ['service']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { kazakhstanRegions } from '../reference/kazakhstan/regions.js';
import { defaultQuestionnaires } from './default-questionnaires.js';
import { demoStages, intakeOf, occupiesShelterBed, planDemoCases, quota, seededRandom, type DemoCasePlan } from './demo-cases.js';

const today = '2026-11-23';
const regionCodes = kazakhstanRegions.filter((region) => region.validTo === null).map((region) => region.code);
const plans = planDemoCases({ count: 520, seed: 7, today, regionCodes });

const share = (items: readonly DemoCasePlan[], test: (plan: DemoCasePlan) => boolean): number => items.filter(test).length / items.length;
const closedOutcomes = plans.flatMap((plan) => plan.steps.flatMap((step) => (step.kind === 'close' ? [step.outcome] : [])));

describe('demo case plans', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(planDemoCases({ count: 520, seed: 7, today, regionCodes })).toEqual(plans);
    expect(planDemoCases({ count: 520, seed: 8, today, regionCodes })).not.toEqual(plans);
  });

  it('follow the seed figures: 63% labour, 23% sexual, 14% other exploitation', () => {
    expect(share(plans, (plan) => plan.exploitation === 'labour')).toBeCloseTo(0.63, 2);
    expect(share(plans, (plan) => plan.exploitation === 'sexual')).toBeCloseTo(0.23, 2);
    expect(share(plans, (plan) => plan.exploitation === 'other')).toBeCloseTo(0.14, 2);
    expect(plans.filter((plan) => plan.exploitation === 'other').every((plan) => plan.form !== 'labour' && plan.form !== 'sexual')).toBe(true);
  });

  it('follow the seed figures for referral: law enforcement 43%, self 42%, organization 6%, health re-applicants 9%', () => {
    expect(share(plans, (plan) => plan.sourceGroup === 'law_enforcement')).toBeCloseTo(0.43, 2);
    expect(share(plans, (plan) => plan.sourceGroup === 'self')).toBeCloseTo(0.42, 2);
    expect(share(plans, (plan) => plan.sourceGroup === 'organization')).toBeCloseTo(0.06, 2);
    expect(share(plans, (plan) => plan.sourceGroup === 'health_reapplicant')).toBeCloseTo(0.09, 2);
    const lawEnforcementSources = new Set(['police', 'migration_police', 'juvenile_police', 'border_service']);
    expect(plans.filter((plan) => plan.sourceGroup === 'law_enforcement').every((plan) => lawEnforcementSources.has(intakeOf(plan).referralSource))).toBe(true);
    // Some re-applicants are people of earlier demo cases, who come back as a new episode.
    expect(plans.some((plan) => intakeOf(plan).earlierCase !== null)).toBe(true);
  });

  it('tell a man’s circumstances of a man, a sexually exploited man and a returning one included', () => {
    const men = plans.filter((plan) => intakeOf(plan).sex === 'male');
    expect(men.some((plan) => plan.exploitation === 'sexual')).toBe(true);
    // Russian marks a woman in the past tense and the short participle; these are the demo stories' words that do.
    const toldOfWoman = /(Завербована|Приглашена|принуждена|Познакомилась|вывезена|удерживалась|Выдана|принуждалась)/u;
    expect(men.map((plan) => intakeOf(plan).circumstances).filter((text) => toldOfWoman.test(text))).toEqual([]);
    expect(plans.some((plan) => intakeOf(plan).sex === 'female' && toldOfWoman.test(intakeOf(plan).circumstances))).toBe(true);
  });

  it('close 91% of ended cases as re-socialized and 9% as expelled for negative reasons', () => {
    expect(closedOutcomes.length).toBeGreaterThan(200);
    expect(closedOutcomes.filter((outcome) => outcome === 'reintegrated').length / closedOutcomes.length).toBeCloseTo(0.91, 2);
    expect(closedOutcomes.filter((outcome) => outcome === 'expelled_negative').length / closedOutcomes.length).toBeCloseTo(0.09, 2);
  });

  it('cover every current region, every stage, every citizenship asked for, adults and children', () => {
    expect(new Set(plans.map((plan) => intakeOf(plan).regionCode))).toEqual(new Set(regionCodes));
    expect(new Set(plans.map((plan) => plan.stage))).toEqual(new Set(demoStages));
    expect(new Set(plans.map((plan) => intakeOf(plan).citizenship))).toEqual(new Set(['KAZ', 'KGZ', 'UZB', 'TJK', 'RUS', 'stateless']));
    expect(share(plans, (plan) => plan.child)).toBeGreaterThan(0.08);
    expect(plans.some((plan) => plan.child && intakeOf(plan).ageBasis === 'unknown')).toBe(true);
    const guardians = plans.flatMap((plan) => plan.steps.flatMap((step) => (step.kind === 'child_protection' ? [step.guardianKind] : [])));
    expect(guardians).toContain('none_yet');
    expect(guardians.some((kind) => kind !== 'none_yet')).toBe(true);
    expect(plans.some((plan) => plan.foreign && plan.steps.some((step) => step.kind === 'migration'))).toBe(true);
    expect(plans.some((plan) => plan.steps.some((step) => step.kind === 'response' && !step.accept))).toBe(true);
    expect(plans.some((plan) => plan.steps.some((step) => step.kind === 'reopen'))).toBe(true);
    expect(plans.some((plan) => plan.stage === 'intake' && intakeOf(plan).identity === null)).toBe(true);
  });

  it('give every demo user a share of the cases: the recorder, the worker, the shelter, police by consent', () => {
    const actors = new Set(plans.flatMap((plan) => plan.steps.map((step) => step.by)));
    for (const actor of ['caseworker.korgau', 'caseworker.sanasezim', 'shelter.almaty', 'police.astana', 'hotline'] as const) {
      expect(actors, actor).toContain(actor);
    }
    const policeSharing = plans.filter((plan) => plan.policeSharing);
    expect(policeSharing.length).toBeGreaterThan(10);
    expect(policeSharing.every((plan) => plan.steps.some((step) => (step.kind === 'intake' ? step.intake.consents : step.kind === 'consent' ? [step.consent] : []).some((consent) => consent.scope === 'police_sharing' && consent.to === 'MIA')))).toBe(
      true,
    );
    // The investigator is named on children's cases shared with police: only named workers see a child's case.
    expect(plans.some((plan) => plan.child && plan.steps.some((step) => step.kind === 'name_worker' && step.worker === 'investigator.almaty'))).toBe(true);
  });

  it('keep dates in order, never after today, and the Almaty shelter within its beds', () => {
    for (const plan of plans) {
      const dates = plan.steps.map((step) => step.on);
      expect([...dates].sort(), `case ${plan.index}`).toEqual(dates);
      expect(dates.every((date) => date <= today)).toBe(true);
    }
    expect(plans.filter((plan) => occupiesShelterBed(plan, today)).length).toBeLessThanOrEqual(8);
  });

  it('answer only indicators of the default questionnaire for the person’s age', () => {
    for (const plan of plans) {
      const audience = plan.child ? 'child' : 'adult';
      const codes = new Set(defaultQuestionnaires.find((questionnaire) => questionnaire.audience === audience)?.definition.indicators.map((indicator) => indicator.code));
      for (const step of plan.steps) {
        if (step.kind === 'screening') {
          expect(step.answers.every((answer) => codes.has(answer.indicatorCode)), `case ${plan.index}`).toBe(true);
        }
      }
    }
  });

  it('give synthetic identities a Cyrillic name with its Latin spelling and fictitious document numbers', () => {
    const identities = plans.flatMap((plan) => (intakeOf(plan).identity ? [intakeOf(plan).identity] : []));
    expect(identities.length).toBeGreaterThan(400);
    for (const identity of identities) {
      const [primary, spelling] = identity?.names ?? [];
      expect(primary?.family).toMatch(/^[А-ЯЁ][а-яё]+$/);
      expect(spelling?.kind).toBe('spelling');
      expect(spelling?.family).toMatch(/^[A-Z][a-z]+$/);
      expect(identity?.documents.every((document) => document.number.startsWith('DEMO'))).toBe(true);
    }
  });
});

describe('quota', () => {
  it('hands out exact shares, whatever the order', () => {
    const drawn = quota(seededRandom(1), 100, [
      ['a', 63],
      ['b', 23],
      ['c', 14],
    ]);
    expect(drawn.filter((value) => value === 'a')).toHaveLength(63);
    expect(drawn.filter((value) => value === 'c')).toHaveLength(14);
    expect(quota(seededRandom(2), 7, [
      ['x', 1],
      ['y', 1],
    ])).toHaveLength(7);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../cases/demo-cases.js';
import { addDays } from '../cases/working-days.js';
import { kazakhstanRegions } from '../reference/kazakhstan/regions.js';
import { DEMO_PROCEEDING_SEED, planDemoProceedings, type DemoCaseFact, type DemoProceedingPlan } from './demo-proceedings.js';
import { refuseStageMove } from './proceeding-stages.js';

const TODAY = '2026-12-03';

/** Identified demo cases as the case demo leaves them: every region, mostly labour, some sexual, some children. */
function demoCases(count: number): DemoCaseFact[] {
  const random = seededRandom(7);
  const regions = kazakhstanRegions.filter((region) => region.validTo === null).map((region) => region.code);
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    regionCode: index % 4 === 0 ? 'KZ-ALA' : (regions[index % regions.length] as string),
    firstContactDate: addDays(TODAY, -Math.floor(random() * 600)),
    exploitationForms: [random() < 0.63 ? 'labour' : random() < 0.6 ? 'sexual' : 'forced_begging'],
    child: random() < 0.14,
    policeSharing: random() < 0.3,
  }));
}

const cases = demoCases(160);
const plans = planDemoProceedings({ seed: DEMO_PROCEEDING_SEED, today: TODAY, cases });
const historic = plans.filter((plan) => plan.source === 'imported');
const recent = plans.filter((plan) => plan.source === 'entered');

const share = (part: readonly DemoProceedingPlan[], whole: readonly DemoProceedingPlan[]) => part.length / whole.length;
const underBrothelArticles = (plan: DemoProceedingPlan) => ['271', '309'].includes(plan.articles[0]?.article ?? '');
const reachedCourt = (plan: DemoProceedingPlan) => plan.path.some((step) => step.stage === 'sent_to_court');

describe('the demo proceedings', () => {
  it('follow the 2013-2015 figures: one tenth of each year, under the Code in force', () => {
    const byYear = (year: string) => historic.filter((plan) => plan.registeredOn.startsWith(year));
    expect([byYear('2013').length, byYear('2014').length, byYear('2015').length]).toEqual([35, 30, 36]);
    expect(byYear('2014').every((plan) => plan.edition === '1997' && plan.articles.every((article) => article.edition === '1997'))).toBe(true);
    expect(byYear('2015').every((plan) => plan.edition === '2014')).toBe(true);
    expect(historic.every((plan) => plan.cases.length === 0 && plan.defendants.every((defendant) => defendant.identity === null))).toBe(true);
  });

  it('stand mostly under 271/309, and few of those under 128 reach court', () => {
    expect(share(historic.filter(underBrothelArticles), historic)).toBeGreaterThan(0.5);
    const trafficking = historic.filter((plan) => plan.articles[0]?.article === '128');
    expect(trafficking.length).toBeGreaterThanOrEqual(5);
    expect(share(trafficking.filter(reachedCourt), trafficking)).toBeLessThan(0.25);
    const brothels = historic.filter(underBrothelArticles);
    expect(share(brothels.filter(reachedCourt), brothels)).toBeGreaterThan(share(trafficking.filter(reachedCourt), trafficking));
  });

  it('leave many suspended or discontinued', () => {
    const stopped = historic.filter((plan) => plan.path.some((step) => step.stage === 'suspended_perpetrator_unknown' || step.stage.startsWith('discontinued')) && !reachedCourt(plan));
    expect(share(stopped, historic)).toBeGreaterThan(0.4);
    expect(historic.some((plan) => plan.outcome === 'removed')).toBe(true);
    expect(historic.some((plan) => plan.outcome === 'discontinued')).toBe(true);
  });

  it('re-qualify some trafficking proceedings to brothel-keeping at court, and convict under that article', () => {
    const requalified = plans.filter((plan) => plan.requalification !== null);
    expect(requalified.length).toBeGreaterThan(0);
    for (const plan of requalified) {
      expect(plan.articles[0]?.article).toBe('128');
      expect(plan.requalification?.articles[0]?.article).toBe(plan.edition === '1997' ? '271' : '309');
      for (const defendant of plan.defendants) {
        if (defendant.verdict?.outcome === 'convicted') {
          expect(defendant.verdict.article?.article).toBe(plan.requalification?.articles[0]?.article);
        }
      }
    }
  });

  it('move only as the stage rules allow, on dates that follow each other, none after today, in regions that existed then', () => {
    for (const plan of plans) {
      expect(plan.path[0]).toEqual({ stage: 'registered', on: plan.registeredOn, reason: null });
      for (let at = 1; at < plan.path.length; at += 1) {
        const [before, step] = [plan.path[at - 1], plan.path[at]];
        expect(step && before && step.on >= before.on, plan.registerNumber).toBe(true);
        expect(before && step && refuseStageMove(before.stage, step.stage, step.reason), `${plan.registerNumber}: ${before?.stage} → ${step?.stage}`).toBeNull();
      }
      expect(plan.path.every((step) => step.on <= TODAY)).toBe(true);
      const region = kazakhstanRegions.find((entry) => entry.code === plan.regionCode);
      expect(region && region.validFrom <= plan.registeredOn && (region.validTo === null || plan.registeredOn < region.validTo), `${plan.regionCode} on ${plan.registeredOn}`).toBe(true);
      expect(plan.registerNumber).toMatch(/^\d{15}$/);
      const verdictStage = plan.path.some((step) => step.stage === 'first_instance_verdict');
      expect(plan.defendants.every((defendant) => (defendant.verdict !== null) === verdictStage)).toBe(true);
    }
    expect(new Set(plans.map((plan) => plan.registerNumber)).size).toBe(plans.length);
  });

  it('give the Almaty investigator a worklist: investigations without movement for months, and suspended ones', () => {
    const mine = recent.filter((plan) => plan.investigator);
    expect(mine.every((plan) => plan.regionCode === 'KZ-ALA' && plan.investigatingBody === 'MIA')).toBe(true);
    const stalled = mine.filter((plan) => plan.outcome === 'in_progress' && (plan.path.at(-1)?.on ?? TODAY) <= addDays(TODAY, -90));
    expect(stalled.length).toBeGreaterThanOrEqual(3);
    expect(mine.filter((plan) => plan.path.at(-1)?.stage === 'suspended_perpetrator_unknown').length).toBeGreaterThanOrEqual(2);
  });

  it('link recent proceedings to demo cases, some where the person agreed to share with police, and seal some defendants’ identities', () => {
    const linked = recent.flatMap((plan) => plan.cases);
    expect(linked.length).toBeGreaterThanOrEqual(20);
    const known = new Map(cases.map((fact) => [fact.id, fact]));
    expect(linked.every((link) => known.has(link.caseId))).toBe(true);
    expect(linked.some((link) => known.get(link.caseId)?.policeSharing)).toBe(true);
    expect(linked.some((link) => !known.get(link.caseId)?.policeSharing)).toBe(true);
    expect(new Set(linked.map((link) => link.caseId)).size).toBe(linked.length);
    for (const plan of recent) {
      const fact = known.get(plan.cases[0]?.caseId ?? '');
      if (fact) {
        expect(plan.registeredOn >= fact.firstContactDate).toBe(true);
      }
    }
    const defendants = recent.flatMap((plan) => plan.defendants);
    expect(defendants.some((defendant) => defendant.identity !== null)).toBe(true);
    expect(defendants.some((defendant) => defendant.identity === null)).toBe(true);
  });

  it('are the same plans for the same seed, and others for another', () => {
    expect(planDemoProceedings({ seed: DEMO_PROCEEDING_SEED, today: TODAY, cases })).toEqual(plans);
    expect(planDemoProceedings({ seed: DEMO_PROCEEDING_SEED + 1, today: TODAY, cases })).not.toEqual(plans);
  });

  it('still give the investigator a worklist without any demo case', () => {
    const alone = planDemoProceedings({ seed: DEMO_PROCEEDING_SEED, today: TODAY, cases: [] });
    expect(alone.filter((plan) => plan.investigator)).toHaveLength(5);
    expect(alone.every((plan) => plan.cases.length === 0)).toBe(true);
  });
});

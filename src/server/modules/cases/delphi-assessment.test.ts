import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from './default-questionnaires.js';
import { assessScreening, dimensionIsPositive } from './delphi-assessment.js';

const adult = defaultQuestionnaires.find((questionnaire) => questionnaire.audience === 'adult')?.definition;
const child = defaultQuestionnaires.find((questionnaire) => questionnaire.audience === 'child')?.definition;
if (!adult || !child) {
  throw new Error('default questionnaires missing');
}
const yes = (...codes: string[]) => codes.map((indicatorCode) => ({ indicatorCode, answer: 'yes' as const }));

describe('the Delphi dimension rule', () => {
  it.each([
    [{ strong: 2, medium: 0, weak: 0 }, true],
    [{ strong: 1, medium: 1, weak: 0 }, true],
    [{ strong: 1, medium: 0, weak: 1 }, true],
    [{ strong: 0, medium: 3, weak: 0 }, true],
    [{ strong: 0, medium: 2, weak: 1 }, true],
    [{ strong: 1, medium: 0, weak: 0 }, false],
    [{ strong: 0, medium: 2, weak: 0 }, false],
    [{ strong: 0, medium: 1, weak: 5 }, false],
  ])('%o is positive: %s', (count, positive) => {
    expect(dimensionIsPositive(count)).toBe(positive);
  });
});

describe('a screening’s preliminary assessment', () => {
  const deception = ['recruitment.deceived_nature_of_job', 'recruitment.deceived_wages'];
  const exploitation = ['exploitation.excessive_hours', 'exploitation.low_or_no_salary'];
  const coercion = ['coercion.documents_confiscated', 'coercion.isolation'];

  it('finds an adult a probable victim only when recruitment, exploitation and means are all positive', () => {
    const full = assessScreening(adult, yes(...deception, ...exploitation, ...coercion), 'adult');
    expect(full.preliminary).toBe('probable_victim');
    expect(full.dimensions.filter((dimension) => dimension.positive).map((dimension) => dimension.dimension)).toEqual([
      'deceptive_recruitment',
      'exploitation',
      'coercion_at_destination',
    ]);
    expect(full.reasons.at(-1)).toMatch(/all positive/);
    expect(assessScreening(adult, yes(...deception, ...exploitation), 'adult').preliminary).toBe('deception_and_exploitation');
    expect(assessScreening(adult, yes(...exploitation), 'adult').preliminary).toBe('exploited_migrant');
    expect(assessScreening(adult, yes(...deception, ...coercion), 'adult').preliminary).toBe('insufficient_indicators');
  });

  it('does not require the means for a child', () => {
    const result = assessScreening(child, yes(...deception, ...exploitation), 'child');
    expect(result).toMatchObject({ preliminary: 'probable_victim', childRuleApplied: true });
    expect(result.reasons.at(-1)).toMatch(/means are not required/);
  });

  it('counts only indicators answered yes, whatever else was answered', () => {
    const answers = [...yes(...exploitation), { indicatorCode: 'coercion.documents_confiscated', answer: 'unknown' as const }, { indicatorCode: 'coercion.isolation', answer: 'no' as const }];
    expect(assessScreening(adult, answers, 'adult').dimensions.find((dimension) => dimension.dimension === 'coercion_at_destination')).toMatchObject({ positive: false, strong: 0 });
  });
});

describe('the default questionnaires', () => {
  it('cover all six Delphi dimensions, each with a strong or medium indicator, and name ILO indicators 1 to 11', () => {
    for (const definition of [adult, child]) {
      const dimensions = new Set(definition.indicators.filter((indicator) => indicator.strength !== 'weak').map((indicator) => indicator.dimension));
      expect(dimensions.size).toBe(6);
      expect(new Set(definition.indicators.map((indicator) => indicator.code)).size).toBe(definition.indicators.length);
    }
    expect(new Set(adult.indicators.flatMap((indicator) => (indicator.iloIndicator ? [indicator.iloIndicator] : []))).size).toBe(11);
  });
});

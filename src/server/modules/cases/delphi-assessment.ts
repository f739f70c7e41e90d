import {
  delphiDimensions,
  type DelphiDimension,
  type QuestionnaireDefinition,
  type ScreeningAssessment,
} from '../../../shared/case.schemas.js';

// The ILO/EC Delphi rule ("Operational indicators of trafficking in human
// beings", 2009). It gives decision support for the identifying organization,
// never a status: the result is stored beside the answers, with its reasons.

export interface IndicatorAnswer {
  indicatorCode: string;
  answer: 'yes' | 'no' | 'unknown';
}

interface DimensionCount {
  strong: number;
  medium: number;
  weak: number;
}

/** ≥2 strong, or 1 strong + 1 medium or weak, or 3 medium, or 2 medium + 1 weak. */
export function dimensionIsPositive({ strong, medium, weak }: DimensionCount): boolean {
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

const recruitment: DelphiDimension[] = ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'];
const means: DelphiDimension[] = ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'];

const dimensionLabel: Record<DelphiDimension, string> = {
  deceptive_recruitment: 'deceptive recruitment',
  coercive_recruitment: 'coercive recruitment',
  recruitment_abuse_of_vulnerability: 'recruitment by abuse of vulnerability',
  exploitation: 'exploitation',
  coercion_at_destination: 'coercion at destination',
  abuse_of_vulnerability_at_destination: 'abuse of vulnerability at destination',
};

/**
 * Which dimensions are positive and what that suggests. For a child the means
 * (coercion, abuse of vulnerability) are not required: recruitment and
 * exploitation suffice.
 */
export function assessScreening(definition: QuestionnaireDefinition, answers: readonly IndicatorAnswer[], audience: 'adult' | 'child'): ScreeningAssessment {
  const observed = new Set(answers.filter((answer) => answer.answer === 'yes').map((answer) => answer.indicatorCode));
  const counts = new Map<DelphiDimension, DimensionCount>(delphiDimensions.map((dimension) => [dimension, { strong: 0, medium: 0, weak: 0 }]));
  for (const indicator of definition.indicators) {
    if (observed.has(indicator.code)) {
      const count = counts.get(indicator.dimension);
      if (count) {
        count[indicator.strength] += 1;
      }
    }
  }
  const dimensions = delphiDimensions.map((dimension) => {
    const count = counts.get(dimension) ?? { strong: 0, medium: 0, weak: 0 };
    return { dimension, positive: dimensionIsPositive(count), ...count };
  });
  const positive = new Set(dimensions.filter((result) => result.positive).map((result) => result.dimension));
  const anyRecruitment = recruitment.some((dimension) => positive.has(dimension));
  const anyMeans = means.some((dimension) => positive.has(dimension));
  const exploitation = positive.has('exploitation');
  const childRuleApplied = audience === 'child';

  const reasons = dimensions
    .filter((result) => result.positive)
    .map((result) => `${dimensionLabel[result.dimension]} is positive (${result.strong} strong, ${result.medium} medium, ${result.weak} weak)`);

  let preliminary: ScreeningAssessment['preliminary'];
  if (exploitation && anyRecruitment && (anyMeans || childRuleApplied)) {
    preliminary = 'probable_victim';
    reasons.push(
      childRuleApplied
        ? 'for a child, recruitment and exploitation suffice: the means are not required'
        : 'recruitment, exploitation and coercion or abuse of vulnerability at destination are all positive',
    );
  } else if (exploitation && positive.has('deceptive_recruitment')) {
    preliminary = 'deception_and_exploitation';
    reasons.push('deception and exploitation are positive, but neither coercion nor abuse of vulnerability at destination');
  } else if (exploitation) {
    preliminary = 'exploited_migrant';
    reasons.push('exploitation is positive, but no recruitment dimension is');
  } else {
    preliminary = 'insufficient_indicators';
    reasons.push('exploitation is not positive: the indicators observed so far do not meet the Delphi rule');
  }
  return { preliminary, dimensions, reasons, childRuleApplied };
}

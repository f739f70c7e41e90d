import type { DeadlineRule } from './deadline-rule.js';
import type { Fulfilment } from './plan-assessment.js';

// The draft of the next plan starts from what the last one left: measures not
// fulfilled, and those that run throughout a plan, with their bodies and rules.

export interface CarriedMeasure<Body> {
  number: number;
  carriedFrom: number;
  action: string;
  completionForm: string;
  deadlineText: string;
  deadlineRule: DeadlineRule | null;
  fundingText: string;
  fundingSources: string[];
  bodies: Body[];
}

function shiftYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const rest = isoDate.slice(4);
  // 29 February has no match in most years.
  return rest === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? `${year}-02-28` : `${year}${rest}`;
}

/** The rule moved into the next plan's years: "throughout" spans the whole new plan, a one-off date moves by the years between the plans. */
export function ruleForNextPlan(rule: DeadlineRule, from: { fromYear: number }, to: { fromYear: number; toYear: number }): DeadlineRule {
  const years = to.fromYear - from.fromYear;
  switch (rule.kind) {
    case 'throughout':
      return { kind: 'throughout', from: `${to.fromYear}-01-01`, to: `${to.toYear}-12-31` };
    case 'once':
      return { ...rule, from: shiftYears(rule.from, years), due: shiftYears(rule.due, years) };
    case 'annual':
    case 'quarterly':
    case 'semiannual':
      return rule;
  }
}

export function measuresForNextPlan<Body>(input: {
  measures: ReadonlyArray<Omit<CarriedMeasure<Body>, 'carriedFrom'> & { fulfilment: Fulfilment }>;
  from: { fromYear: number; toYear: number };
  to: { fromYear: number; toYear: number };
}): CarriedMeasure<Body>[] {
  return input.measures
    .filter((measure) => measure.fulfilment !== 'done' || measure.deadlineRule?.kind === 'throughout')
    .map((measure, index) => {
      const moved = measure.deadlineRule ? ruleForNextPlan(measure.deadlineRule, input.from, input.to) : null;
      return {
        number: index + 1,
        carriedFrom: measure.number,
        action: measure.action,
        completionForm: measure.completionForm,
        // Words like "3rd quarter of 2009" no longer match a moved rule; the rule's own description replaces them.
        deadlineText: moved === null || moved.kind === 'annual' || moved.kind === 'quarterly' || moved.kind === 'semiannual' ? measure.deadlineText : '',
        deadlineRule: moved,
        fundingText: measure.fundingText,
        fundingSources: measure.fundingSources,
        bodies: measure.bodies,
      };
    });
}

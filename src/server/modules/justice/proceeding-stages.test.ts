import { describe, expect, it } from 'vitest';
import { codeEditionOn, nextStages, proceedingStages, refuseStageMove, stageAfterVerdict, verdictAllowed } from './proceeding-stages.js';

describe('the stages of a criminal proceeding', () => {
  it('lets an investigation go to court, be suspended or be discontinued, with no reason asked', () => {
    expect(refuseStageMove('registered', 'pre_trial_investigation', null)).toBeNull();
    expect(refuseStageMove('pre_trial_investigation', 'sent_to_court', undefined)).toBeNull();
    expect(refuseStageMove('pre_trial_investigation', 'suspended_perpetrator_unknown', '')).toBeNull();
    expect(refuseStageMove('pre_trial_investigation', 'discontinued_rehabilitating', null)).toBeNull();
  });

  it('asks a reason for every move back: a suspension lifted, a case returned by the court, a verdict quashed', () => {
    expect(refuseStageMove('suspended_perpetrator_unknown', 'pre_trial_investigation', '  ')).toBe('stage_back_needs_reason');
    expect(refuseStageMove('sent_to_court', 'pre_trial_investigation', null)).toBe('stage_back_needs_reason');
    expect(refuseStageMove('appeal', 'sent_to_court', undefined)).toBe('stage_back_needs_reason');
    expect(refuseStageMove('sent_to_court', 'pre_trial_investigation', 'Returned for additional investigation')).toBeNull();
  });

  it('refuses jumps the procedure does not know: a verdict before court, a registered case straight to final', () => {
    expect(refuseStageMove('pre_trial_investigation', 'first_instance_verdict', 'any reason')).toBe('stage_not_allowed');
    expect(refuseStageMove('registered', 'final', null)).toBe('stage_not_allowed');
    expect(refuseStageMove('final', 'final', null)).toBe('stage_not_allowed');
  });

  it('offers from every stage only moves it would accept', () => {
    for (const from of proceedingStages) {
      for (const { stage, move } of nextStages(from)) {
        expect(refuseStageMove(from, stage, move === 'back' ? 'reason' : null)).toBeNull();
      }
    }
    expect(nextStages('final').map((next) => next.stage)).toEqual(['cassation']);
  });

  it('records a verdict only once the court has the case, and moves the proceeding on with the first one', () => {
    expect(verdictAllowed('pre_trial_investigation', 'first_instance')).toBe(false);
    expect(verdictAllowed('suspended_perpetrator_unknown', 'first_instance')).toBe(false);
    expect(verdictAllowed('sent_to_court', 'first_instance')).toBe(true);
    expect(verdictAllowed('sent_to_court', 'appeal')).toBe(false);
    expect(verdictAllowed('appeal', 'appeal')).toBe(true);
    expect(stageAfterVerdict('sent_to_court', 'first_instance')).toBe('first_instance_verdict');
    expect(stageAfterVerdict('appeal', 'appeal')).toBe('appeal');
  });

  it('qualifies under the 1997 Code until the end of 2014 and under the 2014 Code from 1 January 2015', () => {
    expect(codeEditionOn('2014-12-31')).toBe('1997');
    expect(codeEditionOn('2015-01-01')).toBe('2014');
  });
});

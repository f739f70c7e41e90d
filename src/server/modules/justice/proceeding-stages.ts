import { proceedingStageValues } from '../../../shared/proceeding.schemas.js';
import type { CodeEdition } from '../../db/schema.js';

// The life of a criminal proceeding as the Committee for Legal Statistics
// counts it, as plain rules over plain data. A move "back" (a suspension
// lifted, a discontinuance overturned, a case returned by the court for
// additional investigation, a verdict quashed on appeal) is lawful but
// exceptional, so it carries the reason the record will be read by.

/** One list, shared with the API's schemas and the web. */
export const proceedingStages = proceedingStageValues;

export type ProceedingStage = (typeof proceedingStages)[number];

export type StageMove = 'forward' | 'back';

const moves: Record<ProceedingStage, Partial<Record<ProceedingStage, StageMove>>> = {
  registered: {
    pre_trial_investigation: 'forward',
    suspended_perpetrator_unknown: 'forward',
    discontinued_non_rehabilitating: 'forward',
    discontinued_rehabilitating: 'forward',
  },
  pre_trial_investigation: {
    suspended_perpetrator_unknown: 'forward',
    discontinued_non_rehabilitating: 'forward',
    discontinued_rehabilitating: 'forward',
    sent_to_court: 'forward',
  },
  // Code of Criminal Procedure art. 45 §1.7: the perpetrator not identified.
  suspended_perpetrator_unknown: { pre_trial_investigation: 'back', discontinued_non_rehabilitating: 'forward', discontinued_rehabilitating: 'forward' },
  discontinued_non_rehabilitating: { pre_trial_investigation: 'back' },
  discontinued_rehabilitating: { pre_trial_investigation: 'back' },
  sent_to_court: { first_instance_verdict: 'forward', pre_trial_investigation: 'back' },
  first_instance_verdict: { appeal: 'forward', final: 'forward' },
  appeal: { final: 'forward', first_instance_verdict: 'back', sent_to_court: 'back' },
  final: { cassation: 'forward' },
  cassation: { final: 'forward', sent_to_court: 'back' },
};

/** The stages a proceeding may move to from this one, and how. */
export function nextStages(from: ProceedingStage): { stage: ProceedingStage; move: StageMove }[] {
  return Object.entries(moves[from]).map(([stage, move]) => ({ stage: stage as ProceedingStage, move }));
}

export type StageRefusal = 'stage_not_allowed' | 'stage_back_needs_reason';

/** Null when the move may be recorded, else the rule that refuses it. */
export function refuseStageMove(from: ProceedingStage, to: ProceedingStage, reason: string | null | undefined): StageRefusal | null {
  const move = moves[from][to];
  if (move === undefined) {
    return 'stage_not_allowed';
  }
  if (move === 'back' && (reason ?? '').trim() === '') {
    return 'stage_back_needs_reason';
  }
  return null;
}

export type VerdictInstance = 'first_instance' | 'appeal' | 'cassation';

/** The stages at which a court's verdict of this instance can be recorded. */
const verdictStages: Record<VerdictInstance, readonly ProceedingStage[]> = {
  first_instance: ['sent_to_court', 'first_instance_verdict', 'appeal', 'final', 'cassation'],
  appeal: ['appeal', 'final', 'cassation'],
  cassation: ['cassation', 'final'],
};

/** Whether a verdict of this instance may be recorded at the stage: never before the court has the case. */
export function verdictAllowed(stage: ProceedingStage, instance: VerdictInstance): boolean {
  return verdictStages[instance].includes(stage);
}

/** The stage a proceeding reaches when a verdict is recorded: the first verdict moves it out of 'sent to court'. */
export function stageAfterVerdict(stage: ProceedingStage, instance: VerdictInstance): ProceedingStage {
  return instance === 'first_instance' && stage === 'sent_to_court' ? 'first_instance_verdict' : stage;
}

/** Stages in which the proceeding is over unless reopened: the worklist of stalled proceedings leaves them out. */
export const restingStages: readonly ProceedingStage[] = ['discontinued_non_rehabilitating', 'discontinued_rehabilitating', 'final'];

/** The 2014 Code came into force on 1 January 2015; a proceeding is qualified under the code in force when registered. */
export function codeEditionOn(date: string): CodeEdition {
  return date < '2015-01-01' ? '1997' : '2014';
}

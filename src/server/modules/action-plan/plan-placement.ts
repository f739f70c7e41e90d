import type { FieldProblem } from '../../../shared/errors.js';

// Where a plan stands: the Government's national plan, or a regional plan an
// akimat adopts to carry the national one out in its region.

export interface PlanPlacement {
  level: 'national' | 'regional';
  parentPlanId: string | null;
  /** The plan named as parent, when it exists. */
  parent: { level: string; status: 'draft' | 'in_force' } | null;
  /** The coordinating body: an akimat, or a body that serves particular regions. */
  coordinator: { kind: string; regional: boolean };
}

export function placementProblems(placement: PlanPlacement): FieldProblem[] {
  if (placement.level === 'national') {
    return placement.parentPlanId === null ? [] : [{ field: 'body.parentPlanId', message: 'a national plan has no parent plan; import it as regional' }];
  }
  const problems: FieldProblem[] = [];
  if (placement.parentPlanId === null) {
    problems.push({ field: 'body.parentPlanId', message: 'a regional plan names the national plan it carries out' });
  } else if (placement.parent === null) {
    problems.push({ field: 'body.parentPlanId', message: 'no such plan' });
  } else if (placement.parent.level !== 'national') {
    problems.push({ field: 'body.parentPlanId', message: 'must be a national plan' });
  } else if (placement.parent.status !== 'in_force') {
    problems.push({ field: 'body.parentPlanId', message: 'the national plan is still a draft' });
  }
  if (placement.coordinator.kind !== 'akimat' && !placement.coordinator.regional) {
    problems.push({ field: 'body.coordinatorCode', message: 'a regional plan is coordinated by an akimat or a regional body' });
  }
  return problems;
}

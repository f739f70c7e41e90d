import { describe, expect, it } from 'vitest';
import { placementProblems, type PlanPlacement } from './plan-placement.js';

const PARENT = '7f0c1f3e-3a55-4f43-9d2c-5d0b0c1a2b3c';
const regional = (overrides: Partial<PlanPlacement>): PlanPlacement => ({
  level: 'regional',
  parentPlanId: PARENT,
  parent: { level: 'national', status: 'in_force' },
  coordinator: { kind: 'akimat', regional: true },
  ...overrides,
});

describe('where a plan stands', () => {
  it('a regional plan of an akimat or a regional body carries out a national plan in force', () => {
    expect(placementProblems(regional({}))).toEqual([]);
    expect(placementProblems(regional({ coordinator: { kind: 'state_body', regional: true } }))).toEqual([]);
  });

  it('names the field that is wrong', () => {
    const fields = (placement: PlanPlacement) => placementProblems(placement).map((problem) => `${problem.field}: ${problem.message}`);
    expect(fields(regional({ parentPlanId: null, parent: null }))).toEqual(['body.parentPlanId: a regional plan names the national plan it carries out']);
    expect(fields(regional({ parent: null }))).toEqual(['body.parentPlanId: no such plan']);
    expect(fields(regional({ parent: { level: 'regional', status: 'in_force' } }))).toEqual(['body.parentPlanId: must be a national plan']);
    expect(fields(regional({ parent: { level: 'national', status: 'draft' } }))).toEqual(['body.parentPlanId: the national plan is still a draft']);
    expect(fields(regional({ coordinator: { kind: 'state_body', regional: false } }))).toEqual(['body.coordinatorCode: a regional plan is coordinated by an akimat or a regional body']);
    expect(fields({ level: 'national', parentPlanId: PARENT, parent: null, coordinator: { kind: 'state_body', regional: false } })).toEqual([
      'body.parentPlanId: a national plan has no parent plan; import it as regional',
    ]);
    expect(fields({ level: 'national', parentPlanId: null, parent: null, coordinator: { kind: 'state_body', regional: false } })).toEqual([]);
  });
});

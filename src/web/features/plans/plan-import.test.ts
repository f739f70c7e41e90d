import { describe, expect, it } from 'vitest';
import {
  importRequestOf,
  noResolutions,
  problemIdOfField,
  unresolvedProblems,
  withAcknowledgement,
  withBodyMapping,
} from './plan-import.js';
import type { PlanImportPreview } from './plans-api.js';

const problem = (id: string, field: string, text: string) => ({ id, measureNumber: 1, field, text, message: 'x', line: 8 });

const preview: PlanImportPreview = {
  title: 'Plan',
  periodFromYear: 2009,
  periodToYear: 2011,
  measures: [],
  problems: [problem('P1', 'responsible', 'NGOs'), problem('P2', 'deadline', 'when possible'), problem('P3', 'responsible', 'NGOs')],
};

describe('resolving the problems of a plan before importing it', () => {
  it('maps a body once for every measure that names it, and accepts the rest one by one', () => {
    let resolutions = withBodyMapping(noResolutions, 'NGOs', 'NGO-UCC');
    expect(unresolvedProblems(preview, resolutions).map((item) => item.id)).toEqual(['P2']);
    resolutions = withAcknowledgement(resolutions, 'P2', true);
    expect(unresolvedProblems(preview, resolutions)).toEqual([]);
    expect(importRequestOf({ text: 'plan', coordinatorCode: 'MJ', preview, resolutions })).toEqual({
      text: 'plan',
      coordinatorCode: 'MJ',
      bodyMappings: { NGOs: 'NGO-UCC' },
      acknowledgedProblems: ['P2'],
      level: 'national',
      parentPlanId: null,
    });
  });

  it('imports a regional plan under the national plan it carries out', () => {
    const request = importRequestOf({ text: 'plan', coordinatorCode: 'AKIMAT-KZ-AKM', preview, resolutions: noResolutions, placement: { level: 'regional', parentPlanId: 'national-plan' } });
    expect(request).toMatchObject({ level: 'regional', parentPlanId: 'national-plan' });
  });

  it('takes back a mapping or an acceptance', () => {
    const resolutions = withAcknowledgement(withBodyMapping(withBodyMapping(noResolutions, 'NGOs', 'NGO-UCC'), 'NGOs', ''), 'P2', false);
    expect(unresolvedProblems(preview, resolutions).map((item) => item.id)).toEqual(['P1', 'P2', 'P3']);
  });

  it('reads the problem of a server error', () => {
    expect(problemIdOfField('problems.P12')).toBe('P12');
    expect(problemIdOfField('body.text')).toBeNull();
  });
});

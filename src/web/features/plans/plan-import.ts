import type { PlanImportPreview, PlanImportProblem, PlanImportRequest } from './plans-api.js';

/**
 * How the importer resolved the reading's problems: a body Senim did not
 * recognize is mapped to an organization (once per wording, which may recur
 * in several measures); anything else is accepted as it is.
 */
export interface ProblemResolutions {
  /** The body as written → an organization code. */
  bodyMappings: Readonly<Record<string, string>>;
  /** Ids of the other problems accepted as they are. */
  acknowledged: readonly string[];
}

export const noResolutions: ProblemResolutions = { bodyMappings: {}, acknowledged: [] };

export function isBodyProblem(problem: PlanImportProblem): boolean {
  return problem.field === 'responsible';
}

export function isResolved(problem: PlanImportProblem, resolutions: ProblemResolutions): boolean {
  return isBodyProblem(problem) ? (resolutions.bodyMappings[problem.text] ?? '') !== '' : resolutions.acknowledged.includes(problem.id);
}

export function unresolvedProblems(preview: PlanImportPreview, resolutions: ProblemResolutions): PlanImportProblem[] {
  return preview.problems.filter((problem) => !isResolved(problem, resolutions));
}

export function withBodyMapping(resolutions: ProblemResolutions, text: string, organizationCode: string): ProblemResolutions {
  const bodyMappings = { ...resolutions.bodyMappings };
  if (organizationCode === '') {
    delete bodyMappings[text];
  } else {
    bodyMappings[text] = organizationCode;
  }
  return { ...resolutions, bodyMappings };
}

export function withAcknowledgement(resolutions: ProblemResolutions, problemId: string, accepted: boolean): ProblemResolutions {
  const others = resolutions.acknowledged.filter((id) => id !== problemId);
  return { ...resolutions, acknowledged: accepted ? [...others, problemId] : others };
}

/** The import request: only the mappings and acknowledgements this reading's problems need. */
export function importRequestOf(input: {
  text: string;
  coordinatorCode: string;
  preview: PlanImportPreview;
  resolutions: ProblemResolutions;
  /** A regional plan names the national plan it carries out. */
  placement?: { level: 'national' } | { level: 'regional'; parentPlanId: string };
}): PlanImportRequest {
  const { preview, resolutions } = input;
  const bodyMappings: Record<string, string> = {};
  const acknowledgedProblems: string[] = [];
  for (const problem of preview.problems) {
    const mapped = resolutions.bodyMappings[problem.text];
    if (isBodyProblem(problem) && mapped !== undefined && mapped !== '') {
      bodyMappings[problem.text] = mapped;
    } else if (!isBodyProblem(problem) && resolutions.acknowledged.includes(problem.id)) {
      acknowledgedProblems.push(problem.id);
    }
  }
  const placement = input.placement ?? { level: 'national' };
  return {
    text: input.text,
    coordinatorCode: input.coordinatorCode,
    bodyMappings,
    acknowledgedProblems,
    level: placement.level,
    parentPlanId: placement.level === 'regional' ? placement.parentPlanId : null,
  };
}

/** 'problems.P3' in a 422 answer → 'P3'. */
export function problemIdOfField(field: string): string | null {
  const match = /^(?:body\.)?problems\.(P\d+)$/u.exec(field);
  return match?.[1] ?? null;
}

import type { FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../shared/errors.js';
import { storedText } from '../platform/audit-chain.js';

// A UTF-16 half without its partner is not Unicode text, and UTF-8 cannot
// carry it: PostgreSQL would store U+FFFD in its place. NUL it refuses outright.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isInvalidText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

export const INVALID_TEXT_MESSAGE = 'must be valid Unicode text without NUL characters';

// A body of many bad strings needs only a few named to be fixed.
const MAX_REPORTED = 20;

function collect(value: unknown, path: string, problems: FieldProblem[]): void {
  if (problems.length >= MAX_REPORTED) {
    return;
  }
  if (typeof value === 'string') {
    if (isInvalidText(value)) {
      problems.push({ field: path, message: INVALID_TEXT_MESSAGE, rule: 'text' });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, index) => collect(entry, `${path}.${index}`, problems));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      // The path names the key as it can be printed; the key itself is the problem.
      const entryPath = `${path}.${storedText(key)}`;
      if (isInvalidText(key)) {
        problems.push({ field: entryPath, message: INVALID_TEXT_MESSAGE, rule: 'text' });
      }
      collect(entry, entryPath, problems);
    }
  }
}

/** Every field of the body, query and path that holds a lone surrogate or NUL, keys included. */
export function invalidTextFields(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  collect(request.params, 'params', problems);
  collect(request.query, 'query', problems);
  collect(request.body, 'body', problems);
  return problems;
}

/**
 * Refuses, before any route's own validation, text the database cannot store
 * as given: one place for every route, so no string reaches a service, the
 * audit trail or SQL in a form that PostgreSQL changes (lone surrogates) or
 * refuses with a server error (NUL).
 */
export async function rejectInvalidText(request: FastifyRequest): Promise<void> {
  const problems = invalidTextFields(request);
  if (problems.length > 0) {
    throw new AppError('unprocessable', problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), { fields: problems });
  }
}

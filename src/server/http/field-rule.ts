import type { FieldProblem, FieldRule } from '../../shared/errors.js';

/** A zod issue as fastify-type-provider-zod reports it: the code as keyword, the rest as params. */
export interface ValidationIssue {
  keyword: string;
  params?: Record<string, unknown>;
}

const byOrigin = (origin: unknown, text: FieldRule, items: FieldRule, value: FieldRule): FieldRule =>
  origin === 'string' ? text : origin === 'array' || origin === 'set' ? items : value;

/**
 * The general rule behind a validation issue, and its bound or format, so a
 * client can say "at most 2000 characters" in Russian without reading the
 * English message. A refinement of our own ('custom') has none: its message
 * is the rule.
 */
export function fieldRuleOf(issue: ValidationIssue): Pick<FieldProblem, 'rule' | 'limit' | 'format'> {
  const params = issue.params ?? {};
  const bound = (value: unknown) => (typeof value === 'number' ? { limit: value } : typeof value === 'bigint' ? { limit: Number(value) } : {});
  switch (issue.keyword) {
    case 'too_small':
      return { rule: byOrigin(params.origin, 'min_length', 'min_items', 'min_value'), ...bound(params.minimum) };
    case 'too_big':
      return { rule: byOrigin(params.origin, 'max_length', 'max_items', 'max_value'), ...bound(params.maximum) };
    case 'invalid_format':
      return { rule: 'format', ...(typeof params.format === 'string' ? { format: params.format } : {}) };
    case 'invalid_value':
      return { rule: 'one_of' };
    case 'invalid_type':
      return { rule: 'type' };
    default:
      return {};
  }
}

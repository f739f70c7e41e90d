import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldRuleOf } from './field-rule.js';

/** The rule of the first issue a schema raises on a value, passed on as fastify-type-provider-zod passes it. */
function ruleOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) {
    throw new Error('expected a validation issue');
  }
  const { code, path: _path, message: _message, ...params } = result.error.issues[0] as z.core.$ZodIssue & Record<string, unknown>;
  return fieldRuleOf({ keyword: code, params });
}

describe('the rule behind a validation issue', () => {
  it('tells characters from items from values, with the bound', () => {
    expect(ruleOf(z.string().trim().min(1, 'is required'), '  ')).toEqual({ rule: 'min_length', limit: 1 });
    expect(ruleOf(z.string().max(2000), 'x'.repeat(2001))).toEqual({ rule: 'max_length', limit: 2000 });
    expect(ruleOf(z.array(z.string()).min(1), [])).toEqual({ rule: 'min_items', limit: 1 });
    expect(ruleOf(z.array(z.string()).max(10), Array.from({ length: 11 }, () => 'a'))).toEqual({ rule: 'max_items', limit: 10 });
    expect(ruleOf(z.number().int().min(0), -1)).toEqual({ rule: 'min_value', limit: 0 });
    expect(ruleOf(z.number().max(200), 1000)).toEqual({ rule: 'max_value', limit: 200 });
  });

  it('names the format, a choice outside the list, and a missing or mistyped value', () => {
    expect(ruleOf(z.email(), 'not-an-email')).toEqual({ rule: 'format', format: 'email' });
    expect(ruleOf(z.iso.date(), '2026-13-45')).toEqual({ rule: 'format', format: 'date' });
    expect(ruleOf(z.enum(['police', 'self']), 'army')).toEqual({ rule: 'one_of' });
    expect(ruleOf(z.object({ name: z.string() }), {})).toEqual({ rule: 'type' });
  });

  it('leaves a rule of our own to its message', () => {
    expect(ruleOf(z.string().refine((value) => value !== 'x', 'say why'), 'x')).toEqual({});
  });
});

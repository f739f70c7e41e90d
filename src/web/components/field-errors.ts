import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../shared/errors.js';
import { ApiProblem } from '../api-client.js';

/** What a field problem says, apart from where it is. */
export type FieldProblemWords = Omit<FieldProblem, 'field'>;

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * The server's per-field problems ('body.password', 'body.roles.0'), keyed by
 * the form's own field names, in the interface language where we know the message.
 */
export function fieldErrorsOf<Field extends string>(error: unknown, fields: readonly Field[], t: TFunction): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const name = problem.field.split('.')[1];
    const field = fields.find((candidate) => candidate === name);
    if (field === undefined) {
      continue;
    }
    const message = translateFieldMessage(problem, t);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

/** A message a page knows by its English wording, and how to say it in the reader's language. */
export type KnownMessage = readonly [RegExp, (t: TFunction, match: RegExpExecArray) => string];

// The server words its field messages in English; these are the ones a form shows often.
const knownMessages: readonly KnownMessage[] = [
  [/^is required$/u, (t) => t('fieldErrors.required')],
  [/must be an email address/u, (t) => t('fieldErrors.email')],
  [/^is already used$/u, (t) => t('fieldErrors.emailTaken')],
  [/give at least one role/u, (t) => t('fieldErrors.rolesRequired')],
  [/cannot be granted by you/u, (t) => t('fieldErrors.roleNotYours')],
  [/^not for yourself$/u, (t) => t('fieldErrors.notForYourself')],
  [/at least (\d+) characters/u, (t, match) => t('fieldErrors.passwordTooShort', { min: match[1] ?? '15' })],
  [/at most (\d+) characters/u, (t, match) => t('fieldErrors.passwordTooLong', { max: match[1] ?? '128' })],
  [/too easy to guess/u, (t) => t('fieldErrors.passwordCommon')],
  [/repeated or sequential/u, (t) => t('fieldErrors.passwordRepetitive')],
  [/your name, your email/u, (t) => t('fieldErrors.passwordContext')],
  [/control characters/u, (t) => t('fieldErrors.passwordControl')],
];

/**
 * A field problem in the reader's language: a message known by its wording
 * first (the form's own, then those every form meets), then the general rule
 * the server names (a length, a count, a format, a choice), and only then the
 * server's English.
 */
export function translateFieldMessage(problem: FieldProblemWords, t: TFunction, formMessages: readonly KnownMessage[] = []): string {
  for (const [pattern, translate] of [...formMessages, ...knownMessages]) {
    const match = pattern.exec(problem.message);
    if (match !== null) {
      return translate(t, match);
    }
  }
  return ruleInWords(problem, t) ?? problem.message;
}

function ruleInWords({ rule, limit, format }: FieldProblemWords, t: TFunction): string | null {
  const bounded = (key: 'fieldRules.maxLength' | 'fieldRules.minItems' | 'fieldRules.maxItems' | 'fieldRules.minValue' | 'fieldRules.maxValue') =>
    limit === undefined ? null : t(key, { limit });
  switch (rule) {
    case 'min_length':
      return limit === undefined || limit <= 1 ? t('fieldErrors.required') : t('fieldRules.minLength', { limit });
    case 'max_length':
      return bounded('fieldRules.maxLength');
    case 'min_items':
      return bounded('fieldRules.minItems');
    case 'max_items':
      return bounded('fieldRules.maxItems');
    case 'min_value':
      return bounded('fieldRules.minValue');
    case 'max_value':
      return bounded('fieldRules.maxValue');
    case 'format':
      return format === 'email' ? t('fieldErrors.email') : format === 'date' || format === 'datetime' ? t('fieldRules.date') : t('fieldRules.format');
    case 'one_of':
      return t('fieldRules.oneOf');
    case 'type':
      return t('fieldErrors.required');
    case 'text':
      return t('fieldRules.text');
    case undefined:
      return null;
  }
}

export function hasFieldErrors<Field extends string>(errors: FieldErrors<Field>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

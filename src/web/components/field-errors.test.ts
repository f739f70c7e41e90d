import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api-client.js';
import { fieldErrorsOf, translateFieldMessage } from './field-errors.js';

// Stands in for i18next: shows the key and its values, so the test sees which translation was chosen.
const t = ((key: string, values?: Record<string, unknown>) => (values === undefined ? key : `${key} ${JSON.stringify(values)}`)) as unknown as TFunction;

describe('field errors from the server', () => {
  it('are keyed by the form field and joined when a field has several', () => {
    const error = new ApiProblem({
      type: 'about:blank',
      title: 'x',
      status: 400,
      code: 'validation_failed',
      detail: 'x',
      instance: '/api/v1/users',
      requestId: 'req-1',
      errors: [
        { field: 'body.password', message: 'The password must be at least 15 characters long.' },
        { field: 'body.password', message: 'The password is too easy to guess: it is a commonly used password or close to one.' },
        { field: 'body.roles.0', message: 'Invalid option' },
        { field: 'query.limit', message: 'too big' },
      ],
    });
    expect(fieldErrorsOf(error, ['password', 'roles'] as const, t)).toEqual({
      password: 'fieldErrors.passwordTooShort {"min":"15"} fieldErrors.passwordCommon',
      roles: 'Invalid option',
    });
  });

  it('are shown as the server wrote them when the page knows neither the message nor a rule', () => {
    expect(translateFieldMessage({ message: 'must be 2-40 capital letters' }, t)).toBe('must be 2-40 capital letters');
    expect(translateFieldMessage({ message: 'is already used' }, t)).toBe('fieldErrors.emailTaken');
  });

  it('say the general rule the server names in the reader\'s words, with its bound', () => {
    expect(translateFieldMessage({ message: 'Too big: expected string to have <=2000 characters', rule: 'max_length', limit: 2000 }, t)).toBe('fieldRules.maxLength {"limit":2000}');
    expect(translateFieldMessage({ message: 'is required', rule: 'min_length', limit: 1 }, t)).toBe('fieldErrors.required');
    expect(translateFieldMessage({ message: 'Too small: expected array to have >=1 items', rule: 'min_items', limit: 1 }, t)).toBe('fieldRules.minItems {"limit":1}');
    expect(translateFieldMessage({ message: 'Invalid email address', rule: 'format', format: 'email' }, t)).toBe('fieldErrors.email');
    expect(translateFieldMessage({ message: 'Invalid ISO date', rule: 'format', format: 'date' }, t)).toBe('fieldRules.date');
    expect(translateFieldMessage({ message: 'must be an ISO 3166 alpha-3 code', rule: 'format', format: 'regex' }, t)).toBe('fieldRules.format');
    expect(translateFieldMessage({ message: 'Invalid option: expected one of "a"|"b"', rule: 'one_of' }, t)).toBe('fieldRules.oneOf');
    expect(translateFieldMessage({ message: 'Invalid input: expected string, received undefined', rule: 'type' }, t)).toBe('fieldErrors.required');
    expect(translateFieldMessage({ message: 'must be valid Unicode text without NUL characters', rule: 'text' }, t)).toBe('fieldRules.text');
    // A domain rule worded by the server stays the page's own translation, even with a general rule beside it.
    expect(translateFieldMessage({ message: 'The password must be at least 15 characters long.', rule: 'min_length', limit: 15 }, t)).toBe('fieldErrors.passwordTooShort {"min":"15"}');
  });

  it('are empty for an error without fields', () => {
    expect(fieldErrorsOf(new Error('x'), ['email'] as const, t)).toEqual({});
  });
});

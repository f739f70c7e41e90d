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

  it('are shown as the server wrote them when the page does not know the message', () => {
    expect(translateFieldMessage('must be 2-40 capital letters', t)).toBe('must be 2-40 capital letters');
    expect(translateFieldMessage('is already used', t)).toBe('fieldErrors.emailTaken');
  });

  it('are empty for an error without fields', () => {
    expect(fieldErrorsOf(new Error('x'), ['email'] as const, t)).toEqual({});
  });
});

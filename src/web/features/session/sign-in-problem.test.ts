import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/http.schemas.js';
import { ApiProblem, NetworkError } from '../../api-client.js';
import { classifySignInError, lockedUntil } from './sign-in-problem.js';

function problem(status: number, code: Problem['code'], detail: string, errors?: Problem['errors']): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'x',
    status,
    code,
    detail,
    instance: '/api/v1/auth/login',
    requestId: 'req-1',
    ...(errors === undefined ? {} : { errors }),
  });
}

const now = new Date('2026-03-10T10:40:00Z');

describe('classifySignInError', () => {
  it('tells a wrong password from a disabled account', () => {
    expect(classifySignInError(problem(401, 'unauthenticated', 'Wrong email or password'), 'credentials')).toEqual({ kind: 'wrong-credentials' });
    expect(classifySignInError(problem(401, 'unauthenticated', 'This account is disabled; ask your administrator'), 'credentials')).toEqual({
      kind: 'disabled',
    });
  });

  it('reads the end of a lock-out from the detail', () => {
    const detail = 'Too many failed sign-ins for this account. Try again after 10:45 UTC or ask your administrator.';
    expect(classifySignInError(problem(429, 'rate_limited', detail), 'credentials', now)).toEqual({
      kind: 'locked',
      scope: 'account',
      until: new Date('2026-03-10T10:45:00Z'),
      detail,
    });
    const byAddress = classifySignInError(problem(429, 'rate_limited', 'Too many failed sign-ins from this address. Try again after 10:55 UTC.'), 'credentials', now);
    expect(byAddress).toMatchObject({ kind: 'locked', scope: 'address' });
  });

  it('tells a wrong or reused code from a sign-in that must start again', () => {
    const field = [{ field: 'body.code', message: 'is not valid' }];
    expect(classifySignInError(problem(401, 'unauthenticated', 'The code is not valid', field), 'code')).toEqual({ kind: 'code-invalid' });
    expect(classifySignInError(problem(401, 'unauthenticated', 'This code was already used; wait for the next one', field), 'code')).toEqual({
      kind: 'code-replayed',
    });
    expect(classifySignInError(problem(401, 'unauthenticated', 'Your session has expired; sign in again'), 'code')).toEqual({ kind: 'start-again' });
    expect(classifySignInError(problem(409, 'conflict', 'No authenticator is being set up'), 'code')).toEqual({ kind: 'start-again' });
  });

  it('leaves anything else to the generic error message', () => {
    const offline = new NetworkError('down');
    expect(classifySignInError(offline, 'credentials')).toEqual({ kind: 'other', error: offline });
  });
});

describe('lockedUntil', () => {
  it('takes a time already well past as tomorrow', () => {
    expect(lockedUntil('Try again after 00:05 UTC.', new Date('2026-03-10T23:55:00Z'))).toEqual(new Date('2026-03-11T00:05:00Z'));
  });

  it('gives up on a detail without a time', () => {
    expect(lockedUntil('Too many requests', now)).toBeNull();
    expect(lockedUntil('Try again after 25:99 UTC', now)).toBeNull();
  });
});

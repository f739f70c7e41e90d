import { describe, expect, it } from 'vitest';
import { judgeSignIn, signInThrottle } from './sign-in-throttle.js';

const now = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('sign-in lock-out', () => {
  it('lets a user who mistyped four times try again', () => {
    expect(judgeSignIn({ accountFailures: [1, 2, 3, 4].map(minutesAgo), addressFailures: 4 }, now)).toEqual({ allowed: true });
  });

  it('locks an account after five failures until the oldest leaves the 15-minute window', () => {
    const verdict = judgeSignIn({ accountFailures: [10, 8, 6, 4, 2].map(minutesAgo), addressFailures: 5 }, now);
    expect(verdict).toEqual({ allowed: false, scope: 'account', retryAfter: new Date(minutesAgo(10).getTime() + 15 * 60_000) });
  });

  it('forgets failures older than the window', () => {
    expect(judgeSignIn({ accountFailures: [40, 30, 20, 16, 1].map(minutesAgo), addressFailures: 5 }, now)).toEqual({ allowed: true });
  });

  it('blocks an address that tries many accounts', () => {
    const verdict = judgeSignIn({ accountFailures: [], addressFailures: signInThrottle.maxFailuresPerAddress }, now);
    expect(verdict).toMatchObject({ allowed: false, scope: 'address' });
  });
});

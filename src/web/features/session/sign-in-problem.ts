import { ApiProblem } from '../../api-client.js';

/** What went wrong while signing in, as far as the page must tell the user apart. */
export type SignInProblem =
  | { kind: 'wrong-credentials' }
  | { kind: 'disabled' }
  | { kind: 'locked'; scope: 'account' | 'address'; until: Date | null; detail: string }
  | { kind: 'code-invalid' }
  | { kind: 'code-replayed' }
  | { kind: 'start-again' }
  | { kind: 'other'; error: unknown };

/**
 * The server names the cause in `reason` (and the end of a lock-out in
 * `retryAfter`); the English `detail` is read only as a fallback for a server
 * that predates those fields.
 */
export function classifySignInError(error: unknown, step: 'credentials' | 'code', now: Date = new Date()): SignInProblem {
  if (!(error instanceof ApiProblem)) {
    return { kind: 'other', error };
  }
  const { problem } = error;
  if (problem.code === 'rate_limited') {
    return {
      kind: 'locked',
      scope: problem.reason === 'address_locked' || (!problem.reason && /address/iu.test(problem.detail)) ? 'address' : 'account',
      until: problem.retryAfter ? new Date(problem.retryAfter) : lockedUntil(problem.detail, now),
      detail: problem.detail,
    };
  }
  if (step === 'credentials' && problem.code === 'unauthenticated') {
    const disabled = problem.reason === 'account_disabled' || (!problem.reason && /disabled/iu.test(problem.detail));
    return disabled ? { kind: 'disabled' } : { kind: 'wrong-credentials' };
  }
  if (step === 'code' && problem.code === 'unauthenticated') {
    if (problem.reason === 'code_replayed') {
      return { kind: 'code-replayed' };
    }
    if (problem.reason === 'code_invalid') {
      return { kind: 'code-invalid' };
    }
    // A wrong code names the field; a 401 without it means the half-open session itself is gone.
    if (problem.errors?.some((field) => field.field === 'body.code')) {
      return /already used/iu.test(problem.detail) ? { kind: 'code-replayed' } : { kind: 'code-invalid' };
    }
    return { kind: 'start-again' };
  }
  if (step === 'code' && problem.code === 'conflict') {
    return { kind: 'start-again' };
  }
  return { kind: 'other', error };
}

/**
 * "… Try again after 10:45 UTC …" → the next 10:45 UTC from `now`. The server
 * names only the time of day; a lock-out lasts minutes, so a time already
 * well past means tomorrow.
 */
export function lockedUntil(detail: string, now: Date): Date | null {
  const match = /after (\d{1,2}):(\d{2}) UTC/u.exec(detail);
  if (match === null) {
    return null;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) {
    return null;
  }
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes));
  if (until.getTime() < now.getTime() - 3_600_000) {
    until.setUTCDate(until.getUTCDate() + 1);
  }
  return until;
}

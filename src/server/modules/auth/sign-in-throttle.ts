// Lock-out rules, as plain data and a plain function so they can be read and
// tested without a database. Failures count per account (email) and per
// client address over a sliding window; a success resets the account count.

export const signInThrottle = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
} as const;

export interface RecentAttempts {
  /** Failures for this email since its last success, within the window, oldest first. */
  accountFailures: Date[];
  /** Failures from this address within the window. */
  addressFailures: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAfter: Date };

export function judgeSignIn(attempts: RecentAttempts, now: Date = new Date()): ThrottleVerdict {
  const windowMs = signInThrottle.windowMinutes * 60_000;
  if (attempts.addressFailures >= signInThrottle.maxFailuresPerAddress) {
    return { allowed: false, scope: 'address', retryAfter: new Date(now.getTime() + windowMs) };
  }
  const recent = attempts.accountFailures.filter((at) => now.getTime() - at.getTime() < windowMs);
  if (recent.length >= signInThrottle.maxFailuresPerAccount) {
    // Locked until the oldest counted failure leaves the window.
    const oldestCounted = recent[recent.length - signInThrottle.maxFailuresPerAccount];
    return { allowed: false, scope: 'account', retryAfter: new Date((oldestCounted ?? now).getTime() + windowMs) };
  }
  return { allowed: true };
}

// One error type with string codes. Each code maps to exactly one HTTP status;
// the web client translates the code (errors.<code> in src/web/i18n), the API
// sends an English title and a specific detail.

import { caseRefusalNames, caseRefusals, type CaseRefusal } from './case-refusals.js';
import { justiceRefusalNames, justiceRefusals, type JusticeRefusal } from './justice-refusals.js';

export const errorStatus = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export const errorTitle: Record<ErrorCode, string> = {
  validation_failed: 'The request has invalid fields',
  malformed_request: 'The request could not be read',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  route_not_found: 'No such API route',
  method_not_allowed: 'Method not allowed',
  request_timeout: 'The request took too long to arrive',
  conflict: 'Conflict with the current state',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unprocessable: 'The request cannot be carried out',
  rate_limited: 'Too many requests',
  headers_too_large: 'The request headers are too large',
  internal: 'Internal error',
  service_unavailable: 'Service unavailable',
};

/**
 * The general rule a field broke, for clients that say it in their reader's
 * language: the message is English, and only domain rules word it their own
 * way. Absent where the message alone says what is wrong.
 */
// 'text': a lone UTF-16 surrogate or NUL, which no text field accepts.
export const fieldRules = ['min_length', 'max_length', 'min_items', 'max_items', 'min_value', 'max_value', 'format', 'one_of', 'type', 'text'] as const;

export type FieldRule = (typeof fieldRules)[number];

export interface FieldProblem {
  /** Where the problem is: 'body.email', 'query.limit', 'params.code'. */
  field: string;
  message: string;
  rule?: FieldRule;
  /** With the min_ and max_ rules: the bound. */
  limit?: number;
  /** With the format rule: which one ('email', 'date', 'uuid', 'regex'...). */
  format?: string;
}

/**
 * Finer machine-readable causes within one code, where a client must tell
 * them apart (the sign-in page says different things for each; the case page
 * names the pathway rule that refused a step).
 */
const signInReasons = [
  'wrong_credentials',
  'account_disabled',
  'account_locked',
  'address_locked',
  'code_invalid',
  'code_replayed',
  'session_expired',
  'mfa_pending',
  'csrf_token',
  'password_change_required',
] as const;

export const problemReasons = [...signInReasons, ...caseRefusalNames, ...justiceRefusalNames] as const;

export type ProblemReason = (typeof problemReasons)[number];

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly reason: ProblemReason | undefined;
  /** For rate_limited: when to try again. */
  readonly retryAfter: Date | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { fields?: FieldProblem[]; cause?: unknown; reason?: ProblemReason; retryAfter?: Date } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.reason = options.reason;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A step the referral pathway refuses, under its rule's name. The detail is the
 * rule's own unless the caller words it more precisely (which services are not
 * offered, what the referral was answered with).
 */
export function pathwayRefusal(reason: CaseRefusal, options: { detail?: string; fields?: FieldProblem[] } = {}): AppError {
  const rule = caseRefusals[reason];
  return new AppError(rule.code, options.detail ?? rule.detail, { reason, ...(options.fields ? { fields: options.fields } : {}) });
}

/** A step a criminal proceeding's rules refuse, under the rule's name (src/shared/justice-refusals.ts). */
export function justiceRefusal(reason: JusticeRefusal, options: { detail?: string; fields?: FieldProblem[] } = {}): AppError {
  const rule = justiceRefusals[reason];
  return new AppError(rule.code, options.detail ?? rule.detail, { reason, ...(options.fields ? { fields: options.fields } : {}) });
}

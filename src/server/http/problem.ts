import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorStatus, errorTitle, type ErrorCode, type FieldProblem, type ProblemReason } from '../../shared/errors.js';
import type { Problem } from '../../shared/http.schemas.js';
import { fieldRuleOf } from './field-rule.js';

export const PROBLEM_TYPE_BASE = 'https://senim.example/problems/';

export function problemOf(
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  fields: FieldProblem[] = [],
  extra: { reason?: ProblemReason | undefined; retryAfter?: Date | undefined } = {},
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code.replaceAll('_', '-')}`,
    title: errorTitle[code],
    status: errorStatus[code],
    code,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    ...(fields.length > 0 ? { errors: fields } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(extra.retryAfter ? { retryAfter: extra.retryAfter.toISOString() } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

const CONTEXT_PREFIX: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

// Fastify's own client errors, by code, so that none of them leaks as a 500.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', detail: 'The request body exceeds the size limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', detail: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'malformed_request', detail: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_request', detail: 'The body is empty but Content-Type is application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_request', detail: 'The body is not valid JSON' },
};

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    if (error.retryAfter) {
      reply.header('retry-after', Math.max(1, Math.ceil((error.retryAfter.getTime() - Date.now()) / 1000)));
    }
    return sendProblem(reply, problemOf(request, error.code, error.message, error.fields, { reason: error.reason, retryAfter: error.retryAfter }));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = CONTEXT_PREFIX[error.validationContext ?? 'body'] ?? 'body';
    const fields = error.validation.map((issue) => ({
      field: [prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
      ...fieldRuleOf(issue),
    }));
    const detail = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    return sendProblem(reply, problemOf(request, 'validation_failed', detail, fields));
  }
  if (isResponseSerializationError(error)) {
    // Our own output broke its contract: a bug to fix, never the caller's fault.
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendProblem(reply, problemOf(request, 'internal', 'The server produced an invalid response'));
  }
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) {
    return sendProblem(reply, problemOf(request, known.code, known.detail));
  }
  if (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP')) {
    return sendProblem(reply, problemOf(request, 'malformed_request', 'The request body could not be parsed'));
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 413 ? 'payload_too_large' : error.statusCode === 415 ? 'unsupported_media_type' : 'malformed_request';
    return sendProblem(reply, problemOf(request, code, error.message));
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, problemOf(request, 'internal', 'Something went wrong on our side; the request id identifies it in the log'));
}

import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus, errorTitle, type ErrorCode } from '../../shared/errors.js';
import type { Problem } from '../../shared/http.schemas.js';
import { PROBLEM_TYPE_BASE, problemOf, sendProblem } from './problem.js';

// What every answer of the API carries, whoever produced it: the routes, the
// framework before any route runs, or Node's HTTP parser before Fastify sees
// the request at all.

/**
 * Answers of the API name people and cases, and printed documents carry them
 * too: neither the browser nor a proxy may keep a copy (a shared computer at
 * a shelter, a caching proxy at a ministry). Only Swagger UI's own scripts and
 * styles under /api/docs/static are public and may be cached.
 */
export async function forbidStoringApiAnswers(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = request.url.split('?')[0] ?? '';
  if ((path === '/api' || path.startsWith('/api/')) && !path.startsWith('/api/docs/static/')) {
    reply.header('cache-control', 'no-store');
  }
}

/**
 * Errors the router raises before any route or error handler runs: a path
 * whose percent-encoding is broken, a path parameter over the router's
 * maxParamLength. Fastify would answer its own JSON shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  if (error.code === 'FST_ERR_BAD_URL') {
    void sendProblem(reply, problemOf(request, 'malformed_request', 'The address is not valid: a percent-encoded character is broken'));
    return;
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(reply, problemOf(request, 'malformed_request', 'A part of the address is longer than any identifier'));
    return;
  }
  request.log.warn({ err: error }, 'framework refused the request');
  void sendProblem(reply, problemOf(request, 'malformed_request', 'The request could not be routed'));
}

/**
 * Requests Node's HTTP parser refuses (headers over its limit, a request that
 * never finishes arriving, bytes that are not HTTP) never become a request:
 * the answer is written on the socket, still a problem document.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'malformed_request';
  const detail =
    code === 'headers_too_large'
      ? 'The request headers exceed the size limit'
      : code === 'request_timeout'
        ? 'The request did not arrive in time'
        : 'The request is not valid HTTP';
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code.replaceAll('_', '-')}`,
    title: errorTitle[code],
    status: errorStatus[code],
    code,
    detail,
    // The parser gave up before the path was known.
    instance: '',
    requestId: randomUUID(),
  };
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

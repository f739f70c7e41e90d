import type { z } from 'zod';
import { problemSchema, type Problem } from '../shared/http.schemas.js';

/** The server answered with an RFC 9457 problem; the UI translates `problem.code`. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.problem = problem;
  }
}

/** The request never got an HTTP answer (offline, server down, DNS). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * The server answered, but not in the documented shape: a proxy's HTML error
 * page, or a page cached from an older release talking to a newer server.
 */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
  readonly status: number;
  readonly requestId: string | null;

  constructor(message: string, options: { status: number; requestId: string | null; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.requestId = options.requestId;
  }
}

const gatewayStatuses = new Set([502, 503, 504]);

// The sign-in endpoints answer 401 for a wrong password or code: that is not a lost session.
const authPathPrefix = '/api/v1/auth/';

// The token the server gave with the session (login or /me). The session cookie is
// HttpOnly; this second secret in a header is what a forged cross-site request lacks.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = (problem: Problem) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called with every 401 from outside /auth/: the session has ended (expired, revoked, signed out elsewhere). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

export interface GetJsonOptions<T> {
  /** Validates the body, so a change on the server shows as an error message instead of a broken page. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export async function getJson<T>(path: string, { schema, signal }: GetJsonOptions<T>): Promise<T> {
  return requestJson('GET', path, { schema, signal });
}

export type ChangingMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendJsonOptions<T> extends GetJsonOptions<T> {
  body?: unknown;
}

/** A state-changing request: sends the CSRF token and, when given, a JSON body. */
export async function sendJson<T>(method: ChangingMethod, path: string, { schema, signal, body }: SendJsonOptions<T>): Promise<T> {
  return requestJson(method, path, { schema, signal, body });
}

async function requestJson<T>(
  method: 'GET' | ChangingMethod,
  path: string,
  { schema, signal, body }: SendJsonOptions<T>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== null) {
    headers['x-csrf-token'] = csrfToken;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new NetworkError(`${method} ${path} failed before the server answered`, { cause: error });
  }
  const responseBody = await readJsonBody(response);
  if (!response.ok) {
    const problem = problemSchema.safeParse(responseBody);
    if (problem.success) {
      if (response.status === 401 && !path.startsWith(authPathPrefix)) {
        for (const listener of unauthenticatedListeners) {
          listener(problem.data);
        }
      }
      throw new ApiProblem(problem.data);
    }
    // A bare 502-504 comes from a proxy in front of the API (or the dev server) that cannot reach it.
    if (gatewayStatuses.has(response.status)) {
      throw new NetworkError(`${method} ${path} answered ${response.status} from a gateway`);
    }
    throw new UnexpectedResponseError(`${method} ${path} answered ${response.status} without a problem body`, {
      status: response.status,
      requestId: requestIdOf(responseBody),
      cause: problem.error,
    });
  }
  const parsed = schema.safeParse(responseBody);
  if (!parsed.success) {
    throw new UnexpectedResponseError(`${method} ${path} answered a body that does not match its schema`, {
      status: response.status,
      requestId: null,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function requestIdOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'requestId' in body && typeof body.requestId === 'string') {
    return body.requestId;
  }
  return null;
}

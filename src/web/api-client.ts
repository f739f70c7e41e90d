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

export interface GetJsonOptions<T> {
  /** Validates the body, so a change on the server shows as an error message instead of a broken page. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export async function getJson<T>(path: string, { schema, signal }: GetJsonOptions<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new NetworkError(`GET ${path} failed before the server answered`, { cause: error });
  }
  const body = await readJsonBody(response);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    if (problem.success) {
      throw new ApiProblem(problem.data);
    }
    // A bare 502-504 comes from a proxy in front of the API (or the dev server) that cannot reach it.
    if (gatewayStatuses.has(response.status)) {
      throw new NetworkError(`GET ${path} answered ${response.status} from a gateway`);
    }
    throw new UnexpectedResponseError(`GET ${path} answered ${response.status} without a problem body`, {
      status: response.status,
      requestId: requestIdOf(body),
      cause: problem.error,
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UnexpectedResponseError(`GET ${path} answered a body that does not match its schema`, {
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

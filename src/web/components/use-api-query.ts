import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { getJson } from '../api-client.js';

export type ApiQueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

export type ApiQuery<T> = ApiQueryState<T> & { retry: () => void };

/**
 * Loads `path` whenever it changes. `schema` must be a module-level constant:
 * it is read once per request, not watched.
 */
export function useApiQuery<T>(path: string, schema: z.ZodType<T>): ApiQuery<T> {
  const [state, setState] = useState<ApiQueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getJson(path, { schema, signal: controller.signal }).then(
      // An aborted request belongs to a path or component that is gone: its outcome must not land.
      (data) => {
        if (!controller.signal.aborted) {
          setState({ status: 'success', data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      },
    );
    return () => {
      controller.abort();
    };
    // The schema is a constant by contract; watching it would refetch on every render of an inline schema.
  }, [path, attempt]);

  const retry = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  return { ...state, retry };
}

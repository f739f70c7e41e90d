import { useCallback, useEffect, useState } from 'react';
import type { ApiQuery, ApiQueryState } from '../../components/use-api-query.js';
import { fetchAllOrganizations, type Organization } from './organizations-api.js';

/** Every organization, loaded once per mount; retry() loads them again. */
export function useOrganizationDirectory(): ApiQuery<Organization[]> {
  const [state, setState] = useState<ApiQueryState<Organization[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchAllOrganizations(controller.signal).then(
      // An aborted load belongs to a page that is gone: its outcome must not land.
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
  }, [attempt]);

  const retry = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  return { ...state, retry };
}

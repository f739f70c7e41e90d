import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, NetworkError, UnexpectedResponseError } from '../api-client.js';
import type { ApiQuery } from './use-api-query.js';

export interface QueryResultProps<T> {
  query: ApiQuery<T>;
  children: (data: T) => ReactNode;
}

/** Renders the loading or error state of a query, or its data once it arrives. */
export function QueryResult<T>({ query, children }: QueryResultProps<T>): ReactNode {
  switch (query.status) {
    case 'loading':
      return <LoadingMessage />;
    case 'error':
      return <ProblemMessage error={query.error} onRetry={query.retry} />;
    case 'success':
      return children(query.data);
  }
}

export function LoadingMessage() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

export interface ProblemMessageProps {
  error: unknown;
  onRetry: () => void;
}

export function ProblemMessage({ error, onRetry }: ProblemMessageProps) {
  const { t } = useTranslation();
  const { message, requestId } = describeError(error, t);
  return (
    <div role="alert" className="problem">
      <p className="problem-title">{t('common.loadFailed')}</p>
      <p>{message}</p>
      {requestId !== null && (
        <p>
          {t('common.requestId')} <code>{requestId}</code>
        </p>
      )}
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

type Translate = TFunction;

/** The translated message for a failed request, and the request id support can look up. */
export function describeError(error: unknown, t: Translate): { message: string; requestId: string | null } {
  if (error instanceof ApiProblem) {
    return { message: t(`errors.${error.problem.code}`), requestId: error.problem.requestId };
  }
  if (error instanceof NetworkError) {
    return { message: t('errors.network'), requestId: null };
  }
  if (error instanceof UnexpectedResponseError) {
    return { message: t('errors.unexpected_response'), requestId: error.requestId };
  }
  return { message: t('errors.unexpected_response'), requestId: null };
}

import { useTranslation } from 'react-i18next';

export interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onGo: (offset: number) => void;
}

/** "51–100 of 230" with previous and next; hidden when everything fits on one page. */
export function Pagination({ offset, limit, total, onGo }: PaginationProps) {
  const { t } = useTranslation();
  if (total === 0) {
    return null;
  }
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination-summary">{t('pagination.summary', { from: offset + 1, to: last, total })}</p>
      {total > limit && (
        <p className="pagination-buttons">
          <button
            type="button"
            className="button button-secondary"
            disabled={offset === 0}
            onClick={() => {
              onGo(Math.max(0, offset - limit));
            }}
          >
            {t('pagination.previous')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={last >= total}
            onClick={() => {
              onGo(offset + limit);
            }}
          >
            {t('pagination.next')}
          </button>
        </p>
      )}
    </nav>
  );
}

/** A non-negative whole offset from the address bar, or 0. */
export function offsetParam(value: string | null): number {
  const parsed = Number(value ?? '0');
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

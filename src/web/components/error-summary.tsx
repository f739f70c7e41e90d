import type { Ref } from 'react';

export interface ErrorSummaryItem {
  /** The id of the field to jump to. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  id?: string;
  title: string;
  message?: string | null;
  requestId?: string | null;
  requestIdLabel?: string;
  items?: readonly ErrorSummaryItem[];
  ref?: Ref<HTMLDivElement>;
}

/**
 * The problems of a form, above it. It takes focus after a failed submit
 * (tabIndex -1), and each item links to its field.
 */
export function ErrorSummary({ id, title, message, requestId, requestIdLabel, items = [], ref }: ErrorSummaryProps) {
  return (
    <div id={id} className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">{title}</h2>
      {message !== undefined && message !== null && <p>{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={`${item.fieldId}:${item.message}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  // A plain fragment link scrolls but leaves focus behind in some browsers.
                  const field = document.getElementById(item.fieldId);
                  if (field !== null) {
                    event.preventDefault();
                    field.focus();
                  }
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {requestId !== undefined && requestId !== null && (
        <p>
          {requestIdLabel} <code>{requestId}</code>
        </p>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';

export interface TableScrollerProps {
  /** Id of the table's caption, which also names the scroll region. */
  captionId: string;
  children: ReactNode;
}

/**
 * Lets a wide table scroll sideways on a narrow screen. The region is
 * focusable so that keyboard users can scroll it with the arrow keys.
 */
export function TableScroller({ captionId, children }: TableScrollerProps) {
  return (
    <div className="table-scroller" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}

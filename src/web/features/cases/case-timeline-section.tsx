import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseEventListSchema } from '../../../shared/case.schemas.js';
import { formatDate, formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { ProceedingEventNote } from './case-justice-event-note.js';
import { caseSectionIds, eventKindKey, timelinePageSize } from './case-view.js';
import { caseEventsPath } from './cases-api.js';

export interface CaseTimelineSectionProps {
  caseId: string;
  organizationName: (organizationId: string) => string;
}

/** Everything that happened on the case, newest first, a page at a time. */
export function CaseTimelineSection({ caseId, organizationName }: CaseTimelineSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  const query = useApiQuery(caseEventsPath(caseId, timelinePageSize, offset), caseEventListSchema);

  return (
    <section id={caseSectionIds.timeline} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.timeline.heading')}</h2>
      <QueryResult query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('caseView.timeline.none')}</p>
          ) : (
            <>
              <ol className="steps" aria-label={t('caseView.timeline.heading')}>
                {list.items.map((event) => {
                  const key = eventKindKey(event.kind);
                  return (
                    <li key={event.id}>
                      <strong>{key === null ? event.kind : t(`caseView.events.${key}`)}</strong>,{' '}
                      <time dateTime={event.occurredAt}>{formatDateTimeInKazakhstan(event.occurredAt, language)}</time>
                      {event.organizationId !== null && <span className="cell-note"> — {organizationName(event.organizationId)}</span>}
                      <ProceedingEventNote kind={event.kind} details={event.details} />
                      {event.kind === 'case.reopened' && typeof event.details['reason'] === 'string' && (
                        <p className="cell-note">
                          {t('caseView.timeline.reopenReason', {
                            date: typeof event.details['contactDate'] === 'string' ? formatDate(event.details['contactDate'], language) : '—',
                            reason: event.details['reason'],
                          })}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ol>
              <Pagination offset={offset} limit={timelinePageSize} total={list.total} onGo={setOffset} />
            </>
          )
        }
      </QueryResult>
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { auditEventSchema } from '../../../shared/audit.schemas.js';
import { formatDateTimeInKazakhstan, formatList } from '../../components/formatting.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { actionLabel, isKnownAction, isKnownRecordType, outcomeLabel, recordTypeLabel } from './audit-labels.js';

type AuditEvent = z.infer<typeof auditEventSchema>;

const actorKindLabel = {
  system: 'audit.actorSystem',
  anonymous: 'audit.actorAnonymous',
} as const;

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  if (events.length === 0) {
    return <p>{t('audit.noResults')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table className="audit-table">
        <caption id={captionId}>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.colTime')}</th>
            <th scope="col">{t('audit.colActor')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colRecord')}</th>
            <th scope="col">{t('audit.colFields')}</th>
            <th scope="col">{t('audit.colPurpose')}</th>
            <th scope="col">{t('audit.colOutcome')}</th>
            <th scope="col">{t('audit.colRequestId')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className={event.outcome === 'success' ? undefined : `outcome-${event.outcome}`}>
              <th scope="row" className="nowrap">
                <time dateTime={event.occurredAt}>{formatDateTimeInKazakhstan(event.occurredAt, language)}</time>
              </th>
              <td className="actor wrap-anywhere">
                {/* The trail names staff by id; the search adds the name from the directory. */}
                {event.actorName ?? event.actorLabel}
                {typeof event.actorName === 'string' && <code className="cell-code wrap-anywhere">{event.actorLabel}</code>}
                {event.actorKind !== 'user' && <span className="cell-note"> ({t(actorKindLabel[event.actorKind])})</span>}
              </td>
              <td>
                {isKnownAction(event.action) ? t(actionLabel[event.action]) : event.action}
                <code className="cell-code">{event.action}</code>
              </td>
              <td>
                {event.recordType === null ? (
                  t('common.none')
                ) : (
                  <>
                    {isKnownRecordType(event.recordType) ? t(recordTypeLabel[event.recordType]) : event.recordType}
                    {event.recordId !== null && <code className="cell-code wrap-anywhere">{event.recordId}</code>}
                  </>
                )}
              </td>
              <td>{event.fields.length === 0 ? t('common.none') : formatList(event.fields, language)}</td>
              <td>{event.purpose ?? t('common.none')}</td>
              <td>{t(outcomeLabel[event.outcome])}</td>
              <td>{event.requestId === null ? t('common.none') : <code className="wrap-anywhere">{event.requestId}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

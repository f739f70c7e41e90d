import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldErrorsOf, type FieldErrors } from '../../components/field-errors.js';
import { formatDate, pickText } from '../../components/formatting.js';
import { describeError } from '../../components/query-result.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { MeetingWarning, OrganizationRef } from './commission-api.js';

export function OrganizationName({ organization }: { organization: OrganizationRef }) {
  const language = useUiLanguage();
  return <>{pickText(organization.name, language)}</>;
}

/** Meetings more than six months apart, and a next meeting overdue: the Commission meets at least every six months. */
export function MeetingWarnings({ warnings }: { warnings: readonly MeetingWarning[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (warnings.length === 0) {
    return null;
  }
  return (
    <div className="notice notice-warning" role="status">
      <ul className="plain-list">
        {warnings.map((warning) => (
          <li key={`${warning.kind}-${warning.afterNumber}`}>
            {warning.kind === 'gap'
              ? t('commission.warningGap', { after: warning.afterNumber, before: warning.beforeNumber, dueBy: formatDate(warning.dueBy, language) })
              : t('commission.warningOverdue', { after: warning.afterNumber, dueBy: formatDate(warning.dueBy, language) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface Action<Field extends string> {
  busy: boolean;
  error: unknown;
  fieldErrors: FieldErrors<Field>;
  /** Runs a change; keeps its problem for the form to show, and passes its result on. */
  run: <T>(change: () => Promise<T>, done: (result: T) => void) => void;
  summary: ReactNode;
}

/** The state of one form that sends a change: busy while it runs, then its problem, if any, above the form. */
export function useAction<Field extends string>(fields: readonly Field[], fieldIdOf: (field: Field) => string): Action<Field> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const run = useCallback(<T,>(change: () => Promise<T>, done: (result: T) => void) => {
    setBusy(true);
    setError(null);
    change().then(
      (result) => {
        setBusy(false);
        done(result);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
        queueMicrotask(() => summaryRef.current?.focus());
      },
    );
  }, []);
  const fieldErrors = fieldErrorsOf(error, fields, t);
  const described = error === null ? null : describeError(error, t);
  const summary =
    error === null ? null : (
      <ErrorSummary
        ref={summaryRef}
        title={t('common.errorSummaryTitle')}
        message={described?.message ?? null}
        requestId={described?.requestId ?? null}
        requestIdLabel={t('common.requestId')}
        items={fields.flatMap((field) => {
          const message = fieldErrors[field];
          return message === undefined ? [] : [{ fieldId: fieldIdOf(field), message }];
        })}
      />
    );
  return { busy, error, fieldErrors, run, summary };
}

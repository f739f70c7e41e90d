import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditEventPageSchema } from '../../../shared/audit.schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { AuditTable } from './audit-table.js';
import { auditEventsPath, datesInOrder, filtersFromParams, filtersToParams, noFilters, outcomes, type AuditFilters } from './audit-filters.js';
import { actionLabel, knownActions, knownRecordTypes, outcomeLabel, recordTypeLabel } from './audit-labels.js';

/** The audit trail: who did what to which record, and when; filters live in the address, so a search can be shared. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const offset = offsetParam(params.get('offset'));
  const query = useApiQuery(auditEventsPath(applied, offset), auditEventPageSchema);
  const resultsHeadingId = useId();

  return (
    <>
      <title>{t('audit.documentTitle')}</title>
      <h1>{t('audit.heading')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      {/* A new address (back button, pagination, a shared link) resets the form to what it shows. */}
      <AuditFilterForm
        key={params.toString()}
        initial={applied}
        onApply={(filters) => {
          setParams(filtersToParams(filters));
        }}
      />
      <section aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>{t('audit.resultsHeading')}</h2>
        <QueryResult query={query}>
          {(page) => (
            <>
              <AuditTable events={page.items} />
              <Pagination
                offset={page.page.offset}
                limit={page.page.limit}
                total={page.page.total}
                onGo={(next) => {
                  setParams(filtersToParams(applied, next));
                }}
              />
            </>
          )}
        </QueryResult>
      </section>
    </>
  );
}

interface AuditFilterFormProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const toRef = useRef<HTMLInputElement>(null);

  const set = <Key extends keyof AuditFilters>(key: Key, value: AuditFilters[Key]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!datesInOrder(draft)) {
      setDateError(t('audit.dateOrder'));
      toRef.current?.focus();
      return;
    }
    setDateError(undefined);
    onApply(draft);
  };

  const actionsListId = `${id}-actions`;
  const recordTypesListId = `${id}-record-types`;
  return (
    <form className="filters" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('audit.filtersHeading')}</h2>
      {dateError !== undefined && <ErrorSummary title={t('common.errorSummaryTitle')} items={[{ fieldId: `${id}-to`, message: dateError }]} />}
      <div className="filter-grid">
        <TextField
          id={`${id}-actor`}
          label={t('audit.actor')}
          type="email"
          spellCheck={false}
          autoCapitalize="none"
          value={draft.actor}
          onChange={(event) => {
            set('actor', event.target.value);
          }}
        />
        <TextField
          id={`${id}-action`}
          label={t('audit.action')}
          list={actionsListId}
          spellCheck={false}
          autoCapitalize="none"
          value={draft.action}
          onChange={(event) => {
            set('action', event.target.value);
          }}
        />
        <datalist id={actionsListId}>
          {knownActions.map((action) => (
            <option key={action} value={action}>
              {t(actionLabel[action])}
            </option>
          ))}
        </datalist>
        <TextField
          id={`${id}-record-type`}
          label={t('audit.recordType')}
          list={recordTypesListId}
          spellCheck={false}
          autoCapitalize="none"
          value={draft.recordType}
          onChange={(event) => {
            set('recordType', event.target.value);
          }}
        />
        <datalist id={recordTypesListId}>
          {knownRecordTypes.map((recordType) => (
            <option key={recordType} value={recordType}>
              {t(recordTypeLabel[recordType])}
            </option>
          ))}
        </datalist>
        <TextField
          id={`${id}-record-id`}
          label={t('audit.recordId')}
          spellCheck={false}
          autoCapitalize="none"
          value={draft.recordId}
          onChange={(event) => {
            set('recordId', event.target.value);
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('audit.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={draft.outcome}
            onChange={(event) => {
              const value = event.target.value;
              set('outcome', outcomes.find((outcome) => outcome === value) ?? '');
            }}
          >
            <option value="">{t('audit.outcomeAny')}</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(outcomeLabel[outcome])}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-from`}
          label={t('audit.from')}
          describedBy={`${id}-dates-hint`}
          type="date"
          value={draft.from}
          onChange={(event) => {
            set('from', event.target.value);
          }}
        />
        <TextField
          ref={toRef}
          id={`${id}-to`}
          label={t('audit.to')}
          describedBy={`${id}-dates-hint`}
          type="date"
          value={draft.to}
          error={dateError}
          onChange={(event) => {
            set('to', event.target.value);
          }}
        />
      </div>
      <p id={`${id}-dates-hint`} className="field-hint">
        {t('audit.datesHint')}
      </p>
      <p className="form-actions">
        <button type="submit" className="button">
          {t('audit.search')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(noFilters);
            setDateError(undefined);
            onApply(noFilters);
          }}
        >
          {t('audit.clear')}
        </button>
      </p>
    </form>
  );
}

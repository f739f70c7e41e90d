import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { meetingContexts, referralSources } from '../../../shared/case.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { ErrorSummary } from '../../components/error-summary.js';
import type { FieldErrors } from '../../components/field-errors.js';
import { pickText } from '../../components/formatting.js';
import { Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useRegions } from '../users/use-region-names.js';
import { describeRefusal, translateCaseMessage } from './case-problems.js';
import { commonCitizenships } from '../../../shared/i18n/citizenship-name.js';
import { type MeetingContextValue, type ReferralSourceValue } from './intake-form.js';

// Fields the intake form and the anonymous notification share, and the
// plumbing of their error summary.

export interface OptionSelectProps<Value extends string> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: Value | '';
  options: readonly Value[];
  labelOf: (value: Value) => string;
  /** The text of the empty first option; without it there is none. */
  choose?: string;
  onChange: (value: Value | '') => void;
}

/** A select over a fixed list of values, each shown by its translated label. */
export function OptionSelect<Value extends string>({ id, label, hint, error, value, options, labelOf, choose, onChange }: OptionSelectProps<Value>) {
  return (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      error={error}
      value={value}
      onChange={(event) => {
        onChange(options.find((option) => option === event.target.value) ?? '');
      }}
    >
      {choose !== undefined && <option value="">{choose}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </SelectField>
  );
}

export interface RegionSelectProps {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (code: string) => void;
}

/** Regions in use today, by name in the interface language. */
export function RegionSelect({ id, label, error, value, onChange }: RegionSelectProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const query = useRegions();
  const regions = query.status === 'success' ? query.data.items : [];
  const collator = new Intl.Collator(language);
  const sorted = [...regions].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));
  return (
    <SelectField
      id={id}
      label={label}
      error={error}
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      <option value="">{query.status === 'loading' ? t('common.loading') : t('cases.intake.choose')}</option>
      {sorted.map((region) => (
        <option key={region.code} value={region.code}>
          {pickText(region.name, language)}
        </option>
      ))}
    </SelectField>
  );
}

export interface CitizenshipFieldsProps {
  id: string;
  citizenship: string;
  otherCitizenship: string;
  error: string | undefined;
  onChange: (change: { citizenship: string; otherCitizenship: string }) => void;
}

/** The usual countries by name, stateless and unknown, or any other ISO code typed in. */
export function CitizenshipFields({ id, citizenship, otherCitizenship, error, onChange }: CitizenshipFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={`${id}-citizenship`}
        label={t('cases.intake.citizenship')}
        value={citizenship}
        onChange={(event) => {
          onChange({ citizenship: event.target.value, otherCitizenship });
        }}
      >
        <option value="unknown">{t('cases.citizenship.unknown')}</option>
        {commonCitizenships.map((code) => (
          <option key={code} value={code}>
            {t(`cases.countries.${code}`)}
          </option>
        ))}
        <option value="stateless">{t('cases.citizenship.stateless')}</option>
        <option value="other">{t('cases.citizenship.other')}</option>
      </SelectField>
      {citizenship === 'other' && (
        <TextField
          id={`${id}-otherCitizenship`}
          label={t('cases.intake.otherCitizenship')}
          hint={t('cases.intake.otherCitizenshipHint')}
          error={error}
          className="input-short"
          autoComplete="off"
          maxLength={3}
          value={otherCitizenship}
          onChange={(event) => {
            onChange({ citizenship, otherCitizenship: event.target.value });
          }}
        />
      )}
    </>
  );
}

type Failure = { message: string; requestId: string | null };

export interface FormProblems<Field extends string> {
  errors: FieldErrors<Field>;
  failure: Failure | null;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** The form's own findings, before any request. */
  showErrors: (errors: FieldErrors<Field>) => void;
  /** A refused request: its field problems by field, or else the refusal itself. */
  showFailure: (error: unknown) => void;
  clear: () => void;
}

/**
 * The errors of a form that sends one request, and the summary that takes
 * focus after each failed attempt. `fieldOf` places a problem's path
 * ('body.referral.reason') on a field of the form.
 */
export function useFormProblems<Field extends string>(fieldOf: (path: string) => Field | null): FormProblems<Field> {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  return {
    errors,
    failure,
    summaryRef,
    showErrors: (found) => {
      setErrors(found);
      setFailure(null);
      setFocusSummary(true);
    },
    showFailure: (error) => {
      const byField = problemsByField(error, fieldOf, t);
      const placed = Object.keys(byField).length > 0;
      setErrors(byField);
      setFailure(placed ? null : describeRefusal(error, t, (detail) => t('caseView.refused', { detail })));
      setFocusSummary(true);
    },
    clear: () => {
      setErrors({});
      setFailure(null);
    },
  };
}

function problemsByField<Field extends string>(error: unknown, fieldOf: (path: string) => Field | null, t: TFunction): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const field = fieldOf(problem.field);
    if (field === null) {
      continue;
    }
    const message = translateCaseMessage(problem, t);
    const earlier = result[field];
    result[field] = earlier === undefined || earlier === message ? message : `${earlier} ${message}`;
  }
  return result;
}


export interface ProblemsSummaryProps<Field extends string> {
  problems: FormProblems<Field>;
  fields: readonly Field[];
  fieldId: (field: Field) => string;
}

export function ProblemsSummary<Field extends string>({ problems, fields, fieldId }: ProblemsSummaryProps<Field>) {
  const { t } = useTranslation();
  const items = fields.flatMap((field) => {
    const message = problems.errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });
  if (items.length === 0 && problems.failure === null) {
    return null;
  }
  return (
    <ErrorSummary
      ref={problems.summaryRef}
      title={problems.failure === null ? t('common.errorSummaryTitle') : t('cases.intake.saveFailed')}
      items={items}
      message={problems.failure?.message ?? null}
      requestId={problems.failure?.requestId ?? null}
      requestIdLabel={t('common.requestId')}
    />
  );
}

export interface MeetingFieldsProps {
  referralSource: { id: string; value: ReferralSourceValue | ''; error: string | undefined };
  meetingContext: { id: string; value: MeetingContextValue | ''; error: string | undefined };
  onChange: (change: { referralSource?: ReferralSourceValue | ''; meetingContext?: MeetingContextValue | '' }) => void;
}

/** Who identified the person and where they met: asked alike by the intake and the anonymous notification. */
export function MeetingFields({ referralSource, meetingContext, onChange }: MeetingFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <OptionSelect
        id={referralSource.id}
        label={t('cases.intake.referralSource')}
        error={referralSource.error}
        value={referralSource.value}
        options={referralSources}
        labelOf={(value) => t(`cases.referralSources.${value}`)}
        choose={t('cases.intake.choose')}
        onChange={(value) => {
          onChange({ referralSource: value });
        }}
      />
      <OptionSelect
        id={meetingContext.id}
        label={t('cases.intake.meetingContext')}
        error={meetingContext.error}
        value={meetingContext.value}
        options={meetingContexts}
        labelOf={(value) => t(`cases.meetingContexts.${value}`)}
        choose={t('cases.intake.choose')}
        onChange={(value) => {
          onChange({ meetingContext: value });
        }}
      />
    </>
  );
}

export interface PagedTableProps<Item> {
  heading: string;
  caption: string;
  none: string;
  pageSize: number;
  /** The API path of one page. */
  pathOf: (limit: number, offset: number) => string;
  /** A module-level constant, as useApiQuery wants. */
  schema: z.ZodType<{ items: Item[]; total: number }>;
  columns: readonly string[];
  /** The cells of one row, the first of them the row's header. */
  row: (item: Item) => { key: string; cells: readonly [ReactNode, ...ReactNode[]] };
}

/** A section listing what the organization recorded, a page at a time. */
export function PagedTable<Item>({ heading, caption, none, pageSize, pathOf, schema, columns, row }: PagedTableProps<Item>) {
  const [offset, setOffset] = useState(0);
  const query = useApiQuery(pathOf(pageSize, offset), schema);
  const captionId = useId();
  return (
    <section className="panel" aria-labelledby={`${captionId}-heading`}>
      <h2 id={`${captionId}-heading`}>{heading}</h2>
      <QueryResult query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{none}</p>
          ) : (
            <>
              <TableScroller captionId={captionId}>
                <table>
                  <caption id={captionId}>{caption}</caption>
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column} scope="col">
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((item) => {
                      const { key, cells } = row(item);
                      const [first, ...rest] = cells;
                      return (
                        <tr key={key}>
                          <th scope="row" className="nowrap">
                            {first}
                          </th>
                          {rest.map((cell, index) => (
                            <td key={columns[index + 1] ?? index}>{cell}</td>
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroller>
              <Pagination offset={offset} limit={pageSize} total={list.total} onGo={setOffset} />
            </>
          )
        }
      </QueryResult>
    </section>
  );
}

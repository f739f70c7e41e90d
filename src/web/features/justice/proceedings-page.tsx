import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { codeArticleChoiceListSchema, proceedingPageSchema, proceedingStageValues } from '../../../shared/proceeding.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate } from '../../components/formatting.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { useArticleLabel } from './article-rows.js';
import { articleChoicesPath, proceedingLink, proceedingListPath, type ProceedingSummary } from './justice-api.js';
import {
  defaultProceedingFilters,
  defaultStalledDays,
  parseStalledDays,
  proceedingFiltersFromParams,
  proceedingFiltersToParams,
  proceedingQueryOf,
  proceedingTabs,
  type ProceedingFilters,
} from './proceeding-filters.js';
import { articleRefsOf, daysSince } from './proceeding-view.js';

/** The proceedings of the investigator's body and region, and the worklists that say which need attention. */
export function ProceedingsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const filters = proceedingFiltersFromParams(params);
  const offset = offsetParam(params.get('offset'));
  const go = (next: ProceedingFilters, nextOffset = 0) => {
    setParams(proceedingFiltersToParams(next, nextOffset));
  };
  return (
    <>
      <title>{t('justice.list.documentTitle')}</title>
      <h1>{t('justice.list.heading')}</h1>
      <p className="lead">{t('justice.list.intro')}</p>
      {can(me.roles, 'proceedings.manage') && (
        <p>
          <Link className="button" to="/proceedings/new">
            {t('justice.list.register')}
          </Link>
        </p>
      )}
      <nav className="tabs" aria-label={t('justice.list.tabsLabel')}>
        <ul>
          {proceedingTabs.map((tab) => (
            <li key={tab}>
              <Link
                to={{ search: new URLSearchParams(proceedingFiltersToParams({ ...defaultProceedingFilters, tab })).toString() }}
                aria-current={tab === filters.tab ? 'page' : undefined}
              >
                {t(`justice.list.tabs.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{filters.tab === 'stalled' ? t('justice.list.tabIntro.stalled', { days: parseStalledDays(filters.days) ?? defaultStalledDays }) : t(`justice.list.tabIntro.${filters.tab}`)}</p>
      <ListFilters key={JSON.stringify(filters)} filters={filters} onApply={go} />
      <ProceedingResults
        filters={filters}
        offset={offset}
        onGo={(next) => {
          go(filters, next);
        }}
      />
    </>
  );
}

function ListFilters({ filters, onApply }: { filters: ProceedingFilters; onApply: (filters: ProceedingFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [daysError, setDaysError] = useState<string | undefined>(undefined);
  const articles = useApiQuery(articleChoicesPath(null), codeArticleChoiceListSchema);
  const labelOf = useArticleLabel();
  const choices = articles.status === 'success' ? articles.data.items : [];
  // The filters fold away until used, so the list comes up on the first screen; the stalled list shows its days, which are its point.
  const open = filters.tab === 'stalled' || filters.stage !== '' || filters.articleId !== '' || filters.registerNumber !== '';
  return (
    <details className="filters" open={open}>
      <summary id={`${id}-heading`}>
        <strong>{t('justice.list.filtersHeading')}</strong>
      </summary>
      <form
        role="search"
        noValidate
        aria-labelledby={`${id}-heading`}
        onSubmit={(event) => {
          event.preventDefault();
          if (filters.tab === 'stalled' && draft.days.trim() !== '' && parseStalledDays(draft.days) === null) {
            setDaysError(t('justice.list.daysInvalid'));
            return;
          }
          setDaysError(undefined);
          onApply(draft);
        }}
      >
        <div className="filter-grid">
          {filters.tab === 'stalled' && (
            <TextField
              id={`${id}-days`}
              label={t('justice.list.days')}
              hint={t('justice.list.daysHint')}
              inputMode="numeric"
              autoComplete="off"
              className="input-short"
              error={daysError}
              value={draft.days === '' ? String(defaultStalledDays) : draft.days}
              onChange={(event) => {
                setDraft({ ...draft, days: event.target.value });
              }}
            />
          )}
          <TextField
            id={`${id}-number`}
            label={t('justice.list.registerNumber')}
            hint={t('justice.list.registerNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            value={draft.registerNumber}
            onChange={(event) => {
              setDraft({ ...draft, registerNumber: event.target.value });
            }}
          />
          <SelectField
            id={`${id}-stage`}
            label={t('justice.list.stage')}
            value={draft.stage}
            onChange={(event) => {
              setDraft({ ...draft, stage: proceedingStageValues.find((stage) => stage === event.target.value) ?? '' });
            }}
          >
            <option value="">{t('justice.list.stageAny')}</option>
            {proceedingStageValues.map((stage) => (
              <option key={stage} value={stage}>
                {t(`justice.stages.${stage}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${id}-article`}
            label={t('justice.list.article')}
            value={draft.articleId}
            onChange={(event) => {
              setDraft({ ...draft, articleId: event.target.value });
            }}
          >
            <option value="">{t('justice.list.articleAny')}</option>
            {choices.map((choice) => (
              <option key={choice.articleId} value={String(choice.articleId)}>
                {labelOf(choice)}
              </option>
            ))}
          </SelectField>
          <p className="form-actions">
            <button type="submit" className="button button-secondary">
              {t('justice.list.show')}
            </button>
          </p>
        </div>
      </form>
    </details>
  );
}

function ProceedingResults({ filters, offset, onGo }: { filters: ProceedingFilters; offset: number; onGo: (offset: number) => void }) {
  const { t } = useTranslation();
  const query = useApiQuery(proceedingListPath(proceedingQueryOf(filters, offset)), proceedingPageSchema);
  return (
    <QueryResult query={query}>
      {(page) => (
        <>
          <ProceedingTable proceedings={page.items} caption={t(`justice.list.tabs.${filters.tab}`)} none={t(`justice.list.none.${filters.tab}`)} />
          <Pagination offset={page.page.offset} limit={page.page.limit} total={page.page.total} onGo={onGo} />
        </>
      )}
    </QueryResult>
  );
}

function ProceedingTable({ proceedings, caption, none }: { proceedings: readonly ProceedingSummary[]; caption: string; none: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const now = new Date();
  if (proceedings.length === 0) {
    return <p>{none}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('justice.list.colNumber')}</th>
            <th scope="col">{t('justice.list.colRegistered')}</th>
            <th scope="col">{t('justice.list.colArticles')}</th>
            <th scope="col">{t('justice.list.colStage')}</th>
            <th scope="col">{t('justice.list.colSince')}</th>
            <th scope="col">{t('justice.list.colLastMovement')}</th>
          </tr>
        </thead>
        <tbody>
          {proceedings.map((proceeding) => (
            <tr key={proceeding.id}>
              <th scope="row" className="nowrap">
                <Link to={proceedingLink(proceeding.id)} className="cell-code">
                  {proceeding.registerNumber}
                </Link>
              </th>
              <td className="nowrap">{formatDate(proceeding.registeredOn, language)}</td>
              <td>
                {articleRefsOf(proceeding.articles, language)}{' '}
                <span className="cell-note nowrap">{t('justice.codeOf', { edition: proceeding.codeEdition })}</span>
              </td>
              <td>
                {t(`justice.stages.${proceeding.stage}`)}
                {proceeding.nonPunishmentPending > 0 && (
                  <>
                    {' '}
                    <span className="case-badge case-badge-attention">{t('justice.list.nonPunishmentPending', { number: proceeding.nonPunishmentPending })}</span>
                  </>
                )}
              </td>
              <td className="nowrap">{formatDate(proceeding.stageSince, language)}</td>
              <td>
                <span className="nowrap">{formatDate(todayInKazakhstan(new Date(proceeding.lastMovementAt)), language)}</span>{' '}
                <span className="cell-note nowrap">{t('justice.list.daysAgo', { days: daysSince(proceeding.lastMovementAt, now) })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

import type { TFunction } from 'i18next';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { caseListSchema, caseStatuses, referralListSchema } from '../../../shared/case.schemas.js';
import { purposeSchema } from '../../../shared/person.schemas.js';
import { formatDate, formatDateTimeInKazakhstan, formatList } from '../../components/formatting.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { LoadingMessage, ProblemMessage, QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useRegionNames } from '../users/use-region-names.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { caseLink, caseListPath, fetchCases, incomingReferralsPath, searchPersons, type CaseSummary, type Referral } from './cases-api.js';
import { OptionSelect } from './intake-fields.js';
import { useOrganizationNamesById } from './use-organization-names-by-id.js';
import {
  caseQueryOf,
  casesPageSize,
  defaultFilters,
  filtersFromParams,
  filtersToParams,
  isSearchableCode,
  tabTakesDays,
  worklistTabs,
  type WorklistFilters,
} from './worklist-filters.js';

/** The lists a worker starts the day with, and the ways to find one case. */
export function WorklistsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const offset = offsetParam(params.get('offset'));
  const tabs = worklistTabs.filter((tab) => tab !== 'incoming' || can(me.roles, 'cases.referrals.respond'));
  const go = (next: WorklistFilters, nextOffset = 0) => {
    setParams(filtersToParams(next, nextOffset));
  };

  return (
    <>
      <title>{t('cases.worklists.documentTitle')}</title>
      <h1>{t('cases.worklists.heading')}</h1>
      <p className="lead">{t('cases.worklists.intro')}</p>
      {can(me.roles, 'cases.intake') && (
        <p>
          <Link className="button" to="/cases/new">
            {t('cases.worklists.newIntake')}
          </Link>
        </p>
      )}
      <CodeSearch
        key={filters.code}
        initial={filters.code}
        onSearch={(code) => {
          go({ ...filters, code });
        }}
      />
      {filters.code === '' ? (
        <>
          <nav className="tabs" aria-label={t('cases.worklists.tabsLabel')}>
            <ul>
              {tabs.map((tab) => (
                <li key={tab}>
                  <Link to={{ search: new URLSearchParams(filtersToParams({ ...defaultFilters, tab })).toString() }} aria-current={tab === filters.tab ? 'page' : undefined}>
                    {t(`cases.worklists.tabs.${tab}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {filters.tab === 'incoming' ? (
            <IncomingSummary offset={offset} onGo={(next) => { go(filters, next); }} />
          ) : (
            <>
              <p>{t(`cases.worklists.tabIntro.${filters.tab}`)}</p>
              <ListFilters key={`${filters.tab}-${filters.days}-${filters.status}`} filters={filters} onApply={go} />
              <CaseResults filters={filters} offset={offset} onGo={(next) => { go(filters, next); }} />
            </>
          )}
        </>
      ) : (
        <>
          <p>
            <Link to={{ search: new URLSearchParams(filtersToParams({ ...filters, code: '' })).toString() }}>{t('cases.worklists.backToLists')}</Link>
          </p>
          <CaseResults filters={filters} offset={offset} onGo={(next) => { go(filters, next); }} />
        </>
      )}
      {can(me.roles, 'persons.identity.search') && <NameSearch />}
    </>
  );
}

function CodeSearch({ initial, onSearch }: { initial: string; onSearch: (code: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isSearchableCode(code)) {
      setError(t('cases.worklists.codeTooShort'));
      return;
    }
    setError(undefined);
    onSearch(code.trim());
  };
  return (
    <form role="search" className="filters" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('cases.worklists.codeSearchHeading')}</h2>
      <div className="filter-grid">
        <TextField
          id={`${id}-code`}
          label={t('cases.worklists.code')}
          hint={t('cases.worklists.codeHint')}
          autoComplete="off"
          error={error}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
          }}
        />
        <p className="form-actions">
          <button type="submit" className="button">
            {t('cases.worklists.find')}
          </button>
        </p>
      </div>
    </form>
  );
}

function ListFilters({ filters, onApply }: { filters: WorklistFilters; onApply: (filters: WorklistFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  return (
    <form
      className="filters"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <h2 id={`${id}-heading`}>{t('cases.worklists.filtersHeading')}</h2>
      <div className="filter-grid">
        {tabTakesDays(filters.tab) && (
          <TextField
            id={`${id}-days`}
            label={filters.tab === 'decisions_overdue' ? t('cases.worklists.daysOverdue') : t('cases.worklists.daysLeft')}
            hint={filters.tab === 'decisions_overdue' ? t('cases.worklists.daysOverdueHint') : t('cases.worklists.daysLeftHint')}
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            value={draft.days}
            onChange={(event) => {
              setDraft({ ...draft, days: event.target.value });
            }}
          />
        )}
        <OptionSelect
          id={`${id}-status`}
          label={t('cases.colStatus')}
          value={draft.status}
          options={caseStatuses}
          labelOf={(status) => t(`cases.statuses.${status}`)}
          choose={t('cases.worklists.statusAny')}
          onChange={(status) => {
            setDraft({ ...draft, status });
          }}
        />
        <p className="form-actions">
          <button type="submit" className="button">
            {t('cases.worklists.show')}
          </button>
        </p>
      </div>
    </form>
  );
}

function CaseResults({ filters, offset, onGo }: { filters: WorklistFilters; offset: number; onGo: (offset: number) => void }) {
  const { t } = useTranslation();
  const query = caseQueryOf(filters, offset);
  const result = useApiQuery(caseListPath(query ?? {}), caseListSchema);
  const caption = filters.code === '' ? t(`cases.worklists.tabs.${filters.tab}`) : t('cases.worklists.codeResults', { code: filters.code });
  // A code out of reach reads the same as one that does not exist: a hidden case is not revealed.
  const none = filters.code === '' ? t(`cases.worklists.none.${filters.tab}`) : t('cases.worklists.codeNotFound', { code: filters.code });
  return (
    <QueryResult query={result}>
      {(list) => (
        <>
          <CaseTable cases={list.items} caption={caption} none={none} />
          <Pagination offset={offset} limit={casesPageSize} total={list.total} onGo={onGo} />
        </>
      )}
    </QueryResult>
  );
}

function CaseTable({ cases, caption, none }: { cases: readonly CaseSummary[]; caption: string; none: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const regionName = useRegionNames();
  const captionId = useId();
  if (cases.length === 0) {
    return <p>{none}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.colCode')}</th>
            <th scope="col">{t('cases.colStep')}</th>
            <th scope="col">{t('cases.colStatus')}</th>
            <th scope="col">{t('cases.colPerson')}</th>
            <th scope="col">{t('cases.colRegion')}</th>
            <th scope="col">{t('cases.colFirstContact')}</th>
            <th scope="col">{t('cases.colDecision')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((summary) => (
            <tr key={summary.id}>
              <th scope="row" className="cell-code nowrap">
                <Link to={caseLink(summary.id)}>{summary.code}</Link>
              </th>
              <td>{t(`cases.steps.${summary.step}`)}</td>
              <td>{t(`cases.statuses.${summary.status}`)}</td>
              <td>{personLine(summary, t)}</td>
              <td>{regionName(summary.regionCode)}</td>
              <td className="nowrap">{formatDate(summary.firstContactDate, language)}</td>
              <td>{summary.latestDecision === null ? t('cases.decisionNone') : t(`cases.decisions.${summary.latestDecision}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

type Translate = TFunction;

/** "Female, 16, child; foreign citizen": what a worker needs to know to pick the case up, without a name. */
function personLine(summary: CaseSummary, t: Translate): string {
  const parts = [
    t(`cases.sexes.${summary.sex}`),
    summary.ageYears === null ? t('cases.ageUnknown') : t('cases.ageYears', { age: summary.ageYears }),
    ...(summary.child ? [t('cases.childMark')] : []),
    ...(summary.foreign ? [t('cases.foreignMark')] : []),
    ...(summary.possibleRetrafficking ? [t('cases.retraffickingMark')] : []),
  ];
  return parts.join(', ');
}

function IncomingSummary({ offset, onGo }: { offset: number; onGo: (offset: number) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const organizationName = useOrganizationNamesById();
  const query = useApiQuery(incomingReferralsPath('pending', casesPageSize, offset), referralListSchema);
  const captionId = useId();
  return (
    <>
      <p>
        {t('cases.worklists.tabIntro.incoming')} <Link to="/referrals/incoming">{t('cases.worklists.respondThere')}</Link>
      </p>
      <QueryResult query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('cases.worklists.none.incoming')}</p>
          ) : (
            <>
              <TableScroller captionId={captionId}>
                <table>
                  <caption id={captionId}>{t('cases.worklists.tabs.incoming')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.colCode')}</th>
                      <th scope="col">{t('referrals.colFrom')}</th>
                      <th scope="col">{t('referrals.colServices')}</th>
                      <th scope="col">{t('referrals.colRequested')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((referral: Referral) => (
                      <tr key={referral.id}>
                        <th scope="row" className="cell-code nowrap">
                          <Link to={caseLink(referral.caseId)}>{referral.caseCode}</Link>
                        </th>
                        <td>{organizationName(referral.fromOrganizationId)}</td>
                        <td>
                          {formatList(referral.serviceTypes.map((service) => t(`cases.serviceTypes.${service}`)), language)}
                          {referral.placement ? `; ${t('referrals.placementRequested')}` : ''}
                        </td>
                        <td>{formatDateTimeInKazakhstan(referral.requestedAt, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
              <Pagination offset={offset} limit={casesPageSize} total={list.total} onGo={onGo} />
            </>
          )
        }
      </QueryResult>
    </>
  );
}

// The most persons whose cases a name search lists; a wider name needs more letters.
const personsShown = 20;

type NameSearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; cases: CaseSummary[]; persons: number; more: boolean };

/** Identity search: the server keeps who searched, for what, and answers person ids; their cases are then listed. */
function NameSearch() {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<{ name?: string; purpose?: string }>({});
  const [state, setState] = useState<NameSearchState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) {
      return;
    }
    const controller = new AbortController();
    setState({ status: 'searching' });
    (async () => {
      const persons = await searchPersons({ name: name.trim(), purpose: purpose.trim() });
      const shown = persons.slice(0, personsShown);
      const lists = await Promise.all(shown.map((person) => fetchCases({ list: 'in_reach', personId: person.personId, limit: casesPageSize }, controller.signal)));
      return { cases: lists.flatMap((list) => list.items), persons: persons.length, more: persons.length > personsShown };
    })().then(
      (found) => {
        if (!controller.signal.aborted) {
          setState({ status: 'done', ...found });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      },
    );
    return () => {
      controller.abort();
    };
    // A search runs when asked (attempt), not on every keystroke.
  }, [attempt]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { name?: string; purpose?: string } = {};
    if (name.trim().length < 2) {
      found.name = t('cases.worklists.nameTooShort');
    }
    if (!purposeSchema.safeParse(purpose).success) {
      found.purpose = t('cases.worklists.purposeMissing');
    }
    setErrors(found);
    if (found.name === undefined && found.purpose === undefined) {
      setAttempt((count) => count + 1);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('cases.worklists.nameSearchHeading')}</h2>
      <p className="notice notice-warning" id={`${id}-audited`}>
        {t('cases.worklists.nameSearchAudited')}
      </p>
      <form role="search" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
        <TextField
          id={`${id}-name`}
          label={t('cases.worklists.name')}
          hint={t('cases.worklists.nameHint')}
          autoComplete="off"
          error={errors.name}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <TextField
          id={`${id}-purpose`}
          label={t('cases.worklists.purpose')}
          hint={t('cases.worklists.purposeHint')}
          describedBy={`${id}-audited`}
          autoComplete="off"
          error={errors.purpose}
          value={purpose}
          onChange={(event) => {
            setPurpose(event.target.value);
          }}
        />
        <p className="form-actions">
          <button type="submit" className="button" disabled={state.status === 'searching'}>
            {t('cases.worklists.find')}
          </button>
        </p>
      </form>
      <NameSearchResult
        state={state}
        onRetry={() => {
          setAttempt((count) => count + 1);
        }}
      />
    </section>
  );
}

function NameSearchResult({ state, onRetry }: { state: NameSearchState; onRetry: () => void }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'idle':
      return null;
    case 'searching':
      return <LoadingMessage />;
    case 'error':
      return <ProblemMessage error={state.error} onRetry={onRetry} />;
    case 'done':
      return (
        <div role="status">
          <p>{state.persons === 0 ? t('cases.worklists.nobodyFound') : t('cases.worklists.personsFound', { number: state.persons })}</p>
          {state.more && <p className="note">{t('cases.worklists.narrowName', { shown: personsShown })}</p>}
          {state.persons > 0 && <CaseTable cases={state.cases} caption={t('cases.worklists.nameResults')} none={t('cases.worklists.none.in_reach')} />}
        </div>
      );
  }
}


import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { organizationPageSchema } from '../../../shared/reference.schemas.js';
import { formatList, pickText } from '../../components/formatting.js';
import { offsetParam, Pagination } from '../../components/pagination.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useRegionNames, useRegions } from '../users/use-region-names.js';
import { filtersFromParams, filtersToParams, noFilters, organizationsListPath, type OrganizationFilters } from './organization-filters.js';
import { isOrganizationKind, kindHasCapacity, organizationKinds, type Organization } from './organizations-api.js';

interface CreatedNotice {
  created: { name: string; code: string };
}

function isCreatedNotice(state: unknown): state is CreatedNotice {
  return (
    typeof state === 'object' &&
    state !== null &&
    'created' in state &&
    typeof state.created === 'object' &&
    state.created !== null &&
    'name' in state.created &&
    'code' in state.created
  );
}

/** Every organization working in Senim, with the regions it serves; filters live in the address, so a list can be shared. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const offset = offsetParam(params.get('offset'));
  const query = useApiQuery(organizationsListPath(applied, offset), organizationPageSchema);
  const notice = isCreatedNotice(location.state) ? location.state.created : null;
  const resultsHeadingId = useId();

  return (
    <>
      <title>{t('organizations.documentTitle')}</title>
      <h1>{t('organizations.heading')}</h1>
      <p className="lead">{t('organizations.intro')}</p>
      {notice !== null && (
        <p className="notice notice-success" role="status">
          {t('organizations.created', { name: notice.name, code: notice.code })}
        </p>
      )}
      <p>
        <Link className="button" to="/admin/organizations/new">
          {t('organizations.add')}
        </Link>
      </p>
      {/* A new address (back button, pagination, a shared link) resets the form to what it shows. */}
      <OrganizationFilterForm
        key={params.toString()}
        initial={applied}
        onApply={(filters) => {
          setParams(filtersToParams(filters));
        }}
      />
      <section aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>{t('organizations.resultsHeading')}</h2>
        <QueryResult query={query}>
          {(page) => (
            <>
              <OrganizationsTable organizations={page.items} />
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

interface OrganizationFilterFormProps {
  initial: OrganizationFilters;
  onApply: (filters: OrganizationFilters) => void;
}

function OrganizationFilterForm({ initial, onApply }: OrganizationFilterFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const regions = useRegions();
  const id = useId();
  const [draft, setDraft] = useState(initial);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  const collator = new Intl.Collator(language);
  const regionOptions =
    regions.status === 'success'
      ? [...regions.data.items].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)))
      : [];
  // Until the regions arrive, a region from the address still shows, by its code.
  const appliedRegionMissing = draft.region !== '' && !regionOptions.some((region) => region.code === draft.region);

  return (
    <form className="filters" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('organizations.filtersHeading')}</h2>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('organizations.kind')}</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(event) => {
              const value = event.target.value;
              setDraft((previous) => ({ ...previous, kind: isOrganizationKind(value) ? value : '' }));
            }}
          >
            <option value="">{t('organizations.kindAny')}</option>
            {organizationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organizationKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('organizations.region')}</label>
          <select
            id={`${id}-region`}
            value={draft.region}
            aria-describedby={`${id}-region-hint`}
            onChange={(event) => {
              const value = event.target.value;
              setDraft((previous) => ({ ...previous, region: value }));
            }}
          >
            <option value="">{t('organizations.regionAny')}</option>
            {appliedRegionMissing && <option value={draft.region}>{draft.region}</option>}
            {regionOptions.map((region) => (
              <option key={region.code} value={region.code}>
                {pickText(region.name, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-region-hint`} className="field-hint">
        {t('organizations.regionHint')}
      </p>
      <p className="form-actions">
        <button type="submit" className="button">
          {t('organizations.search')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(noFilters);
            onApply(noFilters);
          }}
        >
          {t('organizations.clear')}
        </button>
      </p>
    </form>
  );
}

function OrganizationsTable({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const regionName = useRegionNames();
  if (organizations.length === 0) {
    return <p>{t('organizations.none')}</p>;
  }
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('organizations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organizations.colName')}</th>
            <th scope="col">{t('organizations.colAbbreviation')}</th>
            <th scope="col">{t('organizations.colKind')}</th>
            <th scope="col">{t('organizations.colRegions')}</th>
            <th scope="col">{t('organizations.colCapacity')}</th>
            <th scope="col">{t('organizations.colPhone')}</th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((organization) => (
            <tr key={organization.id}>
              <th scope="row">
                <Link to={`/admin/organizations/${organization.id}`}>{pickText(organization.name, language)}</Link>
                <span className="cell-code">{organization.code}</span>
              </th>
              <td>{pickText(organization.abbreviation, language)}</td>
              <td>{t(`organizationKinds.${organization.kind}`)}</td>
              <td>
                {organization.regionCodes.length === 0
                  ? t('organizations.wholeCountry')
                  : formatList(organization.regionCodes.map(regionName), language)}
              </td>
              <td className="numeric">
                {kindHasCapacity(organization.kind)
                  ? (organization.capacity ?? <span className="cell-note">{t('organizations.capacityNotRecorded')}</span>)
                  : null}
              </td>
              <td className="nowrap">{organization.publicPhone ?? null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

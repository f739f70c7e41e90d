import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionPageSchema, type Region } from '../../../shared/reference.schemas.js';
import {
  formatDate,
  formatDateRange,
  formatList,
  formatYearRange,
  pickText,
} from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

const currentRegionsPath = '/api/v1/reference/regions?limit=200';
const allRegionsPath = '/api/v1/reference/regions?history=true&limit=200';

const kindLabel = {
  region: 'regions.kindRegion',
  city: 'regions.kindCity',
} as const satisfies Record<Region['kind'], string>;

export function RegionTable() {
  const { t } = useTranslation();
  const headingId = useId();
  const checkboxId = useId();
  const [showHistory, setShowHistory] = useState(false);
  const query = useApiQuery(showHistory ? allRegionsPath : currentRegionsPath, regionPageSchema);
  return (
    <section className="reference-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('regions.heading')}</h3>
      <p>{t('regions.intro')}</p>
      <p className="checkbox-field">
        <input
          id={checkboxId}
          type="checkbox"
          checked={showHistory}
          onChange={(event) => {
            setShowHistory(event.target.checked);
          }}
        />
        <label htmlFor={checkboxId}>{t('regions.showHistory')}</label>
      </p>
      <QueryResult query={query}>
        {(page) => <RegionTableView regions={page.items} showHistory={showHistory} />}
      </QueryResult>
    </section>
  );
}

interface RegionTableViewProps {
  regions: Region[];
  showHistory: boolean;
}

function RegionTableView({ regions, showHistory }: RegionTableViewProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const nameByCode = new Map(regions.map((region) => [region.code, pickText(region.name, language)]));
  const collator = new Intl.Collator(language);
  const sorted = [...regions].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));

  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{showHistory ? t('regions.captionHistory') : t('regions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regions.colName')}</th>
            <th scope="col">{t('regions.colKind')}</th>
            <th scope="col">{t('regions.colCode')}</th>
            <th scope="col">{t('regions.colTimeZone')}</th>
            <th scope="col">{t('regions.colFormerNames')}</th>
            {showHistory && <th scope="col">{t('regions.colExisted')}</th>}
            {showHistory && <th scope="col">{t('regions.colSucceededBy')}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((region) => (
            <tr key={region.code} className={region.validTo === null ? undefined : 'is-ended'}>
              <th scope="row">{pickText(region.name, language)}</th>
              <td>{t(kindLabel[region.kind])}</td>
              <td className="nowrap">{region.code}</td>
              <td className="nowrap">{region.timeZone}</td>
              <td>{formerNamesOf(region, language, t) ?? t('common.none')}</td>
              {showHistory && <td>{existedText(region, language, t)}</td>}
              {showHistory && (
                <td>
                  {region.succeededBy.length === 0
                    ? t('common.none')
                    : formatList(
                        region.succeededBy.map((code) => nameByCode.get(code) ?? code),
                        language,
                      )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

type Translate = TFunction;

/** Names that differ from the current one; Astana's own 1998-2019 period is not a "former name". */
function formerNamesOf(region: Region, language: UiLanguage, t: Translate): string | null {
  const current = pickText(region.name, language);
  const former = region.names
    .filter((entry) => pickText(entry.name, language) !== current)
    .map((entry) =>
      t('regions.formerName', {
        name: pickText(entry.name, language),
        years:
          entry.validTo === null
            ? t('regions.existedSince', { from: formatDate(entry.validFrom, language) })
            : formatYearRange(entry.validFrom, entry.validTo, language),
      }),
    );
  return former.length === 0 ? null : formatList(former, language);
}

function existedText(region: Region, language: UiLanguage, t: Translate): string {
  if (region.validTo === null) {
    return t('regions.existedSince', { from: formatDate(region.validFrom, language) });
  }
  return formatDateRange(region.validFrom, region.validTo, language);
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { stateBodyPageSchema, type stateBodySchema } from '../../../shared/reference.schemas.js';
import { pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';

const stateBodiesPath = '/api/v1/reference/state-bodies?limit=200';

export function StateBodyTable() {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useApiQuery(stateBodiesPath, stateBodyPageSchema);
  return (
    <section className="reference-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('stateBodies.heading')}</h3>
      <p>{t('stateBodies.intro')}</p>
      <QueryResult query={query}>{(page) => <StateBodyTableView bodies={page.items} />}</QueryResult>
    </section>
  );
}

type StateBody = z.infer<typeof stateBodySchema>;

function StateBodyTableView({ bodies }: { bodies: StateBody[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const abbreviationByCode = new Map(bodies.map((body) => [body.code, pickText(body.abbreviation, language)]));
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('stateBodies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stateBodies.colAbbreviation')}</th>
            <th scope="col">{t('stateBodies.colName')}</th>
            <th scope="col">{t('stateBodies.colByAgreement')}</th>
            <th scope="col">{t('stateBodies.colParent')}</th>
          </tr>
        </thead>
        <tbody>
          {bodies.map((body) => (
            <tr key={body.code}>
              <th scope="row">{pickText(body.abbreviation, language)}</th>
              <td>{pickText(body.name, language)}</td>
              <td>{body.byAgreement ? t('common.yes') : t('common.no')}</td>
              <td>
                {body.parentCode === null
                  ? t('common.none')
                  : (abbreviationByCode.get(body.parentCode) ?? body.parentCode)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

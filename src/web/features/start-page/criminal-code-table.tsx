import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { criminalCodeArticlePageSchema, type criminalCodeArticleSchema } from '../../../shared/reference.schemas.js';
import { formatList, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';

const articlesPath = '/api/v1/reference/criminal-code/articles?limit=200';

type Article = z.infer<typeof criminalCodeArticleSchema>;

// The Code in force comes first: new cases are opened under it.
const editions = ['2014', '1997'] as const satisfies readonly Article['edition'][];

const editionLabel = {
  '2014': 'criminalCode.edition2014',
  '1997': 'criminalCode.edition1997',
} as const satisfies Record<Article['edition'], string>;

const categoryLabel = {
  thb: 'criminalCode.categoryThb',
  exploitation: 'criminalCode.categoryExploitation',
  related: 'criminalCode.categoryRelated',
} as const satisfies Record<Article['category'], string>;

const columnCount = 5;

export function CriminalCodeTable() {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useApiQuery(articlesPath, criminalCodeArticlePageSchema);
  return (
    <section className="reference-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('criminalCode.heading')}</h3>
      <p>{t('criminalCode.intro')}</p>
      <QueryResult query={query}>{(page) => <CriminalCodeTableView articles={page.items} />}</QueryResult>
    </section>
  );
}

function CriminalCodeTableView({ articles }: { articles: Article[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  return (
    <TableScroller captionId={captionId}>
      <table>
        <caption id={captionId}>{t('criminalCode.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('criminalCode.colArticle')}</th>
            <th scope="col">{t('criminalCode.colTitle')}</th>
            <th scope="col">{t('criminalCode.colCategory')}</th>
            <th scope="col">{t('criminalCode.colMaxPrison')}</th>
            <th scope="col">{t('criminalCode.colCorresponding')}</th>
          </tr>
        </thead>
        {editions.map((edition) => {
          const rows = articles.filter((article) => article.edition === edition);
          if (rows.length === 0) {
            return null;
          }
          return (
            <tbody key={edition}>
              <tr className="row-group">
                <th scope="rowgroup" colSpan={columnCount}>
                  {t(editionLabel[edition])}
                </th>
              </tr>
              {rows.map((article) => (
                <tr key={article.article}>
                  <th scope="row" className="nowrap">
                    {article.article}
                  </th>
                  <td>{pickText(article.title, language)}</td>
                  <td>{t(categoryLabel[article.category])}</td>
                  <td className="numeric">
                    {article.maxPrisonYears === null ? t('criminalCode.maxPrisonUnknown') : article.maxPrisonYears}
                  </td>
                  <td>
                    {article.correspondingArticles.length === 0
                      ? t('common.none')
                      : formatList(article.correspondingArticles, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </TableScroller>
  );
}

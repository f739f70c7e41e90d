import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { codeArticleChoiceSchema } from '../../../shared/proceeding.schemas.js';
import { pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { articleRowIndexes, emptyArticle, type ArticleDraft } from './proceeding-form.js';
import type { FieldPlace } from './justice-form.js';

export type ArticleChoice = z.infer<typeof codeArticleChoiceSchema>;

/** The request paths an article row's problems arrive under, for the form's field list. */
export function articleFields(rows: readonly ArticleDraft[]): string[] {
  return [
    'articles',
    ...articleRowIndexes(rows).flatMap((sent) => (sent === null ? [] : [`articles.${sent}`, `articles.${sent}.articleId`, `articles.${sent}.part`, `articles.${sent}.paragraph`])),
  ];
}

/** "128 Trafficking in human beings (Code of 2014)": the edition stays visible, since both are in use for years. */
export function useArticleLabel(): (choice: ArticleChoice) => string {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (choice) => t('justice.articleChoice', { article: choice.article, title: pickText(choice.title, language), edition: choice.edition });
}

export interface ArticleRowsProps {
  rows: ArticleDraft[];
  choices: readonly ArticleChoice[];
  /** True while the choices load. */
  loading: boolean;
  place: FieldPlace<string>;
  onChange: (rows: ArticleDraft[]) => void;
}

/** Several articles, each with its part and paragraph, as the qualification names them. */
export function ArticleRows({ rows, choices, loading, place, onChange }: ArticleRowsProps) {
  const { t } = useTranslation();
  const labelOf = useArticleLabel();
  const sentIndexes = articleRowIndexes(rows);
  const editions = [...new Set(choices.map((choice) => choice.edition))];
  const change = (index: number, patch: Partial<ArticleDraft>) => {
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  };
  const listError = place.errors.articles;
  return (
    <fieldset id={place.fieldId('articles')} tabIndex={-1} className={listError === undefined ? 'field-group' : 'field-group has-error'}>
      <legend>{t('justice.register.articles')}</legend>
      <p className="field-hint">{t('justice.register.articlesHint')}</p>
      {listError !== undefined && <p className="field-error">{listError}</p>}
      {rows.map((row, index) => {
        const sent = sentIndexes[index];
        const errorOf = (name: 'articleId' | 'part' | 'paragraph'): string | undefined =>
          sent === null || sent === undefined ? undefined : (place.errors[`articles.${sent}.${name}`] ?? (name === 'articleId' ? place.errors[`articles.${sent}`] : undefined));
        const idOf = (name: string) => (sent === null || sent === undefined ? `${place.fieldId('articles')}-row${index}-${name}` : place.fieldId(`articles.${sent}.${name}`));
        return (
          // The article's name runs long: it takes the row, its part and paragraph go under it.
          <div key={index} role="group" aria-label={t('justice.register.articleRow', { number: index + 1 })}>
            <SelectField
              id={idOf('articleId')}
              label={t('justice.register.article')}
              className="input-wide"
              value={row.articleId}
              error={errorOf('articleId')}
              onChange={(event) => {
                change(index, { articleId: event.target.value });
              }}
            >
              <option value="">{loading ? t('common.loading') : t('justice.choose')}</option>
              {editions.map((edition) => (
                <optgroup key={edition} label={t('justice.codeOf', { edition })}>
                  {choices
                    .filter((choice) => choice.edition === edition)
                    .map((choice) => (
                      <option key={choice.articleId} value={String(choice.articleId)}>
                        {labelOf(choice)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </SelectField>
            <div className="entry-group">
              <TextField
                id={idOf('part')}
                label={t('justice.register.part')}
                className="input-short"
                inputMode="numeric"
                autoComplete="off"
                value={row.part}
                error={errorOf('part')}
                onChange={(event) => {
                  change(index, { part: event.target.value });
                }}
              />
              <TextField
                id={idOf('paragraph')}
                label={t('justice.register.paragraph')}
                className="input-short"
                autoComplete="off"
                value={row.paragraph}
                error={errorOf('paragraph')}
                onChange={(event) => {
                  change(index, { paragraph: event.target.value });
                }}
              />
              {rows.length > 1 && (
                <p className="form-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      onChange(rows.filter((_, at) => at !== index));
                    }}
                  >
                    {t('justice.register.removeArticle')}
                  </button>
                </p>
              )}
            </div>
          </div>
        );
      })}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            onChange([...rows, { ...emptyArticle }]);
          }}
        >
          {t('justice.register.addArticle')}
        </button>
      </p>
    </fieldset>
  );
}

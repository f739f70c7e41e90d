import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeArticleChoiceListSchema } from '../../../shared/proceeding.schemas.js';
import { formatDate } from '../../components/formatting.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { OptionSelect } from '../cases/intake-fields.js';
import { articleFields, ArticleRows } from './article-rows.js';
import { articleChoicesPath, requalify } from './justice-api.js';
import { JusticeForm } from './justice-form.js';
import type { ProceedingSectionProps } from './proceeding-page.js';
import { emptyArticle, requalificationRequestOf, type RequalificationDraft } from './proceeding-form.js';
import { articleRefsOf } from './proceeding-view.js';

const requalificationPhases = ['investigation', 'indictment', 'court'] as const;

const emptyDraft: RequalificationDraft = { decidedOn: '', phase: 'investigation', reason: '', articles: [{ ...emptyArticle }] };

/**
 * What the proceeding was registered under and every re-qualification since,
 * oldest first, never overwritten: the statistics compare the first with the
 * one the court tried.
 */
export function QualificationSection({ detail, manage, onChanged }: ProceedingSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [draft, setDraft] = useState<RequalificationDraft>(emptyDraft);
  // A proceeding registered under the 1997 Code may be tried under the 2014 one: both editions are offered.
  const articles = useApiQuery(articleChoicesPath(null), codeArticleChoiceListSchema);
  const fields = ['decidedOn', 'phase', 'reason', ...articleFields(draft.articles)];
  return (
    <section id="proceeding-qualification" aria-labelledby="proceeding-qualification-heading" className="case-section">
      <h2 id="proceeding-qualification-heading">{t('justice.qualification.heading')}</h2>
      <ol>
        {detail.qualifications.map((qualification, index) => {
          const refs = articleRefsOf(qualification.articles, language);
          const date = formatDate(qualification.decidedOn, language);
          const edition = qualification.articles[0]?.edition ?? detail.summary.codeEdition;
          return (
            <li key={qualification.sequence}>
              {index === 0
                ? t('justice.qualification.registeredUnder', { articles: refs, edition, date })
                : t('justice.qualification.requalifiedTo', { articles: refs, edition, date, phase: t(`justice.qualification.phases.${qualification.phase}`) })}
              {index === detail.qualifications.length - 1 && detail.qualifications.length > 1 && <strong> {t('justice.qualification.inForce')}</strong>}
              {qualification.reason !== null && <span className="cell-note"> — {t('justice.qualification.because', { reason: qualification.reason })}</span>}
            </li>
          );
        })}
      </ol>
      {manage && (
        <details>
          <summary>{t('justice.qualification.requalify')}</summary>
          <JusticeForm
            heading={t('justice.qualification.requalifyHeading')}
            intro={<p className="field-hint">{t('justice.qualification.requalifyIntro')}</p>}
            fields={fields}
            submitLabel={t('justice.qualification.submit')}
            send={async () => {
              await requalify(detail.summary.id, requalificationRequestOf(draft));
              return t('justice.qualification.done');
            }}
            onDone={(notice) => {
              setDraft(emptyDraft);
              onChanged(notice);
            }}
          >
            {(place) => (
              <>
                <TextField
                  id={place.fieldId('decidedOn')}
                  label={t('justice.qualification.decidedOn')}
                  type="date"
                  value={draft.decidedOn}
                  error={place.errors.decidedOn}
                  onChange={(event) => {
                    setDraft({ ...draft, decidedOn: event.target.value });
                  }}
                />
                <OptionSelect
                  id={place.fieldId('phase')}
                  label={t('justice.qualification.phase')}
                  value={draft.phase}
                  options={requalificationPhases}
                  labelOf={(phase) => t(`justice.qualification.phases.${phase}`)}
                  error={place.errors.phase}
                  onChange={(phase) => {
                    setDraft({ ...draft, phase: phase === '' ? 'investigation' : phase });
                  }}
                />
                <ArticleRows
                  rows={draft.articles}
                  choices={articles.status === 'success' ? articles.data.items : []}
                  loading={articles.status === 'loading'}
                  place={place}
                  onChange={(rows) => {
                    setDraft({ ...draft, articles: rows });
                  }}
                />
                <TextAreaField
                  id={place.fieldId('reason')}
                  label={t('justice.qualification.reason')}
                  maxLength={2000}
                  value={draft.reason}
                  error={place.errors.reason}
                  onChange={(reason) => {
                    setDraft({ ...draft, reason });
                  }}
                />
              </>
            )}
          </JusticeForm>
        </details>
      )}
    </section>
  );
}

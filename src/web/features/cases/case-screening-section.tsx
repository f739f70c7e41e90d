import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionnaireListSchema, type ScreeningAssessment } from '../../../shared/case.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { type Answer, caseSectionIds, indicatorsByDimension, indicatorText, positiveDimensions, questionnaireFor, screeningAnswers } from './case-view.js';
import { questionnairesPath, recordScreening, type Questionnaire, type Screening } from './cases-api.js';

const answers: readonly Answer[] = ['yes', 'no', 'unknown'];
const screeningFields = ['questionnaireId', 'interviewedOn', 'answers'] as const;

/** Indicators asked in an interview, and the Delphi rule's reading of them; earlier screenings stay. */
export function CaseScreeningSection({ detail, organizationName, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const open = detail.summary.status === 'active';
  const newestFirst = [...detail.screenings].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));

  return (
    <section id={caseSectionIds.screening} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.screening.heading')}</h2>
      <p className="field-hint">{t('caseView.screening.intro')}</p>
      {newestFirst.length === 0 ? (
        <p>{t('caseView.screening.none')}</p>
      ) : (
        <ol className="plain-list">
          {newestFirst.map((screening, index) => (
            <li key={screening.id}>
              <ScreeningRecord screening={screening} organizationName={organizationName} latest={index === 0} />
            </li>
          ))}
        </ol>
      )}
      {open && can(me.roles, 'cases.screen') && <ScreeningForm key={detail.screenings.length} caseId={detail.summary.id} child={detail.summary.child} onChanged={onChanged} />}
    </section>
  );
}

function ScreeningRecord({ screening, organizationName, latest }: { screening: Screening; organizationName: (id: string) => string; latest: boolean }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const observed = screening.answers.filter((answer) => answer.answer === 'yes').length;
  return (
    <article aria-labelledby={headingId} className={latest ? 'panel' : 'case-earlier'}>
      <h3 id={headingId}>
        {t(latest ? 'caseView.screening.latestHeading' : 'caseView.screening.earlierHeading', { date: formatDate(screening.interviewedOn, language) })}
      </h3>
      <p className="cell-note">
        {t('caseView.screening.recordedBy', {
          organization: organizationName(screening.organizationId),
          audience: t(`caseView.screening.audience.${screening.audience}`),
          version: screening.questionnaireVersion,
          observed,
          asked: screening.answers.length,
        })}
      </p>
      <AssessmentView assessment={screening.assessment} />
    </article>
  );
}

/** The rule's result in the reader's language, built from its counts rather than the API's English sentences. */
export function AssessmentView({ assessment }: { assessment: ScreeningAssessment }) {
  const { t } = useTranslation();
  const positive = positiveDimensions(assessment);
  return (
    <div className="case-assessment">
      <p>
        <strong>{t('caseView.screening.preliminaryLabel')}</strong> {t(`caseView.screening.preliminary.${assessment.preliminary}`)}
      </p>
      <p>{t('caseView.screening.reasonsLabel')}</p>
      <ul>
        {positive.map((result) => (
          <li key={result.dimension}>
            {t('caseView.screening.dimensionPositive', {
              dimension: t(`caseView.dimensions.${result.dimension}`),
              strong: result.strong,
              medium: result.medium,
              weak: result.weak,
            })}
          </li>
        ))}
        <li>{t(`caseView.screening.conclusion.${assessment.preliminary}`)}</li>
        {assessment.childRuleApplied && <li>{t('caseView.screening.childRule')}</li>}
      </ul>
      <p className="field-hint">{t('caseView.screening.supportOnly')}</p>
    </div>
  );
}

function ScreeningForm({ caseId, child, onChanged }: { caseId: string; child: boolean; onChanged: (notice: string) => void }) {
  const query = useApiQuery(questionnairesPath(child ? 'child' : 'adult'), questionnaireListSchema);
  return (
    <QueryResult query={query}>
      {(list) => {
        const questionnaire = questionnaireFor(list.items, child);
        return questionnaire === null ? <NoQuestionnaire /> : <IndicatorForm key={questionnaire.id} caseId={caseId} questionnaire={questionnaire} onChanged={onChanged} />;
      }}
    </QueryResult>
  );
}

function NoQuestionnaire() {
  const { t } = useTranslation();
  return <p className="notice notice-warning">{t('caseView.screening.noQuestionnaire')}</p>;
}

function IndicatorForm({ caseId, questionnaire, onChanged }: { caseId: string; questionnaire: Questionnaire; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [interviewedOn, setInterviewedOn] = useState(todayInKazakhstan);
  const [given, setGiven] = useState<Record<string, Answer>>({});

  return (
    <CaseForm
      heading={t('caseView.screening.formHeading')}
      intro={<p className="field-hint">{t('caseView.screening.formIntro', { title: questionnaire.title, version: questionnaire.version })}</p>}
      fields={screeningFields}
      submitLabel={t('caseView.screening.record')}
      send={async () => {
        await recordScreening(caseId, { questionnaireId: questionnaire.id, interviewedOn, answers: screeningAnswers(questionnaire, given) });
        return t('caseView.screening.recordedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <TextField
            id={fieldId('interviewedOn')}
            type="date"
            label={t('caseView.screening.interviewedOn')}
            error={errors.interviewedOn}
            value={interviewedOn}
            onChange={(event) => {
              setInterviewedOn(event.target.value);
            }}
          />
          {errors.answers !== undefined && <p className="field-error">{errors.answers}</p>}
          {indicatorsByDimension(questionnaire).map((group) => (
            <fieldset key={group.dimension} className="field checkbox-group">
              <legend>{t(`caseView.dimensions.${group.dimension}`)}</legend>
              {group.indicators.map((indicator) => {
                const name = `${fieldId('answers')}-${indicator.code}`;
                const chosen = given[indicator.code] ?? 'unknown';
                return (
                  <fieldset key={indicator.code} className="case-indicator">
                    <legend>
                      {indicatorText(indicator, language)} <span className="cell-note">({t(`caseView.screening.strength.${indicator.strength}`)})</span>
                    </legend>
                    <ul className="checkbox-list case-answers">
                      {answers.map((answer) => (
                        <li key={answer} className="checkbox-field">
                          <input
                            id={`${name}-${answer}`}
                            type="radio"
                            name={name}
                            value={answer}
                            checked={chosen === answer}
                            onChange={() => {
                              setGiven((previous) => ({ ...previous, [indicator.code]: answer }));
                            }}
                          />
                          <label htmlFor={`${name}-${answer}`}>{t(`caseView.screening.answer.${answer}`)}</label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
            </fieldset>
          ))}
        </>
      )}
    </CaseForm>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenshipName } from '../../../shared/i18n/citizenship-name.js';
import { formatDate, formatList } from '../../components/formatting.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useRegionNames } from '../users/use-region-names.js';
import type { CaseSectionProps } from './case-form-section.js';
import { byOrganization, pathwayProgress } from './case-view.js';

const involvementBases = ['recorded', 'referral', 'identification', 'service', 'police_consent', 'transfer'] as const;

/** Where the case stands: its pathway step, who the person is in outline, what is due next, and who works on it. */
export function CaseHeaderSection({ detail, organizationName }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const regionName = useRegionNames();
  const headingId = useId();
  const { summary } = detail;
  const basisLabel = (basis: string): string => {
    const known = involvementBases.find((candidate) => candidate === basis);
    return known === undefined ? basis : t(`caseView.involvementBasis.${known}`);
  };

  return (
    <section aria-labelledby={headingId} className="case-header">
      <h2 id={headingId} className="visually-hidden">
        {t('caseView.overviewHeading')}
      </h2>
      <ul className="case-badges" aria-label={t('caseView.badgesLabel')}>
        <li className="case-badge">{t(`caseView.status.${summary.status}`)}</li>
        {summary.child && <li className="case-badge case-badge-attention">{t('caseView.badgeChild')}</li>}
        {summary.foreign && <li className="case-badge">{t('caseView.badgeForeign')}</li>}
        {summary.possibleRetrafficking && <li className="case-badge case-badge-attention">{t('caseView.badgeRetrafficking')}</li>}
      </ul>

      <ol className="case-pathway" aria-label={t('caseView.pathwayLabel')}>
        {pathwayProgress(summary.step).map(({ step, state }) => (
          <li key={step} className={`case-pathway-step is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {t(`caseView.step.${step}`)}
            {state === 'done' && <span className="visually-hidden"> {t('caseView.stepDone')}</span>}
          </li>
        ))}
      </ol>

      <DueNext detail={detail} />

      <dl className="details">
        <div>
          <dt>{t('caseView.currentStep')}</dt>
          <dd>{t(`caseView.step.${summary.step}`)}</dd>
        </div>
        <div>
          <dt>{t('caseView.firstContact')}</dt>
          <dd>
            {formatDate(summary.firstContactDate, language)}, {regionName(summary.regionCode)}
          </dd>
        </div>
        <div>
          <dt>{t('caseView.referralSource')}</dt>
          <dd>
            {t(`caseView.referralSources.${summary.referralSource}`)}; {t(`caseView.meetingContexts.${summary.meetingContext}`)}
          </dd>
        </div>
        <div>
          <dt>{t('caseView.person')}</dt>
          <dd>
            {t(`caseView.sex.${summary.sex}`)},{' '}
            {summary.ageYears === null ? t('caseView.ageUnknown') : t('caseView.age', { years: summary.ageYears, basis: t(`caseView.ageBasis.${summary.ageBasis}`) })},{' '}
            {t('caseView.citizenship', { citizenship: citizenshipName(summary.citizenship, t) })}
          </dd>
        </div>
        {summary.episode > 1 && (
          <div>
            <dt>{t('caseView.episode')}</dt>
            <dd>{summary.episode}</dd>
          </div>
        )}
        <div>
          <dt>{t('caseView.latestDecision')}</dt>
          <dd>
            {summary.latestDecision === null ? t('caseView.noDecision') : t(`caseView.outcome.${summary.latestDecision}`)}
            {summary.exploitationForms.length > 0 && `: ${formatList(summary.exploitationForms.map((form) => t(`caseView.exploitationForms.${form}`)), language)}`}
          </dd>
        </div>
        {detail.circumstances !== null && (
          <div>
            <dt>{t('caseView.circumstances')}</dt>
            <dd className="preserve-lines">{detail.circumstances}</dd>
          </div>
        )}
        <div>
          <dt>{t('caseView.involved')}</dt>
          <dd>
            <ul className="plain-list">
              {byOrganization(detail.involved).map(({ organizationId, items }) => (
                <li key={organizationId}>
                  {organizationName(organizationId)}{' '}
                  <span className="cell-note">({formatList(items.map((involvement) => basisLabel(involvement.basis)), language)})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('caseView.workers')}</dt>
          <dd>
            {detail.workers.length === 0 ? (
              t('caseView.noWorkers')
            ) : (
              <ul className="plain-list">
                {byOrganization(detail.workers).map(({ organizationId, items }) => (
                  <li key={organizationId}>{t('caseView.workerOf', { organization: organizationName(organizationId), workers: items.length })}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function DueNext({ detail }: Pick<CaseSectionProps, 'detail'>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel case-due">
      <h2 id={headingId}>{t('caseView.dueHeading')}</h2>
      {detail.dueNext.length === 0 ? (
        <p>{t('caseView.nothingDue')}</p>
      ) : (
        <ul className="plain-list">
          {detail.dueNext.map((item) => (
            <li key={item.kind} className={item.overdue ? 'late-mark' : undefined}>
              <strong>{t(`caseView.due.${item.kind}`)}</strong>
              {item.dueOn !== null && <> — {t(item.kind === 'reflection_period_end' ? 'caseView.endsOn' : 'caseView.dueOn', { date: formatDate(item.dueOn, language) })}</>}
              {item.overdue && <> ({t('caseView.overdue')})</>}
              {item.kind === 'reflection_period_end' && detail.migration !== null && <>, {t('caseView.daysLeft', { days: detail.migration.reflectionDaysLeft })}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

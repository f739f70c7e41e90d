import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { proceedingDetailSchema, type ProceedingDetail } from '../../../shared/proceeding.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { formatDate, formatDateTimeInKazakhstan, pickText } from '../../components/formatting.js';
import { LoadingMessage, ProblemMessage } from '../../components/query-result.js';
import { useApiQuery, type ApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { useRegionNames } from '../users/use-region-names.js';
import { proceedingPath } from './justice-api.js';
import { DefendantsSection } from './defendants-section.js';
import { QualificationSection } from './qualification-section.js';
import { StageSection } from './stage-section.js';
import { VictimsSection } from './victims-section.js';
import { articleRefsOf } from './proceeding-view.js';

/** What every section of the proceeding page is given. */
export interface ProceedingSectionProps {
  detail: ProceedingDetail;
  /** Whether the user may record steps (proceedings.manage); readers see the record only. */
  manage: boolean;
  /** After a change: the page loads the proceeding again and shows the notice. */
  onChanged: (notice: string) => void;
}

/** The proceeding, loaded again after every change; while it reloads, the one shown stays, so the reader keeps their place. */
function useProceeding(proceedingId: string): { query: ApiQuery<ProceedingDetail>; shown: ProceedingDetail | null } {
  const query = useApiQuery(proceedingPath(proceedingId), proceedingDetailSchema);
  const [last, setLast] = useState<ProceedingDetail | null>(null);
  if (query.status === 'success' && query.data !== last) {
    setLast(query.data);
  }
  const shown = query.status === 'success' ? query.data : query.status === 'loading' && last?.summary.id === proceedingId ? last : null;
  return { query, shown };
}

/** A proceeding at /proceedings/:id: where it stands, the step to record next, and its record. */
export function ProceedingPage() {
  const { proceedingId = '' } = useParams();
  const { query, shown } = useProceeding(proceedingId);
  if (shown !== null) {
    return <ProceedingView detail={shown} reload={query.retry} />;
  }
  if (query.status === 'error') {
    return query.error instanceof ApiProblem && query.error.problem.code === 'not_found' ? <ProceedingNotFound /> : <ProblemMessage error={query.error} onRetry={query.retry} />;
  }
  return <LoadingMessage />;
}

function ProceedingNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('justice.page.notFoundDocumentTitle')}</title>
      <h1>{t('justice.page.notFoundHeading')}</h1>
      <p>{t('justice.page.notFoundBody')}</p>
      <p>
        <Link to="/proceedings">{t('justice.backToList')}</Link>
      </p>
    </>
  );
}

function noticeFromState(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string' ? state.notice : null;
}

function ProceedingView({ detail, reload }: { detail: ProceedingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const location = useLocation();
  // The registration's notice arrives with the address; later ones are the page's own.
  const [notice, setNotice] = useState<{ message: string } | null>(() => {
    const message = noticeFromState(location.state);
    return message === null ? null : { message };
  });
  const [pendingNotice, setPendingNotice] = useState<string | null>(null);
  const [shownDetail, setShownDetail] = useState(detail);
  const [defendantsVersion, setDefendantsVersion] = useState(0);
  if (detail !== shownDetail) {
    setShownDetail(detail);
    if (pendingNotice !== null) {
      setNotice({ message: pendingNotice });
      setPendingNotice(null);
      setDefendantsVersion((version) => version + 1);
    }
  }
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice !== null) {
      noticeRef.current?.focus();
    }
  }, [notice]);
  const onChanged = useCallback(
    (message: string) => {
      setPendingNotice(message);
      reload();
    },
    [reload],
  );
  const section: ProceedingSectionProps = { detail, manage: can(me.roles, 'proceedings.manage'), onChanged };
  const { summary } = detail;
  return (
    <div className="case-page">
      <title>{t('justice.page.documentTitle', { number: summary.registerNumber })}</title>
      <p className="back-link">
        <Link to="/proceedings">{t('justice.backToList')}</Link>
      </p>
      <h1>{t('justice.page.heading', { number: summary.registerNumber })}</h1>
      <p role="status" tabIndex={-1} ref={noticeRef} className={notice === null ? undefined : 'notice notice-success'}>
        {notice?.message}
      </p>
      <ProceedingHeader detail={detail} />
      {/* The step an investigator comes for most often, within the first screen. */}
      {section.manage && detail.nextStages.length > 0 && (
        <p>
          <a className="button" href="#proceeding-stage">
            {t('justice.stage.moveHeading')}
          </a>
        </p>
      )}
      <nav className="case-contents" aria-label={t('justice.page.contents')}>
        <ul>
          <li>
            <a href="#proceeding-stage">{t('justice.stage.heading')}</a>
          </li>
          <li>
            <a href="#proceeding-qualification">{t('justice.qualification.heading')}</a>
          </li>
          <li>
            <a href="#proceeding-victims">{t('justice.victims.heading')}</a>
          </li>
          <li>
            <a href="#proceeding-defendants">{t('justice.defendants.heading')}</a>
          </li>
        </ul>
      </nav>
      <StageSection {...section} />
      <QualificationSection {...section} />
      <VictimsSection {...section} />
      <DefendantsSection key={defendantsVersion} {...section} />
    </div>
  );
}

function ProceedingHeader({ detail }: { detail: ProceedingDetail }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const regionName = useRegionNames();
  const directory = useOrganizationDirectory();
  const headingId = useId();
  const { summary } = detail;
  const organizationName = (organizationId: string): string => {
    const organization = directory.status === 'success' ? directory.data.find((candidate) => candidate.id === organizationId) : undefined;
    return organization === undefined ? t('justice.page.unknownBody') : pickText(organization.name, language);
  };
  return (
    <section aria-labelledby={headingId} className="case-header">
      <h2 id={headingId} className="visually-hidden">
        {t('justice.page.overview')}
      </h2>
      <ul className="case-badges" aria-label={t('justice.page.badges')}>
        <li className="case-badge">{t(`justice.stages.${summary.stage}`)}</li>
        <li className="case-badge">{t('justice.codeOf', { edition: summary.codeEdition })}</li>
        {summary.nonPunishmentPending > 0 && <li className="case-badge case-badge-attention">{t('justice.list.nonPunishmentPending', { number: summary.nonPunishmentPending })}</li>}
        {summary.source === 'imported' && <li className="case-badge">{t('justice.page.imported')}</li>}
      </ul>
      <dl className="details">
        <div>
          <dt>{t('justice.page.stage')}</dt>
          <dd>{t('justice.page.stageSince', { stage: t(`justice.stages.${summary.stage}`), date: formatDate(summary.stageSince, language) })}</dd>
        </div>
        <div>
          <dt>{t('justice.page.articles')}</dt>
          <dd>
            {articleRefsOf(summary.articles, language)}{' '}
            <span className="cell-note">({summary.articles.map((article) => pickText(article.title, language)).join('; ')})</span>
          </dd>
        </div>
        <div>
          <dt>{t('justice.page.registered')}</dt>
          <dd>{t('justice.page.registeredBy', { date: formatDate(summary.registeredOn, language), body: organizationName(summary.registeringOrganizationId) })}</dd>
        </div>
        <div>
          <dt>{t('justice.page.investigatingBody')}</dt>
          <dd>
            {organizationName(summary.investigatingOrganizationId)}
            {summary.investigatingUnit !== null && `, ${t(`justice.units.${summary.investigatingUnit}`)}`}
          </dd>
        </div>
        <div>
          <dt>{t('justice.page.region')}</dt>
          <dd>{regionName(summary.regionCode)}</dd>
        </div>
        <div>
          <dt>{t('justice.page.lastMovement')}</dt>
          <dd>{formatDateTimeInKazakhstan(summary.lastMovementAt, language)}</dd>
        </div>
      </dl>
    </section>
  );
}

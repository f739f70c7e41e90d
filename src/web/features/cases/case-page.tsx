import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { caseDetailSchema } from '../../../shared/case.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { pickText } from '../../components/formatting.js';
import { LoadingMessage, ProblemMessage } from '../../components/query-result.js';
import { useApiQuery, type ApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { CaseChildSection } from './case-child-section.js';
import { CaseClosureSection } from './case-closure-section.js';
import { CaseConsentSection } from './case-consent-section.js';
import type { CaseSectionProps } from './case-form-section.js';
import { CaseForeignSection } from './case-foreign-section.js';
import { CaseHeaderSection } from './case-header-section.js';
import { CaseIdentificationSection } from './case-identification-section.js';
import { CaseIdentitySection } from './case-identity-section.js';
import { CaseJusticeSection } from './case-justice-section.js';
import { CaseReferralSection } from './case-referral-section.js';
import { CaseScreeningSection } from './case-screening-section.js';
import { CaseServicesSection } from './case-services-section.js';
import { CaseTimelineSection } from './case-timeline-section.js';
import { CaseWorkersSection } from './case-workers-section.js';
import { caseSectionIds, caseSections, type CaseSectionKey } from './case-view.js';
import { caseDetailPath, type CaseDetail } from './cases-api.js';

const sectionHeadings = {
  consents: 'caseView.consents.heading',
  screening: 'caseView.screening.heading',
  identification: 'caseView.identification.heading',
  referrals: 'caseView.referrals.heading',
  services: 'caseView.services.heading',
  foreign: 'caseView.foreign.heading',
  child: 'caseView.child.heading',
  workers: 'caseView.workersSection.heading',
  closure: 'caseView.closure.heading',
  justice: 'caseJustice.title',
  identity: 'caseView.identity.heading',
  timeline: 'caseView.timeline.heading',
} as const satisfies Record<CaseSectionKey, string>;

/**
 * The case, loaded again after every change. While it reloads the page keeps
 * showing the case it has, so a form's notice and the reader's place stay put.
 */
function useCase(caseId: string): { query: ApiQuery<CaseDetail>; shown: CaseDetail | null } {
  const query = useApiQuery(caseDetailPath(caseId), caseDetailSchema);
  const [last, setLast] = useState<CaseDetail | null>(null);
  if (query.status === 'success' && query.data !== last) {
    setLast(query.data);
  }
  const shown = query.status === 'success' ? query.data : query.status === 'loading' && last?.summary.id === caseId ? last : null;
  return { query, shown };
}

/** A case at /cases/:caseId: where it stands on the pathway, what is due, and a form for each step. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { query, shown } = useCase(caseId);
  if (shown !== null) {
    return <CaseView detail={shown} reload={query.retry} />;
  }
  if (query.status === 'error') {
    return query.error instanceof ApiProblem && query.error.problem.code === 'not_found' ? <CaseNotFound /> : <ProblemMessage error={query.error} onRetry={query.retry} />;
  }
  return <LoadingMessage />;
}

function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('caseView.notFoundDocumentTitle')}</title>
      <h1>{t('caseView.notFoundHeading')}</h1>
      <p>{t('caseView.notFoundBody')}</p>
      <p>
        <Link to="/cases">{t('caseView.backToCases')}</Link>
      </p>
    </>
  );
}

function CaseView({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const directory = useOrganizationDirectory();
  // A new object each time, so the same words announced twice still take focus.
  const [notice, setNotice] = useState<{ message: string } | null>(null);
  // A change's notice waits for the case to come back changed, so what it announces is on the page.
  const [pendingNotice, setPendingNotice] = useState<string | null>(null);
  const [shownDetail, setShownDetail] = useState(detail);
  const [timelineVersion, setTimelineVersion] = useState(0);
  if (detail !== shownDetail) {
    setShownDetail(detail);
    if (pendingNotice !== null) {
      setNotice({ message: pendingNotice });
      setPendingNotice(null);
      setTimelineVersion((version) => version + 1);
    }
  }
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice !== null) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  const organizations = directory.status === 'success' ? directory.data : null;
  const organizationName = useCallback(
    (organizationId: string) => {
      const organization = organizations?.find((candidate) => candidate.id === organizationId);
      return organization === undefined ? t('caseView.unknownOrganization') : pickText(organization.name, language);
    },
    [organizations, language, t],
  );

  const onChanged = useCallback(
    (message: string) => {
      setPendingNotice(message);
      reload();
    },
    [reload],
  );

  const section: CaseSectionProps = { detail, organizationName, organizations: organizations ?? [], onChanged };
  const { summary } = detail;

  return (
    <div className="case-page">
      <title>{t('caseView.documentTitle', { code: summary.code })}</title>
      <p className="back-link">
        <Link to="/cases">{t('caseView.backToCases')}</Link>
      </p>
      <h1>{t('caseView.heading', { code: summary.code })}</h1>
      <p role="status" tabIndex={-1} ref={noticeRef} className={notice === null ? undefined : 'notice notice-success'}>
        {notice?.message}
      </p>
      <nav className="case-contents" aria-label={t('caseView.contents')}>
        <ul>
          {caseSections(summary).map((key) => (
            <li key={key}>
              <a href={`#${caseSectionIds[key]}`}>{t(sectionHeadings[key])}</a>
            </li>
          ))}
        </ul>
      </nav>
      <CaseHeaderSection {...section} />
      <CaseConsentSection {...section} />
      <CaseScreeningSection {...section} />
      <CaseIdentificationSection {...section} />
      <CaseReferralSection {...section} />
      <CaseServicesSection {...section} />
      {summary.foreign && <CaseForeignSection {...section} />}
      {summary.child && <CaseChildSection {...section} />}
      <CaseWorkersSection {...section} />
      <CaseClosureSection {...section} />
      <CaseJusticeSection {...section} />
      <CaseIdentitySection {...section} />
      <CaseTimelineSection key={timelineVersion} caseId={summary.id} organizationName={organizationName} />
    </div>
  );
}

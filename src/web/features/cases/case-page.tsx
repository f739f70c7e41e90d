import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api-client.js';
import { pickText } from '../../components/formatting.js';
import { LoadingMessage, ProblemMessage } from '../../components/query-result.js';
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
import { CaseReferralSection } from './case-referral-section.js';
import { CaseScreeningSection } from './case-screening-section.js';
import { CaseServicesSection } from './case-services-section.js';
import { CaseTimelineSection } from './case-timeline-section.js';
import { CaseWorkersSection } from './case-workers-section.js';
import { fetchCase, type CaseDetail } from './cases-api.js';

type CaseState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; data: CaseDetail };

/**
 * The case, loaded once and then again after every change. A reload keeps
 * the page as it is until the new case arrives, so a form's notice and the
 * reader's place stay put.
 */
function useCase(caseId: string): { state: CaseState; reload: () => Promise<void>; retry: () => void } {
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchCase(caseId, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ status: 'success', data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [caseId, attempt]);

  const reload = useCallback(async () => {
    try {
      setState({ status: 'success', data: await fetchCase(caseId) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [caseId]);

  const retry = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  return { state, reload, retry };
}

/** A case at /cases/:caseId: where it stands on the pathway, what is due, and a form for each step. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { state, reload, retry } = useCase(caseId);
  switch (state.status) {
    case 'loading':
      return <LoadingMessage />;
    case 'error':
      return state.error instanceof ApiProblem && state.error.problem.code === 'not_found' ? <CaseNotFound /> : <ProblemMessage error={state.error} onRetry={retry} />;
    case 'success':
      return <CaseView detail={state.data} reload={reload} />;
  }
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

function CaseView({ detail, reload }: { detail: CaseDetail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const directory = useOrganizationDirectory();
  const [notice, setNotice] = useState<string | null>(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
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
      void reload().then(() => {
        setNotice(message);
        setTimelineVersion((version) => version + 1);
      });
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
        {notice}
      </p>
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
      <CaseIdentitySection {...section} />
      <CaseTimelineSection key={timelineVersion} caseId={summary.id} organizationName={organizationName} />
    </div>
  );
}

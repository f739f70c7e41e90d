import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { obligationListSchema, planReportSchema } from '../../../shared/plan.schemas.js';
import { QueryResult } from '../../components/query-result.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useSignedInUser } from '../session/session-context.js';
import { obligationsPath } from './obligation-filters.js';
import { PlanNotFound } from './plan-not-found.js';
import { planReportPath, type PlanReport, type PlanSummary } from './plans-api.js';
import { ReportScreen, type ReportTarget } from './report-screen.js';
import { usePlan } from './use-plan.js';

/** The user's own body's report on one measure for one period: written here, whether or not it exists yet. */
export function OwnReportPage() {
  const { planId = '', measure = '', periodLabel = '' } = useParams();
  const plan = usePlan(planId);
  return (
    <QueryResult query={plan}>
      {(found) => (found === null ? <PlanNotFound /> : <OwnReport plan={found} measure={Number(measure)} periodLabel={periodLabel} />)}
    </QueryResult>
  );
}

function OwnReport({ plan, measure, periodLabel }: { plan: PlanSummary; measure: number; periodLabel: string }) {
  const me = useSignedInUser();
  const owed = useApiQuery(obligationsPath(plan.id, { organization: me.organization.code, status: '', late: '' }), obligationListSchema);
  return (
    <QueryResult query={owed}>
      {(list) => {
        const obligation = list.items.find((item) => item.measure === measure && item.periodLabel === periodLabel);
        if (obligation === undefined) {
          return <ReportNotFound />;
        }
        return obligation.reportId === null ? (
          <ReportScreen plan={plan} target={obligation} initialReport={null} />
        ) : (
          <LoadedReport key={obligation.reportId} plan={plan} reportId={obligation.reportId} target={obligation} />
        );
      }}
    </QueryResult>
  );
}

function LoadedReport({ plan, reportId, target }: { plan: PlanSummary; reportId: string; target: ReportTarget }) {
  const report = useApiQuery(planReportPath(reportId), planReportSchema);
  return <QueryResult query={report}>{(found) => <ReportScreen plan={plan} target={target} initialReport={found} />}</QueryResult>;
}

/** Any report the user may read, by its id: the coordinating body opens other bodies' reports this way. */
export function ReportByIdPage() {
  const { reportId = '' } = useParams();
  const report = useApiQuery(planReportPath(reportId), planReportSchema);
  return (
    <QueryResult query={report}>
      {(found) => <ReportOfPlan key={found.id} planId={found.planId} report={found} />}
    </QueryResult>
  );
}

function ReportOfPlan({ planId, report }: { planId: string; report: PlanReport }) {
  const plan = usePlan(planId);
  return (
    <QueryResult query={plan}>
      {(found) => (found === null ? <PlanNotFound /> : <ReportScreen plan={found} target={report} initialReport={report} />)}
    </QueryResult>
  );
}

function ReportNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('planReport.notFoundDocumentTitle')}</title>
      <h1>{t('planReport.notFoundHeading')}</h1>
      <p>{t('planReport.notFoundBody')}</p>
    </>
  );
}

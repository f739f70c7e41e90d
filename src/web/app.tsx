import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PasswordChangePage } from './features/session/password-change-page.js';
import { RequirePermission, RequireSignIn } from './features/session/require-sign-in.js';
import { SessionProvider } from './features/session/session-provider.js';
import { SignInPage } from './features/session/sign-in-page.js';
import { AppShell } from './features/shell/app-shell.js';
import { NotFoundPage } from './features/shell/not-found-page.js';
import { lazyPage } from './features/shell/lazy-page.js';
import { StartPage } from './features/start-page/start-page.js';

// Each area of work is its own chunk, fetched when first opened: a hotline
// operator never downloads the action plan or the commission pages, and the
// first screen comes up sooner on a slow regional line.
const AuditPage = lazyPage(() => import('./features/audit/audit-page.js'), 'AuditPage');
const AnonymousNotificationPage = lazyPage(() => import('./features/cases/anonymous-notification-page.js'), 'AnonymousNotificationPage');
const CasePage = lazyPage(() => import('./features/cases/case-page.js'), 'CasePage');
const IncomingReferralsPage = lazyPage(() => import('./features/cases/incoming-referrals-page.js'), 'IncomingReferralsPage');
const IntakePage = lazyPage(() => import('./features/cases/intake-page.js'), 'IntakePage');
const WorklistsPage = lazyPage(() => import('./features/cases/worklists-page.js'), 'WorklistsPage');
const AddOrganizationPage = lazyPage(() => import('./features/organizations/add-organization-page.js'), 'AddOrganizationPage');
const OrganizationPage = lazyPage(() => import('./features/organizations/organization-page.js'), 'OrganizationPage');
const OrganizationsPage = lazyPage(() => import('./features/organizations/organizations-page.js'), 'OrganizationsPage');
const ImportPlanPage = lazyPage(() => import('./features/plans/import-plan-page.js'), 'ImportPlanPage');
const PlanPage = lazyPage(() => import('./features/plans/plan-page.js'), 'PlanPage');
const PlansPage = lazyPage(() => import('./features/plans/plans-page.js'), 'PlansPage');
const OwnReportPage = lazyPage(() => import('./features/plans/report-page.js'), 'OwnReportPage');
const ReportByIdPage = lazyPage(() => import('./features/plans/report-page.js'), 'ReportByIdPage');
const CommissionPage = lazyPage(() => import('./features/commission/commission-page.js'), 'CommissionPage');
const CommissionsPage = lazyPage(() => import('./features/commission/commissions-page.js'), 'CommissionsPage');
const MeetingPage = lazyPage(() => import('./features/commission/meeting-page.js'), 'MeetingPage');
const MyNoticesPage = lazyPage(() => import('./features/commission/my-notices-page.js'), 'MyNoticesPage');
const NewCommissionPage = lazyPage(() => import('./features/commission/new-commission-page.js'), 'NewCommissionPage');
const PublicCommissionsPage = lazyPage(() => import('./features/commission/public-commissions-page.js'), 'PublicCommissionsPage');
const ProceedingPage = lazyPage(() => import('./features/justice/proceeding-page.js'), 'ProceedingPage');
const ProceedingsPage = lazyPage(() => import('./features/justice/proceedings-page.js'), 'ProceedingsPage');
const RegisterProceedingPage = lazyPage(() => import('./features/justice/register-proceeding-page.js'), 'RegisterProceedingPage');
const AddUserPage = lazyPage(() => import('./features/users/add-user-page.js'), 'AddUserPage');
const UserPage = lazyPage(() => import('./features/users/user-page.js'), 'UserPage');
const UsersPage = lazyPage(() => import('./features/users/users-page.js'), 'UsersPage');

export interface AppProps {
  i18n: i18n;
}

export function App({ i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route element={<AppShell />}>
              <Route index element={<StartPage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="public/commissions" element={<PublicCommissionsPage />} />
              <Route element={<RequireSignIn />}>
                <Route path="account/password" element={<PasswordChangePage />} />
                <Route
                  path="admin/users"
                  element={
                    <RequirePermission permission="users.read">
                      <UsersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="admin/users/new"
                  element={
                    <RequirePermission permission="users.manage">
                      <AddUserPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="admin/users/:userId"
                  element={
                    <RequirePermission permission="users.read">
                      <UserPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="admin/organizations"
                  element={
                    <RequirePermission permission="organizations.manage">
                      <OrganizationsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="admin/organizations/new"
                  element={
                    <RequirePermission permission="organizations.manage">
                      <AddOrganizationPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="admin/organizations/:organizationId"
                  element={
                    <RequirePermission permission="organizations.manage">
                      <OrganizationPage />
                    </RequirePermission>
                  }
                />
                <Route path="plans" element={<PlansPage />} />
                <Route
                  path="plans/import"
                  element={
                    <RequirePermission permission="plans.manage">
                      <ImportPlanPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId"
                  element={
                    <RequirePermission permission="plan_reports.submit">
                      <PlanPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/reports/:measure/:periodLabel"
                  element={
                    <RequirePermission permission="plan_reports.submit">
                      <OwnReportPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="plan-reports/:reportId"
                  element={
                    <RequirePermission permission="plan_reports.submit">
                      <ReportByIdPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="commissions"
                  element={
                    <RequirePermission permission="commission.read">
                      <CommissionsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="commissions/new"
                  element={
                    <RequirePermission permission="commission.manage">
                      <NewCommissionPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="commissions/:commissionId"
                  element={
                    <RequirePermission permission="commission.read">
                      <CommissionPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="commissions/:commissionId/meetings/:number"
                  element={
                    <RequirePermission permission="commission.read">
                      <MeetingPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="commission-notices"
                  element={
                    <RequirePermission permission="commission.read">
                      <MyNoticesPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases"
                  element={
                    <RequirePermission permission="cases.read">
                      <WorklistsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/new"
                  element={
                    <RequirePermission permission="cases.intake">
                      <IntakePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/:caseId"
                  element={
                    <RequirePermission permission="cases.read">
                      <CasePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="referrals/incoming"
                  element={
                    <RequirePermission permission="cases.referrals.respond">
                      <IncomingReferralsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="notifications/new"
                  element={
                    <RequirePermission permission="cases.notify">
                      <AnonymousNotificationPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="proceedings"
                  element={
                    <RequirePermission permission="proceedings.read">
                      <ProceedingsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="proceedings/new"
                  element={
                    <RequirePermission permission="proceedings.manage">
                      <RegisterProceedingPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="proceedings/:proceedingId"
                  element={
                    <RequirePermission permission="proceedings.read">
                      <ProceedingPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequirePermission permission="audit.read">
                      <AuditPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nextProvider>
  );
}

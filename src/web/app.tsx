import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuditPage } from './features/audit/audit-page.js';
import { AnonymousNotificationPage } from './features/cases/anonymous-notification-page.js';
import { CasePage } from './features/cases/case-page.js';
import { IncomingReferralsPage } from './features/cases/incoming-referrals-page.js';
import { IntakePage } from './features/cases/intake-page.js';
import { WorklistsPage } from './features/cases/worklists-page.js';
import { RequirePermission, RequireSignIn } from './features/session/require-sign-in.js';
import { SessionProvider } from './features/session/session-provider.js';
import { SignInPage } from './features/session/sign-in-page.js';
import { AppShell } from './features/shell/app-shell.js';
import { AddOrganizationPage } from './features/organizations/add-organization-page.js';
import { OrganizationPage } from './features/organizations/organization-page.js';
import { OrganizationsPage } from './features/organizations/organizations-page.js';
import { ImportPlanPage } from './features/plans/import-plan-page.js';
import { PlanPage } from './features/plans/plan-page.js';
import { PlansPage } from './features/plans/plans-page.js';
import { OwnReportPage, ReportByIdPage } from './features/plans/report-page.js';
import { CommissionPage } from './features/commission/commission-page.js';
import { CommissionsPage } from './features/commission/commissions-page.js';
import { MeetingPage } from './features/commission/meeting-page.js';
import { MyNoticesPage } from './features/commission/my-notices-page.js';
import { NewCommissionPage } from './features/commission/new-commission-page.js';
import { PublicCommissionsPage } from './features/commission/public-commissions-page.js';
import { NotFoundPage } from './features/shell/not-found-page.js';
import { StartPage } from './features/start-page/start-page.js';
import { AddUserPage } from './features/users/add-user-page.js';
import { UserPage } from './features/users/user-page.js';
import { UsersPage } from './features/users/users-page.js';

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

import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import type { Permission } from '../../../shared/permissions.js';
import { can } from '../session/access.js';
import { PageSlot } from './lazy-page.js';
import { useSession } from '../session/session-context.js';
import { AccountStatus } from './account-status.js';
import { LanguageSwitcher } from './language-switcher.js';

export const mainContentId = 'main-content';

interface NavEntry {
  to: string;
  label: 'shell.navUsers' | 'shell.navOrganizations' | 'shell.navAudit' | 'shell.navPlans' | 'commission.nav' | 'shell.navCases' | 'shell.navIntake' | 'shell.navIncomingReferrals' | 'shell.navNotifications' | 'justice.nav';
  /** Shown when the roles grant any of these. */
  permissions: readonly Permission[];
}

// A page appears in the navigation only for roles the API lets use it.
const signedInEntries: readonly NavEntry[] = [
  { to: '/cases', label: 'shell.navCases', permissions: ['cases.read'] },
  { to: '/cases/new', label: 'shell.navIntake', permissions: ['cases.intake'] },
  { to: '/referrals/incoming', label: 'shell.navIncomingReferrals', permissions: ['cases.referrals.respond'] },
  { to: '/notifications/new', label: 'shell.navNotifications', permissions: ['cases.notify'] },
  { to: '/proceedings', label: 'justice.nav', permissions: ['proceedings.read'] },
  { to: '/plans', label: 'shell.navPlans', permissions: ['plan_reports.submit', 'plans.manage'] },
  { to: '/commissions', label: 'commission.nav', permissions: ['commission.read'] },
  { to: '/admin/users', label: 'shell.navUsers', permissions: ['users.read'] },
  { to: '/admin/organizations', label: 'shell.navOrganizations', permissions: ['organizations.manage'] },
  { to: '/audit', label: 'shell.navAudit', permissions: ['audit.read'] },
];

export function AppShell() {
  const { t } = useTranslation();
  const { state } = useSession();
  const entries = state.status === 'signed-in' ? signedInEntries.filter((entry) => entry.permissions.some((permission) => can(state.me.roles, permission))) : [];
  return (
    <>
      <a className="skip-link" href={`#${mainContentId}`}>
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <Link to="/" className="brand-name">
              {t('app.name')}
            </Link>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </p>
          <AccountStatus />
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t('shell.mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('shell.navStart')}
              </NavLink>
            </li>
            {entries.map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to}>{t(entry.label)}</NavLink>
              </li>
            ))}
            <li>
              {/* The server renders the API documentation; a router link would look for it in this app. */}
              <a href="/api/docs">{t('shell.navApiDocs')}</a>
            </li>
          </ul>
        </nav>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not only the scroll position. */}
      <main id={mainContentId} className="site-main" tabIndex={-1}>
        <PageSlot>
          <Outlet />
        </PageSlot>
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitcher } from './language-switcher.js';

export const mainContentId = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
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
          <nav className="site-nav" aria-label={t('shell.mainNavigation')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('shell.navStart')}
                </NavLink>
              </li>
              <li>
                {/* The server renders the API documentation; a router link would look for it in this app. */}
                <a href="/api/docs">{t('shell.navApiDocs')}</a>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not only the scroll position. */}
      <main id={mainContentId} className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}

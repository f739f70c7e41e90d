import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './features/shell/app-shell.js';
import { NotFoundPage } from './features/shell/not-found-page.js';
import { StartPage } from './features/start-page/start-page.js';

export interface AppProps {
  i18n: i18n;
}

export function App({ i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<StartPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nextProvider>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { setUpI18n } from './i18n/setup-i18n.js';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html lacks the #root element');
}

const root = createRoot(container);
void setUpI18n().then((i18n) => {
  root.render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
});

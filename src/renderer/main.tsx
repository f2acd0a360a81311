import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge } from './api/bridge';
import { createApi } from './api/client';
import { App } from './app/app';
import { createI18n, languageFromUrl } from './app/i18n';
import { AppProviders } from './app/providers';

const urlLanguage = languageFromUrl(window.location.search);
const { bridge, transfers } = resolveBridge();
const api = createApi(bridge);
const i18n = createI18n(urlLanguage ?? 'de');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders api={api} transfers={transfers} i18n={i18n}>
      <App urlLanguage={urlLanguage} />
    </AppProviders>
  </StrictMode>,
);

import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@core/i18n/index';
import type { AppState, Language } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../api/client';
import { StartScreen } from '../features/start/start-screen';
import { WhoAmIScreen } from '../features/who-am-i/who-am-i-screen';
import { errorText } from '../shared/errors';
import { notifyError } from '../shared/notify';
import { AppStateProvider } from '../shared/app-state';
import { Shell } from './shell';

function dropLangFromUrl() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('lang')) return;
  url.searchParams.delete('lang');
  window.history.replaceState(window.history.state, '', url);
}

/** Loads the app state and shows Start, Who-am-I or the shell, in the chosen language. */
export function App({ urlLanguage }: { urlLanguage: Language | null }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [override, setOverride] = useState<Language | null>(urlLanguage);
  const language: Language = override ?? state?.language ?? 'de';

  const load = useCallback(
    () =>
      api.invoke('app.state', {}).then((result) => {
        if (result.ok) {
          setState(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      }),
    [api],
  );

  useEffect(() => {
    void load();
    return api.on('database.changed', (payload) => setState(payload));
  }, [api, load]);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    // The full locale: form widgets that follow the page language then show de-DE / en-GB dates.
    document.documentElement.lang = LOCALES[language];
  }, [i18n, language]);

  const chooseLanguage = async (next: Language) => {
    setOverride(null);
    dropLangFromUrl();
    if (state) setState({ ...state, language: next });
    const result = await api.invoke('app.setLanguage', { language: next });
    if (result.ok) setState(result.value);
    else notifyError(errorText(t, result.error));
  };

  if (!state) {
    return (
      <Center mih="100dvh">
        {error ? (
          <Stack align="center">
            <Alert color="red">{errorText(t, error)}</Alert>
            <Button onClick={() => void load()}>{t('ui.common.retry')}</Button>
          </Stack>
        ) : (
          <Loader aria-label={t('ui.common.loading')} />
        )}
      </Center>
    );
  }
  return (
    <AppStateProvider value={{ state, setState }}>
      {!state.database ? (
        <StartScreen />
      ) : !state.user ? (
        <WhoAmIScreen />
      ) : (
        <Shell language={language} onLanguage={(next) => void chooseLanguage(next)} />
      )}
    </AppStateProvider>
  );
}

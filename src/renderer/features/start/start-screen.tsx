import { useState } from 'react';
import { Center, Container, NavLink, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useAppState } from '../../shared/app-state';
import { formatDateTime } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { PathCard } from './path-card';

type Mode = 'create' | 'open' | 'demo';

/** Sibling of the default file for demo data, so a real database is never overwritten. */
export function demoPathFor(defaultPath: string): string {
  const match = /^(.*[\\/])?([^\\/]*?)(\.[^.\\/]+)?$/.exec(defaultPath);
  return `${match?.[1] ?? ''}leadwerk-demo${match?.[3] ?? '.sqlite'}`;
}

/** First start: create, open or try a database; recent files one click away. */
export function StartScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state, setState } = useAppState();
  const [paths, setPaths] = useState<Record<Mode, string>>({
    create: state.defaultDatabasePath,
    open: state.recent[0]?.path ?? '',
    demo: demoPathFor(state.defaultDatabasePath),
  });
  const [errors, setErrors] = useState<Partial<Record<Mode, AppErrorData>>>({});
  const [busy, setBusy] = useState<Mode | null>(null);

  const run = async (mode: Mode, path = paths[mode]) => {
    setBusy(mode);
    const result =
      mode === 'create'
        ? await api.invoke('database.create', { path })
        : mode === 'open'
          ? await api.invoke('database.open', { path })
          : await api.invoke('database.openDemo', { path });
    setBusy(null);
    if (result.ok) setState(result.value);
    else setErrors((current) => ({ ...current, [mode]: result.error }));
  };

  const pick = (mode: 'create' | 'open') => async () => {
    const result = await api.invoke('database.pick', { purpose: mode });
    if (result.ok && result.value.path) setPaths((p) => ({ ...p, [mode]: result.value.path }));
    else if (!result.ok) setErrors((current) => ({ ...current, [mode]: result.error }));
  };

  const card = (mode: Mode) => ({
    path: paths[mode],
    onPathChange: (path: string) => setPaths((current) => ({ ...current, [mode]: path })),
    onSubmit: () => void run(mode),
    error: errors[mode] ?? null,
    busy: busy === mode,
  });

  return (
    <Center mih="100dvh" bg="gray.0" p="md">
      <Container size="lg" w="100%">
        <Stack gap="lg">
          <div>
            <Title order={1}>{t('ui.start.title')}</Title>
            <Text c="dimmed">{t('ui.start.subtitle')}</Text>
          </div>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <PathCard
              {...card('create')}
              title={t('ui.start.createTitle')}
              hint={t('ui.start.createHint')}
              action={t('ui.start.createButton')}
              onPick={state.canPickFiles ? () => void pick('create')() : undefined}
            />
            <PathCard
              {...card('open')}
              title={t('ui.start.openTitle')}
              hint={t('ui.start.openHint')}
              action={t('ui.start.openButton')}
              onPick={state.canPickFiles ? () => void pick('open')() : undefined}
            />
            <PathCard
              {...card('demo')}
              title={t('ui.start.demoTitle')}
              hint={t('ui.start.demoHint')}
              action={t('ui.start.demoButton')}
              variant="light"
            />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={3} size="h5" mb="xs">
              {t('ui.start.recentTitle')}
            </Title>
            {state.recent.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('ui.start.recentEmpty')}
              </Text>
            ) : (
              state.recent.map((file) => (
                <NavLink
                  key={file.path}
                  component="button"
                  label={file.fileName}
                  description={`${file.path} · ${t('ui.start.openedAt', {
                    date: formatDateTime(file.openedAt, language),
                  })}`}
                  onClick={() => {
                    setPaths((current) => ({ ...current, open: file.path }));
                    void run('open', file.path);
                  }}
                />
              ))
            )}
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}

import { Center, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../shared/app-state';
import { DamagedFileBanner } from '../../shared/damaged-file-banner';
import { UserPicker } from './user-picker';

/** Shown when a database is open but this machine has not said who is working. */
export function WhoAmIScreen() {
  const { t } = useTranslation();
  const { state } = useAppState();
  return (
    <Center mih="100dvh" bg="gray.0" p="md">
      <Paper withBorder radius="md" p="xl" w={460} maw="100%">
        <DamagedFileBanner />
        <Title order={2} size="h3">
          {t('ui.whoAmI.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('ui.whoAmI.subtitle', { file: state.database?.fileName ?? '' })}
        </Text>
        <UserPicker />
      </Paper>
    </Center>
  );
}

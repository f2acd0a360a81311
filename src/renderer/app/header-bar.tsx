import { useState } from 'react';
import {
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '@core/ipc/contract';
import { useApi } from '../api/client';
import { UserPicker } from '../features/who-am-i/user-picker';
import { errorText } from '../shared/errors';
import { notifyError } from '../shared/notify';
import { useAppState } from '../shared/app-state';

type Props = {
  language: Language;
  onLanguage: (language: Language) => void;
  navOpened: boolean;
  onToggleNav: () => void;
};

/** App name, open file, current user (switchable) and the DE/EN switch. */
export function HeaderBar({ language, onLanguage, navOpened, onToggleNav }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { state, setState } = useAppState();
  const [switching, setSwitching] = useState(false);

  const closeDatabase = async () => {
    const result = await api.invoke('database.close', {});
    if (result.ok) setState(result.value);
    else notifyError(errorText(t, result.error));
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('ui.header.toggleNav')}
        />
        <Title order={1} size="h4" c="indigo.7">
          {t('ui.appName')}
        </Title>
        {state.database && (
          <Tooltip label={state.database.path} withinPortal>
            <Text size="sm" c="dimmed" truncate maw={260} data-testid="database-name">
              {state.database.fileName}
            </Text>
          </Tooltip>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {state.user && (
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                leftSection={
                  <Avatar size={24} radius="xl" color="indigo">
                    {state.user.initials}
                  </Avatar>
                }
                aria-label={t('ui.header.userMenu', { name: state.user.name })}
              >
                {state.user.name}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setSwitching(true)}>{t('ui.header.switchUser')}</Menu.Item>
              <Menu.Item onClick={() => void closeDatabase()}>
                {t('ui.header.closeDatabase')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        <SegmentedControl
          size="xs"
          value={language}
          onChange={(value) => onLanguage(value === 'en' ? 'en' : 'de')}
          data={[
            { value: 'de', label: 'DE' },
            { value: 'en', label: 'EN' },
          ]}
          aria-label={t('ui.header.language')}
        />
      </Group>
      <Modal opened={switching} onClose={() => setSwitching(false)} title={t('ui.whoAmI.title')}>
        <UserPicker onDone={() => setSwitching(false)} />
      </Modal>
    </Group>
  );
}

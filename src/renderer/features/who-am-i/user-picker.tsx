import { useEffect, useState } from 'react';
import { Alert, Button, Divider, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useAppState } from '../../shared/app-state';
import { errorText, issuesByPath, issueText } from '../../shared/errors';

/** Pick a name from the file's users or add one; the choice is stored on this machine. */
export function UserPicker({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { state, setState } = useAppState();
  const [users, setUsers] = useState<User[] | null>(null);
  const [selected, setSelected] = useState<string | null>(state.user?.id ?? null);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    void api.invoke('users.list', {}).then((result) => {
      if (result.ok) setUsers(result.value);
      else setError(result.error);
    });
  }, [api]);

  const finish = (result: Awaited<ReturnType<typeof api.invoke<'users.select'>>>) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setState(result.value);
    onDone?.();
  };

  const nameIssue = issuesByPath(error?.issues).name;

  return (
    <Stack gap="md">
      {users && users.length > 0 ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (selected) void api.invoke('users.select', { id: selected }).then(finish);
          }}
        >
          <Radio.Group value={selected} onChange={setSelected} label={t('ui.whoAmI.pick')}>
            <Stack gap={6} mt="xs">
              {users.map((user) => (
                <Radio key={user.id} value={user.id} label={user.name} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" disabled={!selected}>
              {t('ui.whoAmI.continue')}
            </Button>
          </Group>
        </form>
      ) : (
        users && (
          <Text size="sm" c="dimmed">
            {t('ui.whoAmI.empty')}
          </Text>
        )
      )}
      {users && users.length > 0 && <Divider label={t('ui.whoAmI.or')} labelPosition="center" />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void api.invoke('users.create', { name }).then(finish);
        }}
      >
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={t('ui.whoAmI.newName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={issueText(t, nameIssue)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" mt={25}>
            {t('ui.whoAmI.add')}
          </Button>
        </Group>
      </form>
      {error && !nameIssue && <Alert color="red">{errorText(t, error)}</Alert>}
    </Stack>
  );
}

import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '@core/ipc/result';
import { errorText, issuesByPath, issueText } from '../../shared/errors';

type Props = {
  title: string;
  hint: string;
  action: string;
  path: string;
  onPathChange: (path: string) => void;
  onSubmit: () => void;
  onPick?: () => void;
  error: AppErrorData | null;
  busy: boolean;
  variant?: 'filled' | 'light';
};

/** One way to get a database: a path field, an optional "Choose…" and the action. */
export function PathCard(props: Props) {
  const { t } = useTranslation();
  const pathIssue = issuesByPath(props.error?.issues).path;
  const fieldError = issueText(t, pathIssue);
  return (
    <Paper withBorder radius="md" p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {props.title}
          </Title>
          <Text size="sm" c="dimmed">
            {props.hint}
          </Text>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('ui.start.path')}
              value={props.path}
              onChange={(event) => props.onPathChange(event.currentTarget.value)}
              error={fieldError}
              style={{ flex: 1 }}
              spellCheck={false}
            />
            {props.onPick && (
              <Button variant="default" onClick={props.onPick}>
                {t('ui.common.choose')}
              </Button>
            )}
          </Group>
          {props.error && !fieldError && <Alert color="red">{errorText(t, props.error)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={props.busy} variant={props.variant ?? 'filled'}>
              {props.action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

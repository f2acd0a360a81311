import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTENT_TYPES, type ContentItem, type ContentType } from '@core/scoring/index';
import { useHashQuery } from '../../shared/router';
import { errorText } from '../../shared/errors';
import { ContentEditor } from './content-editor';
import { useContentList } from './use-content-list';

function isContentType(value: string): value is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(value);
}

/** Topics as the team wrote them, once each regardless of case, sorted German-style. */
function distinctTopics(items: ContentItem[]): string[] {
  const byKey = new Map<string, string>();
  for (const item of items) {
    const topic = item.topic?.trim();
    if (topic && !byKey.has(topic.toLocaleLowerCase('de'))) {
      byKey.set(topic.toLocaleLowerCase('de'), topic);
    }
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'de'));
}

/** `#/content`: the content library with filters (kept in the hash) and the editor. */
export function ContentPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useHashQuery('/content');
  const typeParam = query.get('type') ?? '';
  const type = isContentType(typeParam) ? typeParam : null;
  const topic = query.get('topic') ?? '';
  const showArchived = query.get('archived') === '1';
  const { items, error, fetchItem } = useContentList(showArchived);
  const [editing, setEditing] = useState<ContentItem | 'new' | null>(null);

  const topics = useMemo(() => distinctTopics(items ?? []), [items]);
  const shown = useMemo(
    () =>
      (items ?? []).filter(
        (item) =>
          (type === null || item.type === type) &&
          (topic === '' || item.topic?.toLocaleLowerCase('de') === topic.toLocaleLowerCase('de')),
      ),
    [items, type, topic],
  );

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('contentPage.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('contentPage.subtitle')}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>{t('contentPage.new')}</Button>
      </Group>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          size="xs"
          w={200}
          label={t('contentPage.filters.type')}
          value={type ?? ''}
          data={[
            { value: '', label: t('contentPage.filters.allTypes') },
            ...CONTENT_TYPES.map((c) => ({ value: c, label: t(`contentTypes.${c}`) })),
          ]}
          onChange={(event) => setQuery({ type: event.currentTarget.value || null })}
        />
        <NativeSelect
          size="xs"
          w={200}
          label={t('contentPage.filters.topic')}
          value={topic}
          data={[
            { value: '', label: t('contentPage.filters.allTopics') },
            ...topics.map((name) => ({ value: name, label: name })),
            // A topic from the address that no item has (any more) stays selectable.
            ...(topic && !topics.includes(topic) ? [{ value: topic, label: topic }] : []),
          ]}
          onChange={(event) => setQuery({ topic: event.currentTarget.value || null })}
        />
        <Switch
          mb={6}
          label={t('contentPage.filters.showArchived')}
          checked={showArchived}
          onChange={(event) => setQuery({ archived: event.currentTarget.checked ? '1' : null })}
        />
      </Group>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      <Paper withBorder radius="md">
        {items && shown.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {t('contentPage.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('contentPage.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contentPage.fields.name')}</Table.Th>
                <Table.Th>{t('contentPage.fields.type')}</Table.Th>
                <Table.Th>{t('contentPage.fields.topic')}</Table.Th>
                <Table.Th>{t('contentPage.fields.phase')}</Table.Th>
                <Table.Th>{t('contentPage.fields.targetRole')}</Table.Th>
                <Table.Th>{t('contentPage.fields.url')}</Table.Th>
                <Table.Th>{t('contentPage.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setEditing(item)}
                      aria-label={t('contentPage.edit', { name: item.name })}
                      fw={600}
                      c="indigo.8"
                    >
                      {item.name}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{t(`contentTypes.${item.type}`)}</Table.Td>
                  <Table.Td>{item.topic ?? '–'}</Table.Td>
                  <Table.Td>{t(`buyingPhases.${item.phase}`)}</Table.Td>
                  <Table.Td>
                    {item.targetRole
                      ? t(`buyingRoles.${item.targetRole}`)
                      : t('contentPage.anyRole')}
                  </Table.Td>
                  <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                    {item.url ? (
                      <Anchor href={item.url} target="_blank" rel="noreferrer" size="sm">
                        {item.url}
                      </Anchor>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.archived ? (
                      <Badge color="gray" variant="light">
                        {t('contentPage.archivedBadge')}
                      </Badge>
                    ) : (
                      <Text size="sm">{t('contentPage.active')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Text size="sm" c="dimmed">
        {t('contentPage.count', { count: shown.length })}
      </Text>
      {editing !== null && (
        <ContentEditor
          key={editing === 'new' ? 'new' : editing.id}
          item={editing === 'new' ? null : editing}
          topics={topics}
          onClose={() => setEditing(null)}
          refetch={fetchItem}
        />
      )}
    </Stack>
  );
}

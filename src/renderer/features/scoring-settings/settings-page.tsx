import { useMemo } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from '@core/scoring/index';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';
import { checkDraft, draftIssuesOf } from './draft';
import { GatesSection, ThresholdsSection } from './model-sections';
import { PreviewPanel } from './preview-panel';
import { RulesSection } from './rules-section';
import { useScoringEditor, type ScoringState } from './use-scoring-editor';
import { useScoringPreview } from './use-scoring-preview';

const newRuleId = () => crypto.randomUUID();

function SavedBy({ state }: { state: ScoringState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (state.updatedAt === null) return <>{t('settingsPage.defaultsApply')}</>;
  const date = formatDateTime(state.updatedAt, language);
  return (
    <>
      {state.updatedByName
        ? t('settingsPage.lastSaved', { name: state.updatedByName, date })
        : t('settingsPage.lastSavedAnonymous', { date })}
    </>
  );
}

/**
 * `#/settings`: the team's scoring model (rules per axis, thresholds, decay, gates) with a
 * live preview of what saving the draft would do.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useScoringEditor();
  const { draft, loaded } = editor;
  const check = useMemo(() => (draft ? checkDraft(draft) : null), [draft]);
  const preview = useScoringPreview(check?.ok ? check.settings : null);
  const issues = useMemo(
    () => [
      ...(check && !check.ok ? check.issues : []),
      ...editor.serverIssues,
      ...draftIssuesOf(preview.error?.issues),
    ],
    [check, editor.serverIssues, preview.error],
  );
  const storedIds = useMemo(() => new Set(loaded?.settings.rules.map((rule) => rule.id)), [loaded]);

  if (!draft || !loaded) {
    return (
      <Center mih={240}>
        {editor.loadError ? (
          <Alert color="red">{errorText(t, editor.loadError)}</Alert>
        ) : (
          <Loader aria-label={t('ui.common.loading')} />
        )}
      </Center>
    );
  }

  const invalid = check !== null && !check.ok;
  const setRules = (rules: Rule[]) => editor.change((d) => ({ ...d, rules }));
  const save = async () => {
    const outcome = await editor.save();
    if (!outcome.ok) return;
    const { leads, changed, promoted } = outcome.recompute;
    notifySuccess(t('settingsPage.saved', { leads, changed, promoted }));
  };
  const failure = editor.failure;

  return (
    <Stack gap="md" maw={1500}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Box>
          <Text size="sm" c="dimmed">
            {t('settingsPage.title')}
          </Text>
          <Group gap="sm">
            <Title order={2}>{t('settingsPage.scoringTitle')}</Title>
            {editor.dirty && (
              <Badge color="orange" variant="light" data-testid="dirty">
                {t('settingsPage.dirty')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="saved-by">
            <SavedBy state={loaded} />
          </Text>
        </Box>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => {
              editor.resetToDefaults();
              notifySuccess(t('settingsPage.resetDone'));
            }}
          >
            {t('settingsPage.resetDefaults')}
          </Button>
          <Button variant="default" disabled={!editor.dirty} onClick={editor.discard}>
            {t('settingsPage.discard')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={editor.saving}
            disabled={!editor.dirty || invalid}
          >
            {t('ui.common.save')}
          </Button>
        </Group>
      </Group>
      {failure?.code === 'CONFLICT' && (
        <Alert color="orange" title={t('settingsPage.conflictTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('settingsPage.conflictText')}</Text>
            <Group gap="xs">
              <Button size="xs" color="orange" onClick={() => void editor.reloadTheirs()}>
                {t('settingsPage.reloadTheirs')}
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="orange"
                onClick={() => void editor.keepMine()}
              >
                {t('settingsPage.keepMine')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {failure && failure.code !== 'CONFLICT' && <Alert color="red">{errorText(t, failure)}</Alert>}
      {editor.remote && !failure && !editor.saving && (
        <Alert color="blue">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {t('settingsPage.remoteChanged', {
                name: editor.remote.updatedByName ?? t('settingsPage.someone'),
                date:
                  editor.remote.updatedAt === null
                    ? ''
                    : formatDateTime(editor.remote.updatedAt, language),
              })}
            </Text>
            <Button size="xs" variant="light" onClick={editor.discard}>
              {t('settingsPage.reloadTheirs')}
            </Button>
          </Group>
        </Alert>
      )}
      {invalid && <Alert color="red">{t('settingsPage.invalid')}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ThresholdsSection draft={draft} issues={issues} onChange={editor.change} />
            {(['fit', 'engagement'] as const).map((axis) => (
              <RulesSection
                key={axis}
                axis={axis}
                rules={draft.rules}
                issues={issues}
                isNew={(id) => !storedIds.has(id)}
                onChange={setRules}
                newId={newRuleId}
              />
            ))}
            <GatesSection draft={draft} issues={issues} onChange={editor.change} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Box pos="sticky" top={72}>
            <PreviewPanel
              preview={preview.preview}
              pending={preview.pending}
              invalid={invalid}
              error={preview.error}
            />
          </Box>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

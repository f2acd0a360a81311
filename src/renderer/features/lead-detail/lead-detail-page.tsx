import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { useAppState } from '../../shared/app-state';
import { navigate } from '../../shared/router';
import { errorText } from '../../shared/errors';
import { notifySuccess } from '../../shared/notify';
import { useLookups } from '../../shared/use-lookups';
import { useMoveLead } from '../../shared/moves/move-provider';
import { ActivityForm } from './activity-form';
import { ActivityTimeline } from './activity-timeline';
import { BantPanel } from './bant-panel';
import { DeleteLead } from './delete-lead';
import { emptyFormValues } from './form-state';
import { LeadForm } from './lead-form';
import { LeadHeader } from './lead-header';
import { ReadinessPanel } from './readiness-panel';
import { ScorePanel } from './score-panel';
import { StageHistory } from './stage-history';
import { useLeadDetail } from './use-lead-detail';
import { useLeadEditor } from './use-lead-editor';

/** Scrolled-to content stays clear of the app's fixed header. */
const SCROLL_MARGIN = 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))';

function goBack() {
  if (window.history.length > 1) window.history.back();
  else navigate('#/pipeline');
}

/** Lead detail (`#/leads/<id>`) or the empty form for a new lead (`#/leads/new`). */
export function LeadDetailPage({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { state } = useAppState();
  const { users, campaigns } = useLookups();
  const requestMove = useMoveLead();
  const { detail, error, reload, setDetail } = useLeadDetail(id);
  const editor = useLeadEditor(id, emptyFormValues(state.user?.id ?? null));
  const [shown, setShown] = useState<LeadDetail | null>(null);

  // Take newly loaded data into the form unless the user is typing (then Save will conflict).
  if (detail && detail !== shown) {
    setShown(detail);
    if (editor.version === null || (!editor.dirty && detail.lead.version !== editor.version)) {
      editor.adopt(detail, false);
    }
  }

  const save = async () => {
    const outcome = await editor.save();
    if (!outcome.ok) return;
    notifySuccess(t('ui.detail.saved'));
    if (!id) navigate(`#/leads/${outcome.detail.lead.id}`, { replace: true });
    else void reload();
  };

  const reloadAfterConflict = async () => {
    const fresh = await reload();
    if (fresh) editor.adopt(fresh, true);
    editor.clearFailure();
  };

  const move = async (to: Stage) => {
    if (!detail) return;
    const outcome = await requestMove(detail.lead, to);
    if (outcome === 'refused' || outcome === 'cancelled') return;
    const fresh = await reload();
    if (fresh) editor.adopt(fresh, true);
  };

  const failure = editor.failure;
  const hasFieldErrors = Object.keys(editor.errors).length > 0;
  // The Save button is at the bottom of a long form: bring a failed save's message into view.
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure !== null) failureRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  return (
    <Stack gap="md" maw={1400}>
      <LeadHeader lead={detail?.lead ?? null} onBack={goBack} onMove={(to) => void move(to)} />
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      {failure && (
        <Box ref={failureRef} style={{ scrollMarginTop: SCROLL_MARGIN }}>
          {failure.code === 'CONFLICT' ? (
            <Alert color="orange" title={t('ui.detail.conflictTitle')}>
              <Group justify="space-between" align="center">
                <span>{errorText(t, failure)}</span>
                <Button size="xs" color="orange" onClick={() => void reloadAfterConflict()}>
                  {t('ui.common.reload')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <Alert color="red">{errorText(t, failure)}</Alert>
          )}
        </Box>
      )}
      {!failure && hasFieldErrors && <Alert color="red">{t('errors.VALIDATION')}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: id ? 8 : 12 }}>
          {id && detail && (
            <Stack gap="md" mb="md">
              <ScorePanel score={detail.score} />
              <BantPanel
                key={detail.lead.id}
                leadId={id}
                detail={detail}
                onSaved={setDetail}
                onReload={reload}
              />
            </Stack>
          )}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <Stack gap="md">
              <LeadForm
                values={editor.values}
                errors={editor.errors}
                users={users}
                campaigns={campaigns}
                onChange={editor.change}
              />
              <Group justify="flex-end">
                {detail && id && (
                  <Box mr="auto">
                    <DeleteLead lead={detail.lead} onDeleted={goBack} />
                  </Box>
                )}
                <Button variant="default" onClick={goBack}>
                  {t('ui.common.cancel')}
                </Button>
                <Button type="submit" loading={editor.saving}>
                  {t('ui.common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        {id && detail && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <ReadinessPanel gates={detail.gates} />
              <Paper withBorder radius="md" p="md">
                <Title order={3} size="h5" mb="sm">
                  {t('ui.activity.title')}
                </Title>
                <ActivityForm leadId={id} onAdded={() => void reload()} />
                <Title order={4} size="h6" mt="md" mb="xs">
                  {t('ui.detail.activities')}
                </Title>
                <ActivityTimeline activities={detail.activities} />
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Title order={3} size="h5" mb="sm">
                  {t('ui.detail.history')}
                </Title>
                <StageHistory history={detail.history} />
              </Paper>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

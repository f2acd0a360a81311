import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { errorText } from '../../shared/errors';
import { fullName } from '../../shared/format';
import { notifySuccess } from '../../shared/notify';

type Props = {
  lead: Lead;
  /** Called after the lead was deleted, to leave its page. */
  onDeleted: () => void;
};

/**
 * "Lead löschen" with a confirmation that says what goes and, for a "do not contact" lead,
 * that the person stays on the suppression list. Deletes the version shown: if someone
 * changed the lead meanwhile, the conflict is shown and nothing is deleted.
 */
export function DeleteLead({ lead, onDeleted }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const name = fullName(lead);

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const confirm = async () => {
    setBusy(true);
    const result = await api.invoke('leads.delete', { id: lead.id, version: lead.version });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setOpen(false);
    notifySuccess(t('dnc.deleted', { name }));
    onDeleted();
  };

  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('dnc.delete')}
      </Button>
      <Modal opened={open} onClose={close} title={t('dnc.deleteTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('dnc.deleteText', { name })}</Text>
          {lead.doNotContact && (
            <Alert color="red" variant="light" data-testid="dnc-delete-note">
              {t('dnc.deleteSuppressed', { name })}
            </Alert>
          )}
          {failure && <Alert color="orange">{errorText(t, failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              {t('dnc.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

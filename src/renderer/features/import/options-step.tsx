import { useState } from 'react';
import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS, isSourceChannel } from '@core/domain/channels';
import { DUPLICATE_ACTIONS, type DuplicateAction } from '@core/import/types';
import { useLookups } from '../../shared/use-lookups';
import type { ImportWizard } from './use-import-wizard';

function isDuplicateAction(value: string): value is DuplicateAction {
  return (DUPLICATE_ACTIONS as readonly string[]).includes(value);
}

/** Whether a campaign of that name exists already (names compare without case). */
export function campaignExists(names: string[], name: string): boolean {
  const wanted = name.trim().toLocaleLowerCase('de');
  return names.some((candidate) => candidate.toLocaleLowerCase('de') === wanted);
}

type Props = { wizard: ImportWizard; onBack: () => void; onNext: () => void };

/** Step 3: source (required), campaign, owner, what to do with duplicates and faulty rows. */
export function OptionsStep({ wizard, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { users, campaigns } = useLookups();
  const [tried, setTried] = useState(false);
  const { options, setOptions } = wizard;
  const campaignNames = [...new Set(campaigns.map((campaign) => campaign.name))].sort((a, b) =>
    a.localeCompare(b, 'de'),
  );
  const campaign = options.campaignName.trim();
  const missingSource = options.sourceChannel === null;

  const next = () => {
    setTried(true);
    if (!missingSource) onNext();
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <div>
            <Title order={3} size="h5">
              {t('importUi.options.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('importUi.options.hint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <NativeSelect
              label={t('importUi.options.source')}
              description={t('importUi.options.sourceHint')}
              required
              value={options.sourceChannel ?? ''}
              error={tried && missingSource ? t('importUi.options.sourceRequired') : undefined}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setOptions({ sourceChannel: isSourceChannel(value) ? value : null });
              }}
              data={[
                { value: '', label: t('importUi.options.sourcePlaceholder'), disabled: true },
                ...SOURCE_CHANNELS.map((channel) => ({
                  value: channel,
                  label: t(`channels.${channel}`),
                })),
              ]}
            />
            <Autocomplete
              label={t('importUi.options.campaign')}
              description={
                campaign && !campaignExists(campaignNames, campaign)
                  ? t('importUi.options.campaignNew', { name: campaign })
                  : t('importUi.options.campaignHint')
              }
              value={options.campaignName}
              data={campaignNames}
              maxLength={100}
              onChange={(value) => setOptions({ campaignName: value })}
            />
            <NativeSelect
              label={t('importUi.options.owner')}
              description={t('importUi.options.ownerHint')}
              value={options.ownerId ?? ''}
              onChange={(event) => setOptions({ ownerId: event.currentTarget.value || null })}
              data={[
                { value: '', label: t('importUi.options.noOwner') },
                ...users.map((user) => ({ value: user.id, label: user.name })),
              ]}
            />
          </SimpleGrid>
          <Input.Wrapper
            label={t('importUi.options.duplicates')}
            description={t(`importUi.actionHints.${options.onDuplicate}`)}
            inputWrapperOrder={['label', 'input', 'description']}
          >
            <div>
              <SegmentedControl
                mt={4}
                mb={4}
                value={options.onDuplicate}
                onChange={(value) => {
                  if (isDuplicateAction(value)) setOptions({ onDuplicate: value });
                }}
                data={DUPLICATE_ACTIONS.map((action) => ({
                  value: action,
                  label: t(`importUi.actions.${action}`),
                }))}
              />
            </div>
          </Input.Wrapper>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('importUi.options.possibleHint')}
          </Text>
          <Checkbox
            label={t('importUi.options.skipInvalid')}
            description={t('importUi.options.skipInvalidHint')}
            checked={options.skipInvalid}
            onChange={(event) => setOptions({ skipInvalid: event.currentTarget.checked })}
          />
        </Stack>
      </Paper>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('ui.common.back')}
        </Button>
        <Button onClick={next}>{t('importUi.toPreview')}</Button>
      </Group>
    </Stack>
  );
}

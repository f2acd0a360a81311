import { useEffect, useState } from 'react';
import { Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS, isSourceChannel } from '@core/domain/channels';
import { STAGES, isStage } from '@core/domain/stages';
import type { User } from '@core/domain/lead';
import { TEMPERATURES } from '@core/scoring/score';
import { isTemperature, type LeadFilters } from './lead-filters';

type Props = {
  filters: LeadFilters;
  users: User[];
  onChange: (changes: Partial<LeadFilters>) => void;
  withStage?: boolean;
};

/**
 * Owner, source channel, optional stage, temperature, "score rose in 7 days", and a
 * debounced text search.
 */
export function FilterBar({ filters, users, onChange, withStage = false }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.search);
  const [seen, setSeen] = useState(filters.search);
  const commitSearch = useDebouncedCallback((value: string) => onChange({ search: value }), 300);
  // The hash may change from outside (reload, back button): follow it.
  if (filters.search !== seen) {
    setSeen(filters.search);
    setSearch(filters.search);
  }
  useEffect(() => () => commitSearch.cancel(), [commitSearch]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('ui.filters.search')}
        placeholder={t('ui.filters.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        type="search"
        w={240}
        size="xs"
      />
      <NativeSelect
        label={t('ui.filters.owner')}
        value={filters.ownerId ?? ''}
        onChange={(event) => onChange({ ownerId: event.currentTarget.value || null })}
        data={[
          { value: '', label: t('ui.filters.allOwners') },
          ...users.map((user) => ({ value: user.id, label: user.name })),
        ]}
        w={200}
        size="xs"
      />
      <NativeSelect
        label={t('ui.filters.channel')}
        value={filters.sourceChannel ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ sourceChannel: isSourceChannel(value) ? value : null });
        }}
        data={[
          { value: '', label: t('ui.filters.allChannels') },
          ...SOURCE_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`channels.${channel}`),
          })),
        ]}
        w={200}
        size="xs"
      />
      {withStage && (
        <NativeSelect
          label={t('ui.filters.stage')}
          value={filters.stage ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ stage: isStage(value) ? value : null });
          }}
          data={[
            { value: '', label: t('ui.filters.allStages') },
            ...STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) })),
          ]}
          w={170}
          size="xs"
        />
      )}
      <NativeSelect
        label={t('scoreUi.filters.temperature')}
        value={filters.temperature ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ temperature: isTemperature(value) ? value : null });
        }}
        data={[
          { value: '', label: t('scoreUi.filters.allTemperatures') },
          ...TEMPERATURES.map((temperature) => ({
            value: temperature,
            label: t(`scoring.temperatures.${temperature}`),
          })),
        ]}
        w={110}
        size="xs"
      />
      <Switch
        label={t('scoreUi.filters.scoreRose')}
        checked={filters.scoreRose}
        onChange={(event) => onChange({ scoreRose: event.currentTarget.checked })}
        size="xs"
        mb={6}
      />
    </Group>
  );
}

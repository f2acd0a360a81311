import { isSourceChannel, type SourceChannel } from '@core/domain/channels';
import { isStage, type Stage } from '@core/domain/stages';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import { TEMPERATURES, type Temperature } from '@core/scoring/score';

/** Filters of the board and the leads table, as kept in the hash query. */
export type LeadFilters = {
  ownerId: string | null;
  sourceChannel: SourceChannel | null;
  search: string;
  stage: Stage | null;
  temperature: Temperature | null;
  /** Only leads whose score rose over the last 7 days. */
  scoreRose: boolean;
};

export function isTemperature(value: string): value is Temperature {
  return (TEMPERATURES as readonly string[]).includes(value);
}

export function filtersFromQuery(query: URLSearchParams): LeadFilters {
  const channel = query.get('channel') ?? '';
  const stage = query.get('stage') ?? '';
  const temperature = query.get('temp') ?? '';
  return {
    ownerId: query.get('owner') || null,
    sourceChannel: isSourceChannel(channel) ? channel : null,
    search: query.get('q') ?? '',
    stage: isStage(stage) ? stage : null,
    temperature: isTemperature(temperature) ? temperature : null,
    scoreRose: query.get('rose') === '1',
  };
}

export function filtersToQuery(filters: Partial<LeadFilters>): Record<string, string | null> {
  const query: Record<string, string | null> = {};
  if ('ownerId' in filters) query.owner = filters.ownerId ?? null;
  if ('sourceChannel' in filters) query.channel = filters.sourceChannel ?? null;
  if ('search' in filters) query.q = filters.search || null;
  if ('stage' in filters) query.stage = filters.stage ?? null;
  if ('temperature' in filters) query.temp = filters.temperature ?? null;
  if ('scoreRose' in filters) query.rose = filters.scoreRose ? '1' : null;
  return query;
}

/** The contract's filter object; empty values are left out. */
export function toApiFilter(filters: LeadFilters, withStage: boolean): LeadFilter {
  const result: LeadFilter = {};
  if (filters.ownerId) result.ownerId = filters.ownerId;
  if (filters.sourceChannel) result.sourceChannel = filters.sourceChannel;
  if (filters.search.trim()) result.search = filters.search.trim();
  if (withStage && filters.stage) result.stage = filters.stage;
  if (filters.temperature) result.temperature = filters.temperature;
  if (filters.scoreRose) result.scoreRose = true;
  return result;
}

import { isSourceChannel, SOURCE_CHANNELS, type SourceChannel } from '@core/domain/channels';
import { ACTIVITY_KINDS, type ActivityKind, type BuyingRole } from '@core/domain/lead';
import { isStage, STAGES, type Stage } from '@core/domain/stages';
import { catalogs } from '@core/i18n';
import { UsageError } from './args';

/** Command-line spelling of a core key: kebab-case (`decision_maker` → `decision-maker`). */
const kebab = (key: string) => key.replace(/_/g, '-');

/** Core spelling of a command-line word: snake_case, lower case. */
const snake = (raw: string) => raw.trim().toLowerCase().replace(/-/g, '_');

/** The buying-centre roles `--role` accepts (`unknown` is what leaving it out means). */
const ROLES: readonly BuyingRole[] = ['decision_maker', 'influencer', 'user', 'assistant'];

/** `--role` values as the help lists them. */
export const ROLE_CHOICES = ROLES.map(kebab);

/** `--kind` values as the help lists them. */
export const KIND_CHOICES = ACTIVITY_KINDS.map(kebab);

/** Finds the key whose name in the German or English catalog is `wanted` (lower case). */
function byCatalogName<K extends string>(
  keys: readonly K[],
  names: (catalog: (typeof catalogs)['de']) => Record<K, string>,
  wanted: string,
): K | undefined {
  for (const catalog of Object.values(catalogs)) {
    const match = keys.find((key) => names(catalog)[key].toLowerCase() === wanted);
    if (match) return match;
  }
  return undefined;
}

/** Reads a stage by its key or its German or English name, ignoring case. */
export function parseStage(raw: string): Stage {
  const wanted = raw.trim().toLowerCase();
  if (isStage(wanted)) return wanted;
  const match = byCatalogName(STAGES, (c) => c.stages, wanted);
  if (match) return match;
  throw new UsageError('unknownStage', { value: raw, valid: STAGES.join(', ') });
}

/** Reads a source channel by its key (snake- or kebab-case) or its German or English name. */
export function parseSource(raw: string): SourceChannel {
  const wanted = raw.trim().toLowerCase();
  if (isSourceChannel(wanted)) return wanted;
  const key = snake(raw);
  if (isSourceChannel(key)) return key;
  const match = byCatalogName(SOURCE_CHANNELS, (c) => c.channels, wanted);
  if (match) return match;
  throw new UsageError('unknownSource', { value: raw, valid: SOURCE_CHANNELS.join(', ') });
}

/** Reads `--role` in kebab- or snake-case, or by its German or English name. */
export function parseRole(raw: string): BuyingRole {
  const wanted = snake(raw);
  const match =
    ROLES.find((role) => role === wanted) ??
    byCatalogName(ROLES, (c) => c.buyingRoles, raw.trim().toLowerCase());
  if (match) return match;
  throw new UsageError('unknownRole', { value: raw, valid: ROLE_CHOICES.join(', ') });
}

/** Reads `--kind` in kebab- or snake-case (`page-visit`), or by its German or English name. */
export function parseKind(raw: string): ActivityKind {
  const wanted = snake(raw);
  const match =
    ACTIVITY_KINDS.find((kind) => kind === wanted) ??
    byCatalogName(ACTIVITY_KINDS, (c) => c.activityKinds, raw.trim().toLowerCase());
  if (match) return match;
  throw new UsageError('unknownKind', { value: raw, valid: KIND_CHOICES.join(', ') });
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/i;

/** Whole minutes east of UTC of a zone suffix (`Z`, `+02:00`, `-0130`). */
function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}

/**
 * Reads `--at`: an ISO date (`2026-11-20`, the start of that day here) or date-time
 * (`2026-11-20T14:30`, local time unless it names a zone such as `Z` or `+01:00`). Days and
 * times that do not exist and instants after `now` (an activity is logged after the fact;
 * a minute of clock skew is allowed) are usage errors.
 */
export function parseAt(raw: string, now: number): number {
  const value = raw.trim();
  const match = DATE_TIME.exec(value);
  if (match === null) throw new UsageError('invalidDate', { value: raw });
  const part = (index: number) => Number(match[index] ?? '0');
  const [year, month, day, hour, minute, second] = [
    part(1),
    part(2),
    part(3),
    part(4),
    part(5),
    part(6),
  ];
  const millis = Number((match[7] ?? '').padEnd(3, '0'));
  const zone = match[8];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) throw new UsageError('invalidDate', { value: raw });
  const at =
    zone === undefined
      ? new Date(year, month - 1, day, hour, minute, second, millis).getTime()
      : Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes(zone) * 60_000;
  if (at > now + 60_000) throw new UsageError('futureDate', { value: raw });
  return at;
}

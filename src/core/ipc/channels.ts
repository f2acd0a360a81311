import { appNames } from './app/names';
import { boardNames } from './board/names';
import { contentNames } from './content/names';
import { databaseNames } from './database/names';
import { demoNames } from './demo/names';
import { exportNames } from './export/names';
import { filesNames } from './files/names';
import { importNames } from './import/names';
import { leadsNames } from './leads/names';
import { scoringNames } from './scoring/names';
import { usersNames } from './users/names';

/**
 * What a feature's `names.ts` declares: the domains it owns (the part of a name before the
 * dot; a domain belongs to one feature only), its channels and its events, all `domain.verb`.
 */
export type FeatureNames = {
  readonly domains: readonly string[];
  readonly channels: readonly string[];
  readonly events: readonly string[];
};

/**
 * The features of the IPC contract, keyed by the folder of their contract module
 * (`./<feature>/names.ts`, `./<feature>/schemas.ts`). Zod-free on purpose: the preload
 * imports this file to build its allow-lists and must not pull in runtime libraries.
 */
export const FEATURES = {
  app: appNames,
  database: databaseNames,
  users: usersNames,
  board: boardNames,
  leads: leadsNames,
  content: contentNames,
  scoring: scoringNames,
  files: filesNames,
  import: importNames,
  export: exportNames,
  demo: demoNames,
} as const satisfies Record<string, FeatureNames>;

export type Feature = keyof typeof FEATURES;

/** The channels of one feature. */
export type ChannelOf<F extends FeatureNames> = F['channels'][number];
/** The events of one feature. */
export type EventOf<F extends FeatureNames> = F['events'][number];

type AllFeatures = (typeof FEATURES)[Feature];

export type Channel = ChannelOf<AllFeatures>;
export type EventName = EventOf<AllFeatures>;

const features: readonly AllFeatures[] = Object.values(FEATURES);

/** Every channel; each has exactly one schema in `./schemas` and one handler in main. */
export const CHANNELS: readonly Channel[] = features.flatMap((feature) => feature.channels);

/** Pushed from main to every window. */
export const EVENTS: readonly EventName[] = features.flatMap((feature) => feature.events);

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'leadwerk';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}

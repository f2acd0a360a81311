/**
 * Channel and event names of the IPC contract. Zod-free on purpose: the preload imports
 * this file to build its allow-lists and must not pull in runtime libraries.
 * Every name here has exactly one schema in `./schemas`.
 */
export const CHANNELS = [
  'app.state',
  'app.setLanguage',
  'database.create',
  'database.open',
  'database.openDemo',
  'database.pick',
  'database.close',
  'users.list',
  'users.create',
  'users.select',
  'lookups.get',
  'board.load',
  'board.column',
  'leads.list',
  'leads.get',
  'leads.create',
  'leads.update',
  'leads.move',
  'activities.add',
  'bant.update',
  'content.list',
  'content.create',
  'content.update',
  'scoring.get',
  'scoring.preview',
  'scoring.save',
  'scoring.recompute',
  'leads.delete',
  'files.pick',
  'import.inspect',
  'import.start',
  'import.status',
  'import.cancel',
  'import.saveRejected',
  'mappings.list',
  'mappings.save',
  'mappings.delete',
  'imports.list',
  'imports.undo',
  'imports.resume',
  'imports.discard',
  'export.run',
  'demo.generate',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Pushed from main to every window. */
export const EVENTS = [
  'leads.changed',
  'database.changed',
  'scoring.changed',
  'content.changed',
  'import.progress',
  'imports.changed',
] as const;

export type EventName = (typeof EVENTS)[number];

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'leadwerk';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}

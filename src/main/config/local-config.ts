import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { languageSchema } from '@core/ipc/app/schemas';
import type { Language } from '@core/ipc/contract';
import {
  DEFAULT_LOCK_OPTIONS,
  withFileLock,
  writeFileAtomic,
  type LockOptions,
} from './atomic-file';

/** How many recently opened files are remembered. */
export const MAX_RECENT = 10;

const configSchema = z.object({
  language: languageSchema.nullable().catch(null),
  recent: z
    .array(z.object({ path: z.string(), openedAt: z.number() }))
    .catch([])
    .transform((list) => list.slice(0, MAX_RECENT)),
  userByDatabase: z.record(z.string(), z.string()).catch({}),
});

/**
 * Settings of this machine only, in `configDir/config.json`: language, recent files (most
 * recent first) and which user this machine is per database (keyed by absolute path).
 */
export type LocalConfig = {
  language: Language | null;
  recent: { path: string; openedAt: number }[];
  userByDatabase: Record<string, string>;
};

const EMPTY: LocalConfig = { language: null, recent: [], userByDatabase: {} };

/**
 * Reads and writes the local config; a missing or damaged file reads as empty. Several
 * instances (two windows' processes, the CLI, `web`) may share the folder: every read picks
 * up what another one wrote, and every change is applied to the file's current content
 * under a lock file and written atomically, so one instance's change never drops
 * another's (the user chosen for one database survives a change for another).
 */
export class LocalConfigStore {
  readonly file: string;
  readonly #lock: LockOptions;
  #config: LocalConfig = structuredClone(EMPTY);
  /** The text `#config` was parsed from; null: no file. */
  #text: string | null | undefined = undefined;

  constructor(configDir: string, lock: LockOptions = DEFAULT_LOCK_OPTIONS) {
    this.file = join(configDir, 'config.json');
    this.#lock = lock;
    this.#refresh();
  }

  static #parse(file: string, text: string): LocalConfig {
    try {
      const parsed = configSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a damaged file must not keep the app from starting
    }
    console.warn(`Leadwerk: ignoring unreadable config ${file}`);
    return structuredClone(EMPTY);
  }

  /**
   * Reads the file again; parses it only when its text changed. The file is small, and
   * comparing content (unlike times or inodes) cannot miss another instance's write.
   */
  #refresh(): void {
    let text: string | null;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      text = null;
    }
    if (text === this.#text) return;
    this.#config =
      text === null ? structuredClone(EMPTY) : LocalConfigStore.#parse(this.file, text);
    this.#text = text;
  }

  get(): LocalConfig {
    this.#refresh();
    return structuredClone(this.#config);
  }

  /**
   * Applies `change` to the file's current content and writes it back, all under the lock:
   * `change` must express the edit itself (set this key, put this file first), not a
   * snapshot taken earlier, so that edits of other instances in between are kept.
   */
  update(change: (config: LocalConfig) => void): LocalConfig {
    mkdirSync(dirname(this.file), { recursive: true });
    withFileLock(
      `${this.file}.lock`,
      () => {
        this.#refresh();
        const next = structuredClone(this.#config);
        change(next);
        next.recent = next.recent.slice(0, MAX_RECENT);
        const text = `${JSON.stringify(next, null, 2)}\n`;
        writeFileAtomic(this.file, text);
        this.#config = next;
        this.#text = text;
      },
      this.#lock,
    );
    return structuredClone(this.#config);
  }
}

/** Puts `path` at the top of the recent list. */
export function rememberRecent(config: LocalConfig, path: string, openedAt: number): void {
  config.recent = [{ path, openedAt }, ...config.recent.filter((r) => r.path !== path)].slice(
    0,
    MAX_RECENT,
  );
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { languageSchema } from '@core/ipc/schemas';
import type { Language } from '@core/ipc/contract';

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

/** Reads and writes the local config; a missing or damaged file reads as empty. */
export class LocalConfigStore {
  readonly file: string;
  #config: LocalConfig;

  constructor(configDir: string) {
    this.file = join(configDir, 'config.json');
    this.#config = LocalConfigStore.#read(this.file);
  }

  static #read(file: string): LocalConfig {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return structuredClone(EMPTY);
    }
    try {
      const parsed = configSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a damaged file must not keep the app from starting
    }
    console.warn(`Leadwerk: ignoring unreadable config ${file}`);
    return structuredClone(EMPTY);
  }

  get(): LocalConfig {
    return structuredClone(this.#config);
  }

  /** Applies `change` and writes the file atomically (temporary file, then rename). */
  update(change: (config: LocalConfig) => void): LocalConfig {
    const next = structuredClone(this.#config);
    change(next);
    next.recent = next.recent.slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    renameSync(temporary, this.file);
    this.#config = next;
    return this.get();
  }
}

/** Puts `path` at the top of the recent list. */
export function rememberRecent(config: LocalConfig, path: string, openedAt: number): void {
  config.recent = [{ path, openedAt }, ...config.recent.filter((r) => r.path !== path)].slice(
    0,
    MAX_RECENT,
  );
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-machine folder (recent files, who am I per database, language): `LEADWERK_HOME`
 * when set, else `~/.config/leadwerk`. The shared database file never lives in config.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LEADWERK_HOME?.trim();
  return fromEnv ? fromEnv : join(homedir(), '.config', 'leadwerk');
}

/** Where "create a new database" points by default: `leadwerk.sqlite` in the config folder. */
export function defaultDatabasePath(configDir: string = defaultConfigDir()): string {
  return join(configDir, 'leadwerk.sqlite');
}

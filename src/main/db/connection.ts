import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type Logger } from 'kysely';
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../ipc/errors';
import { ImmediateSqliteDialect } from './dialect';
import { checkDatabaseFile, type OpenMode } from './file-checks';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrate } from './migrator';
import { applyPragmas } from './pragmas';
import type { Database } from './schema';
import { sqliteAppError } from './sqlite-errors';

export type { OpenMode } from './file-checks';

/** An open, migrated database file. */
export type OpenDatabase = {
  /** Absolute path. */
  path: string;
  fileName: string;
  schemaVersion: number;
  /** Whether this call created the file (it did not exist or was empty). */
  created: boolean;
  db: Kysely<Database>;
  /** The underlying connection; for tests and diagnostics, not for queries. */
  raw: BetterSqlite3.Database;
  /** Aborted as soon as `close()` starts: background work stops at its next checkpoint. */
  closing: AbortSignal;
  /** Registers background work on this file; `close()` waits for it before closing. */
  track(work: Promise<unknown>): void;
  /** Stops background work (see `closing`), waits for it, then closes the connection. */
  close(): Promise<void>;
};

export type OpenOptions = {
  busyTimeoutMs: number;
  now: () => number;
  /** Kysely's query log of this connection: tests and benchmarks observe its transactions. */
  log?: Logger;
};

/**
 * Reads the schema version through a read-only connection, so a file from a newer Leadwerk
 * stays byte-identical, and refuses files that are not ours: too new, or an SQLite file of
 * another program (version 0 but tables in it).
 */
function inspectExisting(path: string, busyTimeoutMs: number): void {
  const file = basename(path);
  const probe = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    timeout: busyTimeoutMs,
  });
  try {
    const found = probe.pragma('user_version', { simple: true }) as number;
    if (found > LATEST_SCHEMA_VERSION) {
      throw new AppError('DB_TOO_NEW', 'errors.DB_TOO_NEW', {
        file,
        found,
        known: LATEST_SCHEMA_VERSION,
      });
    }
    if (found === 0) {
      const objects = probe
        .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`)
        .get() as { n: number };
      if (objects.n > 0) throw new AppError('DB_NOT_SQLITE', 'errors.DB_NOT_SQLITE', { file });
    }
  } finally {
    probe.close();
  }
}

/**
 * Opens (or creates) a Leadwerk database file: checks it before anything writes, sets and
 * verifies the pragmas, migrates it to {@link LATEST_SCHEMA_VERSION}. Failures a user can act
 * on are {@link AppError}s naming the file (DB_EXISTS, DB_NOT_FOUND, DB_NOT_SQLITE,
 * DB_READ_ONLY, DB_TOO_NEW, DB_LOCKED).
 */
export async function openDatabase(
  requestedPath: string,
  mode: OpenMode,
  options: OpenOptions,
): Promise<OpenDatabase> {
  const path = resolve(requestedPath);
  const fileName = basename(path);
  let raw: BetterSqlite3.Database | null = null;
  try {
    const { exists } = checkDatabaseFile(path, mode);
    if (exists && mode === 'open') inspectExisting(path, options.busyTimeoutMs);
    if (!exists) mkdirSync(dirname(path), { recursive: true });
    raw = new BetterSqlite3(path, {
      fileMustExist: mode === 'open',
      timeout: options.busyTimeoutMs,
    });
    applyPragmas(raw, options.busyTimeoutMs);
    const connection = raw;
    const dialect = new ImmediateSqliteDialect({ database: raw });
    const db = new Kysely<Database>(
      options.log === undefined ? { dialect } : { dialect, log: options.log },
    );
    const schemaVersion = await migrate(db, options.now);
    const closing = new AbortController();
    const background = new Set<Promise<unknown>>();
    return {
      path,
      fileName,
      schemaVersion,
      created: mode === 'create',
      db,
      raw: connection,
      closing: closing.signal,
      track(work) {
        const settled = work.then(
          () => undefined,
          () => undefined,
        );
        background.add(settled);
        void settled.then(() => background.delete(settled));
      },
      async close() {
        closing.abort();
        await Promise.all(background);
        await db.destroy();
      },
    };
  } catch (error) {
    raw?.close();
    throw sqliteAppError(error, fileName) ?? error;
  }
}

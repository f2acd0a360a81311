import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type Logger as QueryLogger } from 'kysely';
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../errors';
import { consoleLogger, type Logger } from '../log';
import { LeadwerkSqliteDialect, type ConnectionHandle } from './dialect';
import { checkDatabaseFile, type OpenMode } from './file-checks';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrate } from './migrator';
import { findFileSecret, SUPPRESSION_KEY } from './file-secrets';
import { applyPragmas } from './pragmas';
import type { Database } from './schema';
import { fileParams, sqliteAppError, sqliteCode } from './sqlite-errors';

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
  /** This file's key of the suppression list's HMAC hashes, read once on open. */
  suppressionKey: Buffer;
  /** The underlying connection; for tests and diagnostics, not for queries. */
  readonly raw: BetterSqlite3.Database;
  /**
   * Whether SQLite found the file damaged. From then on every write transaction is refused
   * with DB_CORRUPT and the file is read through a read-only connection.
   */
  readonly damaged: boolean;
  /**
   * Marks the file damaged: refuses writes at once, then (after any transaction running on
   * it) closes the writable connection and reopens the file read-only, so that SQLite itself
   * can neither write into it nor roll back or remove its journal. True for the call that
   * switched, false when the file was known to be damaged already.
   */
  markDamaged(): Promise<boolean>;
  /** Aborted when the file is marked damaged: background writers stop at their next checkpoint. */
  damagedSignal: AbortSignal;
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
  /** Where technical details go (a failed rollback); stderr unless given. */
  log?: Logger;
  /** Kysely's query log of this connection: tests and benchmarks observe its transactions. */
  queryLog?: QueryLogger;
};

/**
 * Refuses files that are not ours: too new, or an SQLite file of another program (version 0
 * but tables in it).
 */
function inspectSchema(connection: BetterSqlite3.Database, file: string): void {
  const found = connection.pragma('user_version', { simple: true }) as number;
  if (found > LATEST_SCHEMA_VERSION) {
    throw new AppError('DB_TOO_NEW', 'errors.DB_TOO_NEW', {
      file,
      found,
      known: LATEST_SCHEMA_VERSION,
    });
  }
  if (found === 0) {
    const objects = connection
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`)
      .get() as { n: number };
    if (objects.n > 0) throw new AppError('DB_NOT_SQLITE', 'errors.DB_NOT_SQLITE', { file });
  }
}

/**
 * Inspects an existing file through a read-only connection, so a file from a newer Leadwerk
 * stays byte-identical. Returns false when that is impossible because a crash left a hot
 * journal (SQLITE_READONLY_ROLLBACK: only a writable connection may roll it back): the
 * caller then inspects on its writable connection, whose first read restores the file.
 */
function inspectExisting(path: string, busyTimeoutMs: number): boolean {
  const probe = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    timeout: busyTimeoutMs,
  });
  try {
    inspectSchema(probe, basename(path));
    return true;
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_READONLY_ROLLBACK') return false;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * The {@link OpenDatabase} over a connection whose pragmas are set: migrates the file, then
 * keeps the handle, the damage state and the background work of the session.
 */
async function session(
  raw: BetterSqlite3.Database,
  path: string,
  mode: OpenMode,
  options: OpenOptions & { log: Logger },
): Promise<OpenDatabase> {
  const handle: ConnectionHandle = { raw };
  let damaged = false;
  const damage = new AbortController();
  let switched: Promise<void> | null = null;
  const db = new Kysely<Database>({
    dialect: new LeadwerkSqliteDialect({
      handle,
      log: options.log,
      beforeWrite: () => {
        if (damaged) throw new AppError('DB_CORRUPT', 'errors.DB_CORRUPT', fileParams(path));
      },
    }),
    ...(options.queryLog === undefined ? {} : { log: options.queryLog }),
  });
  const schemaVersion = await migrate(db, options.now);
  const suppressionKey = await findFileSecret(db, SUPPRESSION_KEY);
  if (suppressionKey === undefined) {
    // Migration 4 created it; a file without it was edited by hand or damaged.
    await db.destroy();
    throw new AppError('DB_CORRUPT', 'errors.DB_CORRUPT', fileParams(path));
  }
  const closing = new AbortController();
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    background.add(settled);
    void settled.then(() => background.delete(settled));
  };
  const reopenReadOnly = async () => {
    // Holding the connection: no transaction of this file runs while it is swapped.
    await db.connection().execute(async () => {
      if (closing.signal.aborted) return;
      const readOnly = new BetterSqlite3(path, {
        readonly: true,
        fileMustExist: true,
        timeout: options.busyTimeoutMs,
      });
      const writable = handle.raw;
      handle.raw = readOnly;
      writable.close();
    });
  };
  return {
    path,
    fileName: basename(path),
    schemaVersion,
    created: mode === 'create',
    db,
    suppressionKey,
    get raw() {
      return handle.raw;
    },
    get damaged() {
      return damaged;
    },
    async markDamaged() {
      if (switched !== null) {
        await switched;
        return false;
      }
      damaged = true;
      damage.abort();
      // Writes stay refused even if the read-only connection cannot be opened.
      switched = reopenReadOnly().catch((error: unknown) =>
        options.log(`could not reopen the damaged file ${path} read-only`, error),
      );
      track(switched);
      await switched;
      return true;
    },
    damagedSignal: damage.signal,
    closing: closing.signal,
    track,
    async close() {
      closing.abort();
      await Promise.all(background);
      await db.destroy();
    },
  };
}

/**
 * Opens (or creates) a Leadwerk database file: checks it before anything writes, sets and
 * verifies the pragmas, migrates it to {@link LATEST_SCHEMA_VERSION}. Failures a user can act
 * on are {@link AppError}s naming the file (DB_EXISTS, DB_NOT_FOUND, DB_NOT_SQLITE,
 * DB_READ_ONLY, DB_TOO_NEW, DB_LOCKED, DB_FULL, DB_IO, DB_UNREACHABLE, DB_CORRUPT).
 */
export async function openDatabase(
  requestedPath: string,
  mode: OpenMode,
  options: OpenOptions,
): Promise<OpenDatabase> {
  const path = resolve(requestedPath);
  const fileName = basename(path);
  const log = options.log ?? consoleLogger;
  let raw: BetterSqlite3.Database | null = null;
  try {
    const { exists } = checkDatabaseFile(path, mode);
    const inspected = exists && mode === 'open' && inspectExisting(path, options.busyTimeoutMs);
    if (!exists) mkdirSync(dirname(path), { recursive: true });
    raw = new BetterSqlite3(path, {
      fileMustExist: mode === 'open',
      timeout: options.busyTimeoutMs,
    });
    if (exists && mode === 'open' && !inspected) inspectSchema(raw, fileName);
    applyPragmas(raw, options.busyTimeoutMs);
    return await session(raw, path, mode, { ...options, log });
  } catch (error) {
    raw?.close();
    const mapped = sqliteAppError(error, path);
    // The user gets the message; SQLite's own words stay in the log.
    if (mapped !== null && mapped.code !== 'DB_LOCKED') log(`opening ${path} failed`, error);
    throw mapped ?? error;
  }
}

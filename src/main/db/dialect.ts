import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Logger } from '../log';

/**
 * The better-sqlite3 connection a Kysely instance runs on. `raw` may be replaced while the
 * instance lives (a damaged file is reopened read-only), so queries look it up each time.
 */
export type ConnectionHandle = { raw: BetterSqlite3.Database };

export type LeadwerkDialectOptions = {
  handle: ConnectionHandle;
  /** Runs before every transaction starts; throws to refuse it (a damaged file). */
  beforeWrite: () => void;
  /** Where a failed ROLLBACK is reported: it never replaces the error that caused it. */
  log: Logger;
};

/**
 * Kysely's SQLite driver, with three changes:
 * - transactions take the write lock up front (`BEGIN IMMEDIATE`), so a write waits (busy
 *   timeout) or fails before it has done anything, never half-way through a use case;
 * - ROLLBACK runs only while a transaction is active: after SQLITE_FULL, IOERR and the like
 *   SQLite has already rolled back by itself, and Kysely's ROLLBACK would then throw
 *   "cannot rollback - no transaction is active" in place of the real error;
 * - a ROLLBACK that fails anyway is logged, not thrown, for the same reason; the next
 *   transaction retries it before it begins.
 */
class LeadwerkSqliteDriver extends SqliteDriver {
  readonly #options: LeadwerkDialectOptions;

  constructor(config: SqliteDialectConfig, options: LeadwerkDialectOptions) {
    super(config);
    this.#options = options;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#options.beforeWrite();
    if (this.#options.handle.raw.inTransaction) await super.rollbackTransaction(connection);
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#options.handle.raw.inTransaction) return;
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      this.#options.log('ROLLBACK failed; reporting the error that caused it instead', error);
    }
  }
}

/** The Kysely dialect of every Leadwerk connection (see {@link LeadwerkSqliteDriver}). */
export class LeadwerkSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #options: LeadwerkDialectOptions;

  constructor(options: LeadwerkDialectOptions) {
    const { handle } = options;
    const database: SqliteDatabase = {
      prepare: (sql) => handle.raw.prepare(sql),
      close: () => handle.raw.close(),
    };
    const config: SqliteDialectConfig = { database };
    super(config);
    this.#config = config;
    this.#options = options;
  }

  override createDriver(): Driver {
    return new LeadwerkSqliteDriver(this.#config, this.#options);
  }
}

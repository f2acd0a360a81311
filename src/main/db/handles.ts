import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** A handle reads may run on: the connection, or a transaction when the read is part of one. */
export type ReadableDb = Kysely<Database>;

/**
 * A handle inside a write transaction (`BEGIN IMMEDIATE`), the only one write repositories
 * take. Kysely's `Transaction` carries an ECMAScript private field, so the plain connection
 * (`Kysely<Database>`) is not assignable to it: a write outside a transaction does not compile.
 */
export type WritableDb = Transaction<Database>;

import { m0001Initial } from './0001-initial';
import { m0002Scoring } from './0002-scoring';
import { m0003Import } from './0003-import';
import { m0004KeyedSuppression } from './0004-keyed-suppression';
import { m0005PossibleDuplicates } from './0005-possible-duplicates';
import { m0006ImportWarnings } from './0006-import-warnings';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002Scoring,
  m0003Import,
  m0004KeyedSuppression,
  m0005PossibleDuplicates,
  m0006ImportWarnings,
];

/**
 * The schema version this build of Leadwerk writes (its last migration's); a file with a
 * higher one is refused.
 */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

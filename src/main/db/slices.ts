/**
 * Values per statement (rows of a multi-row insert, items of an `IN` list): far below the
 * variable limits of SQLite and PostgreSQL.
 */
export const SLICE = 500;

/**
 * `items` in consecutive slices of at most `size` (the last one may be shorter; none for no
 * items), so that one statement or one transaction step handles one slice.
 */
export function slices<T>(items: readonly T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(items.slice(start, start + size));
  }
  return out;
}

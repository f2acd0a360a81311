import { applyMapping } from '@core/import/mapping';
import type { ImportField, ImportMapping } from '@core/import/types';

/** A mapping with exactly the file's headers as keys, fields taken from `source`. */
export function mappingForHeaders(
  headers: readonly string[],
  source: ImportMapping,
): ImportMapping {
  const fields = applyMapping(headers, source);
  return Object.fromEntries(headers.map((header, index) => [header, fields[index] ?? null]));
}

/** Fields already given to a column other than `header` (the select disables them). */
export function fieldsTakenElsewhere(mapping: ImportMapping, header: string): Set<ImportField> {
  const taken = new Set<ImportField>();
  for (const [other, field] of Object.entries(mapping)) {
    if (other !== header && field !== null) taken.add(field);
  }
  return taken;
}

export type MappingProblems = {
  /** Neither first and last name nor a full-name column is mapped. */
  noName: boolean;
  /** Fields more than one column is mapped to (only a loaded mapping can do that). */
  twice: { field: ImportField; columns: string[] }[];
};

/** What the mapping step warns about before the user goes on. */
export function mappingProblems(mapping: ImportMapping): MappingProblems {
  const columnsByField = new Map<ImportField, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== null) columnsByField.set(field, [...(columnsByField.get(field) ?? []), header]);
  }
  const has = (field: ImportField) => columnsByField.has(field);
  return {
    noName: !has('fullName') && !(has('firstName') && has('lastName')),
    twice: [...columnsByField.entries()]
      .filter(([, columns]) => columns.length > 1)
      .map(([field, columns]) => ({ field, columns })),
  };
}

/** Number of columns that will be imported. */
export function mappedCount(mapping: ImportMapping): number {
  return Object.values(mapping).filter((field) => field !== null).length;
}

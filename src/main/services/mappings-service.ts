import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '@core/import/types';
import type { ChannelOutput } from '@core/ipc/contract';
import { AppError } from '../errors';
import {
  deleteMappingRow,
  findMapping,
  findMappingByName,
  insertMapping,
  listMappingRows,
  updateMapping,
} from '../repositories/mappings-repository';
import { readDb, write, writeAsUser, type AppContext } from './context';

export type SavedMapping = ChannelOutput<'mappings.save'>;

const FIELDS: ReadonlySet<string> = new Set(IMPORT_FIELDS);

/**
 * A stored mapping as the contract describes it. Entries naming a field this version does
 * not know (saved by a newer Leadwerk on the same file) are left out rather than failing
 * the whole list.
 */
function parseMapping(json: string): ImportMapping {
  const mapping: ImportMapping = {};
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return mapping;
  }
  if (typeof stored !== 'object' || stored === null) return mapping;
  for (const [header, field] of Object.entries(stored)) {
    if (field === null) mapping[header] = null;
    else if (typeof field === 'string' && FIELDS.has(field)) mapping[header] = field as ImportField;
  }
  return mapping;
}

function toSavedMapping(row: {
  id: string;
  name: string;
  mapping: string;
  updated_at: number;
}): SavedMapping {
  return {
    id: row.id,
    name: row.name,
    mapping: parseMapping(row.mapping),
    updatedAt: row.updated_at,
  };
}

/** The saved mappings of the open file, by name. */
export async function listMappings(ctx: AppContext): Promise<SavedMapping[]> {
  return (await listMappingRows(readDb(ctx))).map(toSavedMapping);
}

/**
 * Saves a mapping under `name` as the current user. A mapping of that name (compared
 * without case) is replaced, taking the new spelling of the name.
 */
export async function saveMapping(
  ctx: AppContext,
  name: string,
  mapping: ImportMapping,
): Promise<SavedMapping> {
  const id = await writeAsUser(ctx, async (trx, userId) => {
    const now = ctx.now();
    const json = JSON.stringify(mapping);
    const existing = await findMappingByName(trx, name);
    if (existing !== undefined) {
      await updateMapping(trx, existing.id, {
        name,
        mapping: json,
        updated_at: now,
        updated_by: userId,
      });
      return existing.id;
    }
    const newId = ctx.newId();
    await insertMapping(trx, {
      id: newId,
      name,
      mapping: json,
      created_at: now,
      updated_at: now,
      updated_by: userId,
    });
    return newId;
  });
  const row = await findMapping(readDb(ctx), id);
  if (row === undefined) throw new AppError('NOT_FOUND');
  return toSavedMapping(row);
}

/** Deletes a saved mapping; NOT_FOUND when it is gone already. */
export async function deleteMapping(ctx: AppContext, id: string): Promise<Record<string, never>> {
  const deleted = await write(ctx, (trx) => deleteMappingRow(trx, id));
  if (!deleted) throw new AppError('NOT_FOUND');
  return {};
}

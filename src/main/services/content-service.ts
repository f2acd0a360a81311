import type { Transaction } from 'kysely';
import type { ChannelParsedInput } from '@core/ipc/contract';
import type { ContentItem } from '@core/scoring';
import type { Database } from '../db/schema';
import { AppError, validationError } from '../errors';
import {
  findContent,
  findContentByName,
  insertContent,
  leadIdsUsingContent,
  listContent,
  updateContentVersioned,
} from '../repositories/content-repository';
import { emit, emitLeadsChanged, readDb, writeAsUser, type AppContext } from './context';
import { toContentItem } from '../domain/mappers';
import { rescoreLeads } from './scoring-service';

export type ContentFields = ChannelParsedInput<'content.create'>['fields'];

/** The content library by name; archived items only when asked for. */
export async function contentList(
  ctx: AppContext,
  includeArchived: boolean,
): Promise<ContentItem[]> {
  return (await listContent(readDb(ctx), includeArchived)).map(toContentItem);
}

/** Names are unique without regard to case; a taken one is a field error on the name. */
async function checkNameFree(
  trx: Transaction<Database>,
  name: string,
  ownId: string | null,
): Promise<void> {
  const existing = await findContentByName(trx, name);
  if (existing !== undefined && existing.id !== ownId) {
    throw validationError([{ path: ['fields', 'name'], key: 'validation.duplicate' }]);
  }
}

function columns(fields: ContentFields) {
  return {
    name: fields.name,
    type: fields.type,
    topic: fields.topic,
    phase: fields.phase,
    target_role: fields.targetRole,
    url: fields.url,
    archived: fields.archived ? 1 : 0,
  };
}

async function loadItem(ctx: AppContext, id: string): Promise<ContentItem> {
  const row = await findContent(readDb(ctx), id);
  if (row === undefined) throw new AppError('NOT_FOUND');
  return toContentItem(row);
}

/** Adds an item to the library as the current user. */
export async function createContent(ctx: AppContext, fields: ContentFields): Promise<ContentItem> {
  const id = ctx.newId();
  await writeAsUser(ctx, async (trx, userId) => {
    await checkNameFree(trx, fields.name, null);
    const now = ctx.now();
    await insertContent(trx, {
      id,
      ...columns(fields),
      created_at: now,
      created_by: userId,
      updated_at: now,
      updated_by: userId,
    });
  });
  emit(ctx, 'content.changed', {});
  return loadItem(ctx, id);
}

/**
 * Saves an edited item if it still has `version` (else CONFLICT). Its type and topic count
 * in the score of every lead that used it, so those leads are rescored with it.
 */
export async function updateContent(
  ctx: AppContext,
  id: string,
  version: number,
  fields: ContentFields,
): Promise<ContentItem> {
  const rescored = await writeAsUser(ctx, async (trx, userId) => {
    if ((await findContent(trx, id)) === undefined) throw new AppError('NOT_FOUND');
    await checkNameFree(trx, fields.name, id);
    const saved = await updateContentVersioned(trx, id, version, {
      ...columns(fields),
      updated_at: ctx.now(),
      updated_by: userId,
    });
    if (!saved) throw new AppError('CONFLICT');
    const leadIds = await leadIdsUsingContent(trx, id);
    await rescoreLeads(trx, ctx, leadIds);
    return leadIds;
  });
  emit(ctx, 'content.changed', {});
  if (rescored.length > 0) emitLeadsChanged(ctx, rescored);
  return loadItem(ctx, id);
}

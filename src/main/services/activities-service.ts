import type { Activity, ActivityKind } from '@core/domain/lead';
import { toActivity } from '../domain/mappers';
import { AppError, validationError } from '../errors';
import { findContent } from '../repositories/content-repository';
import { findActivity, insertActivity } from '../repositories/history-repository';
import { findLeadRow } from '../repositories/leads-repository';
import { emitLeadsChanged, readDb, writeAsUser, type AppContext } from './context';
import { rescoreLeads } from './scoring-service';

export type ActivityRequest = {
  leadId: string;
  kind: ActivityKind;
  occurredAt: number;
  text: string;
  contentId: string | null;
  topic: string | null;
  url: string | null;
};

/**
 * Logs an activity on a lead's timeline by the current user — a sales contact or tracked
 * behaviour, possibly on a content item of the library — and rescores the lead at once.
 */
export async function addActivity(ctx: AppContext, input: ActivityRequest): Promise<Activity> {
  const id = ctx.newId();
  await writeAsUser(ctx, async (trx, userId) => {
    if ((await findLeadRow(trx, input.leadId)) === undefined) throw new AppError('NOT_FOUND');
    if (input.contentId !== null && (await findContent(trx, input.contentId)) === undefined) {
      throw validationError([{ path: ['contentId'], key: 'validation.invalid' }]);
    }
    await insertActivity(trx, {
      id,
      lead_id: input.leadId,
      kind: input.kind,
      occurred_at: input.occurredAt,
      text: input.text,
      content_id: input.contentId,
      topic: input.topic,
      url: input.url,
      created_at: ctx.now(),
      created_by: userId,
    });
    await rescoreLeads(trx, ctx, [input.leadId]);
  });
  emitLeadsChanged(ctx, [input.leadId]);
  const row = await findActivity(readDb(ctx), id);
  if (row === undefined) throw new AppError('NOT_FOUND');
  return toActivity(row);
}

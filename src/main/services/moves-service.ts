import type { Activity, ActivityKind, LeadSummary } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { checkMove } from '@core/domain/transitions';
import type { LeadsTable } from '../db/schema';
import type { Updateable } from 'kysely';
import { AppError } from '../ipc/errors';
import {
  findActivity,
  insertActivity,
  insertStageChange,
} from '../repositories/history-repository';
import { findLeadRow, updateLeadVersioned } from '../repositories/leads-repository';
import { findLeadSummary } from '../repositories/lead-summaries-repository';
import { emitLeadsChanged, readDb, writeAsUser, type AppContext } from './context';
import { toActivity, toLeadSummary } from './mappers';

export type MoveRequest = {
  id: string;
  version: number;
  to: Stage;
  reason?: string | null | undefined;
  dealValueCents?: number | null | undefined;
};

/**
 * Moves a lead to another stage if the transition rules allow it (else MOVE_REFUSED with the
 * refusal's text) and nobody changed it meanwhile (else CONFLICT). Records the change with
 * time, user and reason; a move to Customer stores the deal value.
 */
export async function moveLead(ctx: AppContext, request: MoveRequest): Promise<LeadSummary> {
  await writeAsUser(ctx, async (trx, userId) => {
    const row = await findLeadRow(trx, request.id);
    if (row === undefined) throw new AppError('NOT_FOUND');
    // A stale card may show another stage than the file: judge the move only on fresh data.
    if (row.version !== request.version) throw new AppError('CONFLICT');
    const from = row.stage as Stage;
    const check = checkMove(from, request.to, {
      reason: request.reason ?? null,
      dealValueCents: request.dealValueCents ?? null,
    });
    if (!check.ok) {
      const { code, ...params } = check.refusal;
      throw new AppError('MOVE_REFUSED', `refusal.${code}`, params);
    }
    const now = ctx.now();
    const patch: Updateable<LeadsTable> = {
      stage: request.to,
      stage_entered_at: now,
      updated_at: now,
      updated_by: userId,
    };
    if (request.to === 'customer') patch.deal_value_cents = check.dealValueCents;
    if (!(await updateLeadVersioned(trx, request.id, request.version, patch))) {
      throw new AppError('CONFLICT');
    }
    await insertStageChange(trx, {
      id: ctx.newId(),
      lead_id: request.id,
      from_stage: from,
      to_stage: request.to,
      reason: check.reason,
      origin: 'user',
      changed_at: now,
      changed_by: userId,
    });
  });
  emitLeadsChanged(ctx, [request.id]);
  return toLeadSummary(await findLeadSummary(readDb(ctx), request.id));
}

/** Logs a call, meeting, email or note on a lead's timeline, by the current user. */
export async function addActivity(
  ctx: AppContext,
  input: { leadId: string; kind: ActivityKind; occurredAt: number; text: string },
): Promise<Activity> {
  const id = ctx.newId();
  await writeAsUser(ctx, async (trx, userId) => {
    if ((await findLeadRow(trx, input.leadId)) === undefined) throw new AppError('NOT_FOUND');
    await insertActivity(trx, {
      id,
      lead_id: input.leadId,
      kind: input.kind,
      occurred_at: input.occurredAt,
      text: input.text,
      created_at: ctx.now(),
      created_by: userId,
    });
  });
  emitLeadsChanged(ctx, [input.leadId]);
  const row = await findActivity(readDb(ctx), id);
  if (row === undefined) throw new AppError('NOT_FOUND');
  return toActivity(row);
}

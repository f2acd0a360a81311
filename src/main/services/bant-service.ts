import type { LeadDetail } from '@core/domain/lead';
import type { ChannelParsedInput } from '@core/ipc/contract';
import { AppError } from '../errors';
import { insertBant, updateBantVersioned } from '../repositories/bant-repository';
import { findLeadRow } from '../repositories/leads-repository';
import { emitLeadsChanged, writeAsUser, type AppContext } from './context';
import { getLead } from './leads-service';
import { rescoreLeads } from './scoring-service';

export type BantInput = ChannelParsedInput<'bant.update'>['bant'];

/** The stored columns of a BANT answer; amounts the budget status does not use are cleared. */
function bantColumns(input: BantInput) {
  const amount = input.budgetStatus === 'amount' || input.budgetStatus === 'range';
  return {
    budget_status: input.budgetStatus,
    budget_cents: amount ? input.budgetCents : null,
    budget_max_cents: input.budgetStatus === 'range' ? input.budgetMaxCents : null,
    authority: input.authority,
    decider_name: input.deciderName,
    need: input.need,
    need_text: input.needText,
    timing: input.timing,
  };
}

/**
 * Saves a lead's BANT as the current user. `version` 0 means the editor saw no BANT yet:
 * the row is inserted, and if someone saved one meanwhile that is a CONFLICT, as is a stale
 * version of an existing row. BANT changes the temperature, so the lead is rescored.
 */
export async function updateBant(
  ctx: AppContext,
  leadId: string,
  version: number,
  input: BantInput,
): Promise<LeadDetail> {
  await writeAsUser(ctx, async (trx, userId) => {
    if ((await findLeadRow(trx, leadId)) === undefined) throw new AppError('NOT_FOUND');
    const row = { ...bantColumns(input), updated_at: ctx.now(), updated_by: userId };
    const saved =
      version === 0
        ? await insertBant(trx, { lead_id: leadId, ...row })
        : await updateBantVersioned(trx, leadId, version, row);
    if (!saved) throw new AppError('CONFLICT');
    await rescoreLeads(trx, ctx, [leadId]);
  });
  emitLeadsChanged(ctx, [leadId]);
  return getLead(ctx, leadId);
}

import type { Transaction, Updateable } from 'kysely';
import type { LeadSummary } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { checkMove } from '@core/domain/transitions';
import { translate } from '@core/i18n';
import { checkGates, type GateCheck, type ScoringSettings } from '@core/scoring';
import type { Database, LeadsTable } from '../db/schema';
import { AppError } from '../errors';
import { insertStageChange } from '../repositories/history-repository';
import { findLeadRow, updateLeadVersioned } from '../repositories/leads-repository';
import { findLeadSummary } from '../repositories/lead-summaries-repository';
import { emitLeadsChanged, languageOf, readDb, writeAsUser, type AppContext } from './context';
import { handoverFacts, scoreLead } from '../domain/lead-scoring';
import { toBant, toLeadSummary } from '../domain/mappers';
import { loadScoringSettings } from '../domain/scoring-settings';
import { rescoreLeads } from './scoring-service';

export type MoveRequest = {
  id: string;
  version: number;
  to: Stage;
  reason?: string | null | undefined;
  dealValueCents?: number | null | undefined;
};

/**
 * Refuses a move the stage gates block, naming exactly what is missing in the user's
 * language: the handover criteria for SAL, the BANT elements for SQL, or both.
 */
function refuseGates(ctx: AppContext, gates: GateCheck): void {
  const language = languageOf(ctx);
  const handover = gates.handover
    .map((criterion) => translate(language, `scoring.handover.${criterion}`))
    .join(', ');
  const bant = gates.bant
    .map((element) => translate(language, `scoring.bant.${element}`))
    .join(', ');
  if (handover !== '' && bant !== '') {
    throw new AppError('MOVE_REFUSED', 'refusal.gates_incomplete', { handover, bant });
  }
  if (handover !== '') {
    throw new AppError('MOVE_REFUSED', 'refusal.handover_incomplete', { missing: handover });
  }
  if (bant !== '') throw new AppError('MOVE_REFUSED', 'refusal.bant_incomplete', { missing: bant });
}

/** Checks the SLA's stage gates for a move the transition rules allow. */
async function checkStageGates(
  trx: Transaction<Database>,
  ctx: AppContext,
  settings: ScoringSettings,
  move: { id: string; from: Stage; to: Stage },
): Promise<void> {
  const scored = await scoreLead(trx, settings, move.id, ctx.now());
  if (scored === undefined) throw new AppError('NOT_FOUND');
  const facts = handoverFacts(scored);
  refuseGates(ctx, checkGates(move.from, move.to, facts, toBant(scored.row), settings));
}

/**
 * Moves a lead to another stage if the transition rules and the stage gates allow it (else
 * MOVE_REFUSED with the refusal's text) and nobody changed it meanwhile (else CONFLICT).
 * Records the change with time, user and reason; a move to Customer stores the deal value.
 * The lead is rescored afterwards, so scoring may promote a lead moved to Lead right away.
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
    const settings = await loadScoringSettings(trx);
    await checkStageGates(trx, ctx, settings, { id: request.id, from, to: request.to });
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
    await rescoreLeads(trx, ctx, [request.id], settings);
  });
  emitLeadsChanged(ctx, [request.id]);
  return toLeadSummary(await findLeadSummary(readDb(ctx), request.id));
}

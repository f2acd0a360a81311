import type { Transaction } from 'kysely';
import type { ChannelOutput } from '@core/ipc/contract';
import {
  createPreviewAccumulator,
  createScorer,
  type ScoringPreview,
  type ScoringSettings,
} from '@core/scoring';
import type { OpenDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import {
  activitiesByLead,
  evaluateLeads,
  rescoreLeadsAt,
  SCORE_STALE_MS,
  storeEvaluations,
} from '../domain/lead-scoring';
import {
  loadScoringSettings,
  readScoringState,
  SCORING_KEY,
  type ScoringState,
} from '../domain/scoring-settings';
import { AppError } from '../errors';
import {
  scoringActivityRows,
  scoringFreshness,
  scoringLeadRows,
  type ScoringLeadRow,
} from '../repositories/scoring-repository';
import { findSetting, upsertSetting } from '../repositories/settings-repository';
import {
  emit,
  emitLeadsChanged,
  languageOf,
  readDb,
  requireSession,
  writeAsUser,
  writeTo,
  type AppContext,
} from './context';
import { noteDatabaseFailure } from './database-health';

export type RecomputeResult = ChannelOutput<'scoring.recompute'>;

/** Leads per recompute step: each step is one short write transaction. */
export const RECOMPUTE_CHUNK = 2000;

/** How often an open file is checked for scores gone stale by decay. */
const FRESHNESS_CHECK_MS = 60 * 60 * 1000;

/** The model with who saved it last and when (`updatedAt: null`: the defaults apply). */
export async function getScoring(ctx: AppContext): Promise<ScoringState> {
  return readScoringState(readDb(ctx));
}

type Queue = { tail: Promise<void>; active: number };

/** Recomputes per open file, run one after the other. */
const queues = new WeakMap<OpenDatabase, Queue>();

/**
 * Runs `work` after every recompute queued on this file before it, so two never interleave
 * (a save's recompute waits for a background one and then wins). Closing the file waits
 * for the queue; the work stops early by watching `session.closing`.
 */
function exclusive<T>(session: OpenDatabase, work: () => Promise<T>): Promise<T> {
  let queue = queues.get(session);
  if (queue === undefined) {
    queue = { tail: Promise.resolve(), active: 0 };
    queues.set(session, queue);
  }
  const current = queue;
  current.active += 1;
  const result = current.tail.then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  current.tail = settled.then(() => {
    current.active -= 1;
  });
  session.track(current.tail);
  return result;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rescores every lead of `session` in chunks by primary key, each chunk in its own write
 * transaction followed by a turn of the event loop, so other requests (and other machines)
 * get the file in between. Stops between chunks when the file is being closed.
 */
async function recomputeOn(ctx: AppContext, session: OpenDatabase): Promise<RecomputeResult> {
  const settings = await loadScoringSettings(session.db);
  const scorer = createScorer(settings);
  const clock = {
    now: ctx.now(),
    newId: ctx.newId,
    language: languageOf(ctx),
    mqlThreshold: settings.thresholds.mql,
  };
  const total: RecomputeResult = { leads: 0, changed: 0, promoted: 0 };
  let afterId: string | null = null;
  while (!session.closing.aborted) {
    const from: string | null = afterId;
    const rows = await writeTo(session, async (trx) => {
      const page = await scoringLeadRows(trx, {
        kind: 'page',
        afterId: from,
        limit: RECOMPUTE_CHUNK,
      });
      const first = page[0];
      const last = page.at(-1);
      if (first === undefined || last === undefined) return page;
      const activities = activitiesByLead(
        await scoringActivityRows(trx, { kind: 'range', firstId: first.id, lastId: last.id }),
      );
      const evaluations = await evaluateLeads(trx, scorer, page, activities, clock.now);
      const outcome = await storeEvaluations(trx, page, evaluations, clock);
      total.changed += outcome.changed;
      total.promoted += outcome.promoted.length;
      return page;
    });
    total.leads += rows.length;
    afterId = rows.at(-1)?.id ?? null;
    if (rows.length < RECOMPUTE_CHUNK) break;
    await yieldToEventLoop();
  }
  return total;
}

/**
 * Rescores every lead of a file that is not (yet) the open one, such as a demo file right
 * after seeding; queued like every recompute. No events: no window shows the file yet.
 */
export function recomputeFile(ctx: AppContext, session: OpenDatabase): Promise<RecomputeResult> {
  return exclusive(session, () => recomputeOn(ctx, session));
}

/**
 * Rescores every lead with the stored model at `ctx.now()`: stores changed scores (never
 * bumping a lead's version), promotes leads that reached the MQL threshold, and tells the
 * windows when anything changed. Runs in chunks and never alongside another recompute.
 */
export async function recomputeAll(ctx: AppContext): Promise<RecomputeResult> {
  const session = requireSession(ctx);
  const result = await exclusive(session, () => recomputeOn(ctx, session));
  if ((result.changed > 0 || result.promoted > 0) && ctx.session === session) {
    emitLeadsChanged(ctx, []);
  }
  return result;
}

/**
 * Rescores a few leads inside the caller's write transaction, so a change's effect on the
 * score (and a promotion to MQL) is stored together with the change. Returns the leads
 * scoring moved to MQL.
 */
export async function rescoreLeads(
  trx: Transaction<Database>,
  ctx: AppContext,
  leadIds: string[],
  settings?: ScoringSettings,
): Promise<{ promoted: string[] }> {
  const clock = { now: ctx.now(), newId: ctx.newId, language: languageOf(ctx) };
  return rescoreLeadsAt(trx, clock, leadIds, settings);
}

/**
 * What saving `draft` would do: every lead scored fresh at `ctx.now()` under the saved and
 * the draft model (not the stored columns, which may lag behind decay), in chunks.
 */
export async function previewScoring(
  ctx: AppContext,
  draft: ScoringSettings,
): Promise<ScoringPreview> {
  const session = requireSession(ctx);
  const db = session.db;
  const saved = await loadScoringSettings(db);
  const savedScorer = createScorer(saved);
  const draftScorer = createScorer(draft);
  const accumulator = createPreviewAccumulator(saved, draft);
  const now = ctx.now();
  let afterId: string | null = null;
  for (;;) {
    const rows: ScoringLeadRow[] = await scoringLeadRows(db, {
      kind: 'page',
      afterId,
      limit: RECOMPUTE_CHUNK,
    });
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) break;
    const activities = activitiesByLead(
      await scoringActivityRows(db, { kind: 'range', firstId: first.id, lastId: last.id }),
    );
    const current = await evaluateLeads(db, savedScorer, rows, activities, now);
    const drafted = await evaluateLeads(db, draftScorer, rows, activities, now);
    current.forEach((before, index) => {
      const after = drafted[index];
      if (after === undefined) return;
      accumulator.add({
        stage: before.stage,
        current: { total: before.totals.total, temperature: before.temperature },
        draft: {
          total: after.totals.total,
          temperature: after.temperature,
          promote: after.decision === 'promote',
        },
      });
    });
    if (rows.length < RECOMPUTE_CHUNK) break;
    afterId = last.id;
    await yieldToEventLoop();
  }
  return accumulator.result();
}

/**
 * Saves the team's scoring model (checked by its schema on the way in) as the current user
 * and recomputes every lead with it.
 * `basedOn` is the `updatedAt` the editor started from: if someone saved since, CONFLICT.
 */
export async function saveScoring(
  ctx: AppContext,
  settings: ScoringSettings,
  basedOn: number | null,
): Promise<{ state: ScoringState; recompute: RecomputeResult }> {
  await writeAsUser(ctx, async (trx, userId) => {
    const current = (await findSetting(trx, SCORING_KEY))?.updated_at ?? null;
    if (current !== basedOn) throw new AppError('CONFLICT');
    await upsertSetting(trx, {
      key: SCORING_KEY,
      value: JSON.stringify(settings),
      // Strictly later than the version replaced, so two saves in one millisecond still differ.
      updated_at: Math.max(ctx.now(), (current ?? -1) + 1),
      updated_by: userId,
    });
  });
  const session = requireSession(ctx);
  const recompute = await exclusive(session, () => recomputeOn(ctx, session));
  const state = await getScoring(ctx);
  emit(ctx, 'scoring.changed', state);
  emitLeadsChanged(ctx, []);
  return { state, recompute };
}

/**
 * Starts a background recompute when some lead was never scored or the oldest score is
 * older than {@link SCORE_STALE_MS} (decay changes scores daily), unless one is running.
 * Not awaited by anyone: failures are logged (a damaged file switches to read-only), and
 * closing the file stops it between chunks.
 */
function refreshIfStale(ctx: AppContext, session: OpenDatabase): void {
  if (session.closing.aborted || session.damaged || (queues.get(session)?.active ?? 0) > 0) {
    return;
  }
  const run = exclusive(session, async () => {
    const freshness = await scoringFreshness(session.db);
    const stale =
      freshness.unscored > 0 ||
      (freshness.oldest !== null && freshness.oldest < ctx.now() - SCORE_STALE_MS);
    return stale ? recomputeOn(ctx, session) : null;
  });
  run.then(
    (result) => {
      if (
        result !== null &&
        (result.changed > 0 || result.promoted > 0) &&
        ctx.session === session
      ) {
        emitLeadsChanged(ctx, []);
      }
    },
    async (error: unknown) => {
      ctx.log('background recompute failed', error);
      await noteDatabaseFailure(ctx, session, error);
    },
  );
}

/**
 * Keeps the scores of a just opened file fresh: checks at once and then every hour while
 * it is open. The timer does not keep the process alive and ends when the file closes.
 */
export function keepScoresFresh(ctx: AppContext, session: OpenDatabase): void {
  refreshIfStale(ctx, session);
  const timer = setInterval(() => refreshIfStale(ctx, session), FRESHNESS_CHECK_MS);
  timer.unref();
  session.closing.addEventListener('abort', () => clearInterval(timer), { once: true });
}

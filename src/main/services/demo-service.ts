import { seedDemoData } from '../demo/seed';
import { emitLeadsChanged, requireSession, write, type AppContext } from './context';
import { recomputeFile } from './scoring-service';

/**
 * Adds generated demo leads to the open database and scores every lead, so the new ones
 * have a stored score like any other. Announces `leads.changed` once, with an empty id
 * list: too many leads changed to name them, windows reload everything.
 */
export async function generateDemo(ctx: AppContext, count: number): Promise<{ created: number }> {
  const result = await write(ctx, (trx) =>
    seedDemoData(trx, { count, now: ctx.now(), newId: ctx.newId }),
  );
  await recomputeFile(ctx, requireSession(ctx));
  emitLeadsChanged(ctx, []);
  return { created: result.created };
}

import { seedDemoData } from '../demo/seed';
import { emitLeadsChanged, write, type AppContext } from './context';

/**
 * Adds generated demo leads to the open database. Announces `leads.changed` with an empty
 * id list: too many leads changed to name them, windows reload everything.
 */
export async function generateDemo(ctx: AppContext, count: number): Promise<{ created: number }> {
  const result = await write(ctx, (trx) =>
    seedDemoData(trx, { count, now: ctx.now(), newId: ctx.newId }),
  );
  emitLeadsChanged(ctx, []);
  return { created: result.created };
}

import { isChannel } from '@core/ipc/channels';
import { toFieldIssues } from '@core/ipc/issues';
import { err, ok, type Result } from '@core/ipc/result';
import { contract } from '@core/ipc/schemas';
import { sqliteAppError } from '../db/sqlite-errors';
import { languageOf, type AppContext } from '../services/context';
import { AppError, appErrorData, errorData } from './errors';
import { handlers } from './handlers';

/**
 * Runs one request: checks the channel, parses the input with the contract, runs the
 * handler. Never throws: every failure is an error value with a message in the user's
 * language. On the test host the output is checked against the contract as well.
 */
export async function dispatch(
  ctx: AppContext,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  const language = languageOf(ctx);
  if (!isChannel(channel)) return err(errorData(language, 'BAD_REQUEST'));
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return err(
      errorData(
        language,
        'VALIDATION',
        'errors.VALIDATION',
        undefined,
        toFieldIssues(parsed.error),
      ),
    );
  }
  try {
    const handler = handlers[channel] as (ctx: AppContext, input: unknown) => Promise<unknown>;
    const value = await handler(ctx, parsed.data);
    if (ctx.host.kind === 'test') {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(`output of ${channel} breaks the contract: ${checked.error.message}`);
      }
    }
    return ok(value);
  } catch (error) {
    // The language may have changed during the request (app.setLanguage).
    const now = languageOf(ctx);
    if (error instanceof AppError) return err(appErrorData(now, error));
    const mapped = sqliteAppError(error, ctx.session?.fileName ?? '');
    if (mapped !== null) return err(appErrorData(now, mapped));
    console.error(`Leadwerk: ${channel} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return err(errorData(now, 'INTERNAL', 'errors.INTERNAL', { detail }));
  }
}

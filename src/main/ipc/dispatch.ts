import { missingParams } from '@core/i18n';
import { isChannel, type Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput } from '@core/ipc/contract';
import { toFieldIssues } from '@core/ipc/issues';
import { err, ok, type AppErrorData, type Result } from '@core/ipc/result';
import { contract } from '@core/ipc/schemas';
import { sqliteAppError } from '../db/sqlite-errors';
import { languageOf, type AppContext } from '../services/context';
import { noteDatabaseFailure } from '../services/database-health';
import { AppError, appErrorData, errorData } from '../errors';
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
    const value = await failureValue(ctx, channel, error);
    // Rendered as "…" for the user; a bug in the code that raised it, so it is logged.
    const missing = missingParams(languageOf(ctx), value.key, value.params);
    if (missing.length > 0) ctx.log(`${channel}: ${value.key} lacks ${missing.join(', ')}`);
    return err(value);
  }
}

/**
 * {@link dispatch} with the channel's types, for callers inside main (CLI, menu, tests). The
 * handler of `channel` returns `ChannelOutput<C>` (its map is typed so, and the test host
 * checks every output against the contract), which is what the one cast here states.
 */
export async function call<C extends Channel>(
  ctx: AppContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  return (await dispatch(ctx, channel, input)) as Result<ChannelOutput<C>>;
}

/**
 * The error value of a failed request. SQLite's failures become the user's kind of error
 * (DB_FULL, DB_IO, ...) naming the open file; a damaged file is switched to read-only
 * first. Technical details (SQLite's English text, the stack) go to the log only.
 */
async function failureValue(
  ctx: AppContext,
  channel: string,
  error: unknown,
): Promise<AppErrorData> {
  if (error instanceof AppError) return appErrorData(languageOf(ctx), error);
  const session = ctx.session;
  const mapped = sqliteAppError(error, session?.path ?? '');
  // Another program holding the lock is an everyday event, not worth a log entry.
  if (mapped?.code !== 'DB_LOCKED') ctx.log(`${channel} failed`, error);
  if (session !== null) await noteDatabaseFailure(ctx, session, error);
  // The language may have changed during the request (app.setLanguage).
  const language = languageOf(ctx);
  if (mapped !== null) return appErrorData(language, mapped);
  const detail = error instanceof Error ? error.message : String(error);
  return errorData(language, 'INTERNAL', 'errors.INTERNAL', { detail });
}

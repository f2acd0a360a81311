import { translate } from '@core/i18n';
import type { ChannelInput } from '@core/ipc/contract';
import { expectArgs, UsageError } from './args';
import { dateTime, formatContentTable, formatScoreSummary } from './format';
import { cliText } from './messages';
import { parseAt, parseKind } from './parse';
import { call, type CliSession, ensureUser, print, printJson } from './session';

/**
 * The content item `--content` names: its id, or its name ignoring case, archived items
 * included (an old download may be logged late).
 */
async function resolveContent(session: CliSession, raw: string): Promise<string> {
  const items = await call(session, 'content.list', { includeArchived: true });
  const wanted = raw.trim();
  const match =
    items.find((item) => item.id === wanted) ??
    items.find((item) => item.name.toLowerCase() === wanted.toLowerCase());
  if (match === undefined) throw new UsageError('unknownContent', { value: raw });
  return match.id;
}

/**
 * `activities add ID --kind K …`: logs an activity and prints the lead's score afterwards
 * (and its new stage when scoring promoted it). `--json` prints the activity, the score
 * axes and the stage.
 */
export async function addActivity(session: CliSession): Promise<void> {
  const [leadId = ''] = expectArgs(session.parsed, ['ID']);
  const option = (name: string) => session.parsed.options.get(name);
  const kindRaw = option('kind');
  if (kindRaw === undefined) throw new UsageError('missingOption', { option: '--kind' });
  const kind = parseKind(kindRaw);
  const atRaw = option('at');
  const occurredAt = atRaw === undefined ? session.now() : parseAt(atRaw, session.now());
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  const before = await call(session, 'leads.get', { id: leadId });
  const contentRaw = option('content');
  const input: ChannelInput<'activities.add'> = {
    leadId,
    kind,
    occurredAt,
    text: option('text') ?? '',
    contentId: contentRaw === undefined ? null : await resolveContent(session, contentRaw),
    topic: option('topic') ?? null,
    url: option('url') ?? null,
  };
  const activity = await call(session, 'activities.add', input);
  const after = await call(session, 'leads.get', { id: leadId });
  const { score, lead } = after;
  if (session.json) {
    printJson(session, {
      activity,
      stage: lead.stage,
      score: {
        fit: score.fit,
        engagement: score.engagement,
        total: score.total,
        temperature: score.temperature,
        mqlReady: score.mqlReady,
      },
    });
    return;
  }
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  const language = session.language;
  print(
    session,
    cliText(language, 'activityAdded', {
      kind: translate(language, `activityKinds.${activity.kind}`),
      name,
      date: dateTime(activity.occurredAt, language),
    }),
  );
  print(session, formatScoreSummary(score, language));
  if (lead.stage !== before.lead.stage) {
    const stage = translate(language, `stages.${lead.stage}`);
    print(session, cliText(language, 'stageNow', { name, stage }));
  }
}

/** `scoring recompute`: scores every lead again and says how many changed or were promoted. */
export async function recomputeScores(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  const result = await call(session, 'scoring.recompute', {});
  if (session.json) printJson(session, result);
  else {
    const { leads, changed, promoted } = result;
    print(session, cliText(session.language, 'recomputed', { leads, changed, promoted }));
  }
}

/** `content list [--all]`: the content library, archived items only with `--all`. */
export async function listContent(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  await call(session, 'database.open', { path: session.dbPath });
  const items = await call(session, 'content.list', {
    includeArchived: session.parsed.flags.has('all'),
  });
  if (session.json) printJson(session, items);
  else if (items.length === 0) print(session, cliText(session.language, 'noContent'));
  else print(session, formatContentTable(items, session.language));
}

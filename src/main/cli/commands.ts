import { existsSync } from 'node:fs';
import type { LeadSummary } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { parseAmountToCents, translate } from '@core/i18n';
import type { ChannelInput } from '@core/ipc/contract';
import { type CommandName, expectArgs, intOption, UsageError } from './args';
import { formatLeadDetail, formatLeadTable } from './format';
import { cliText } from './messages';
import { parseRole, parseSource, parseStage } from './parse';
import { addActivity, listContent, recomputeScores } from './scoring-commands';
import {
  discardCommand,
  importCommand,
  listImportsCommand,
  resumeCommand,
  undoCommand,
} from './import-commands';
import { exportCommand } from './export-commands';
import { call, type CliSession, ensureUser, print, printJson } from './session';

const PAGE = 500;

type LeadCreateFieldsInput = ChannelInput<'leads.create'>['fields'];

async function countLeads(session: CliSession): Promise<number> {
  return (await call(session, 'leads.list', { filters: {}, limit: 1 })).total;
}

async function init(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  const state = await call(session, 'database.create', { path: session.dbPath });
  if (session.json) printJson(session, state.database);
  else print(session, cliText(session.language, 'initDone', { path: session.dbPath }));
}

async function demo(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  const count = intOption(session.parsed, 'count', 0, 50_000);
  const path = session.dbPath;
  let created: number;
  let key: 'demoCreated' | 'demoAdded';
  if (existsSync(path)) {
    await call(session, 'database.open', { path });
    created = (await call(session, 'demo.generate', count === undefined ? {} : { count })).created;
    key = 'demoAdded';
  } else {
    await call(session, 'database.openDemo', count === undefined ? { path } : { path, count });
    created = await countLeads(session);
    key = 'demoCreated';
  }
  const total = await countLeads(session);
  if (session.json) printJson(session, { path, created, total });
  else print(session, cliText(session.language, key, { path, created, total }));
}

async function list(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  const stageRaw = session.parsed.options.get('stage');
  const stage = stageRaw === undefined ? undefined : parseStage(stageRaw);
  const limit = intOption(session.parsed, 'limit', 1, Number.MAX_SAFE_INTEGER) ?? Infinity;
  await call(session, 'database.open', { path: session.dbPath });
  const filters = stage === undefined ? {} : { stage };
  const rows: LeadSummary[] = [];
  let total: number;
  do {
    const page = await call(session, 'leads.list', {
      filters,
      offset: rows.length,
      limit: Math.min(PAGE, limit - rows.length),
    });
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0) break;
  } while (rows.length < Math.min(total, limit));
  if (session.json) {
    printJson(session, { total, rows });
    return;
  }
  if (rows.length === 0) {
    print(session, cliText(session.language, 'noLeads'));
    return;
  }
  print(session, formatLeadTable(rows, session.language));
  print(session, cliText(session.language, 'listFooter', { shown: rows.length, total }));
}

async function add(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  const option = (name: string) => session.parsed.options.get(name);
  const firstName = option('first-name');
  const lastName = option('last-name');
  if (lastName === undefined) throw new UsageError('missingOption', { option: '--last-name' });
  const fields: LeadCreateFieldsInput = { firstName: firstName ?? '', lastName };
  const company = option('company');
  if (company !== undefined) {
    fields.company = {
      name: company,
      industry: null,
      employees: null,
      branches: null,
      website: null,
      street: null,
      postalCode: null,
      city: null,
      country: null,
    };
  }
  const email = option('email');
  if (email !== undefined) fields.email = email;
  const phone = option('phone');
  if (phone !== undefined) fields.phone = phone;
  const source = option('source');
  if (source !== undefined) fields.sourceChannel = parseSource(source);
  const jobTitle = option('job-title');
  if (jobTitle !== undefined) fields.jobTitle = jobTitle;
  const role = option('role');
  if (role !== undefined) fields.buyingRole = parseRole(role);
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  const detail = await call(session, 'leads.create', { fields });
  if (session.json) printJson(session, detail);
  else {
    const name = `${detail.lead.firstName} ${detail.lead.lastName}`.trim();
    print(session, cliText(session.language, 'leadAdded', { name, id: detail.lead.id }));
  }
}

async function move(session: CliSession): Promise<void> {
  const [id = '', stageRaw = ''] = expectArgs(session.parsed, ['ID', 'STAGE']);
  const to = parseStage(stageRaw);
  const amount = session.parsed.options.get('deal-value');
  let dealValueCents: number | undefined;
  if (amount !== undefined) {
    const cents = parseAmountToCents(amount);
    if (cents === null || cents < 0) throw new UsageError('invalidAmount', { value: amount });
    dealValueCents = cents;
  }
  const reason = session.parsed.options.get('reason');
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  const { lead } = await call(session, 'leads.get', { id });
  const moved = await call(session, 'leads.move', {
    id,
    version: lead.version,
    to,
    ...(reason === undefined ? {} : { reason }),
    ...(dealValueCents === undefined ? {} : { dealValueCents }),
  });
  if (session.json) printJson(session, moved);
  else {
    const stageName = (stage: Stage) => translate(session.language, `stages.${stage}`);
    print(
      session,
      cliText(session.language, 'leadMoved', {
        name: `${moved.firstName} ${moved.lastName}`.trim(),
        from: stageName(lead.stage),
        to: stageName(moved.stage),
      }),
    );
  }
}

async function show(session: CliSession): Promise<void> {
  const [id = ''] = expectArgs(session.parsed, ['ID']);
  await call(session, 'database.open', { path: session.dbPath });
  const detail = await call(session, 'leads.get', { id });
  if (session.json) printJson(session, detail);
  else print(session, formatLeadDetail(detail, session.language));
}

/** The commands that work on a database file (`help` needs none). */
export const COMMANDS: Record<
  Exclude<CommandName, 'help'>,
  (session: CliSession) => Promise<void>
> = {
  init,
  demo,
  'leads list': list,
  'leads add': add,
  'leads move': move,
  'leads show': show,
  'activities add': addActivity,
  'scoring recompute': recomputeScores,
  'content list': listContent,
  import: importCommand,
  'imports list': listImportsCommand,
  'imports undo': undoCommand,
  'imports resume': resumeCommand,
  'imports discard': discardCommand,
  export: exportCommand,
};

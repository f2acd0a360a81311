import type { Stage } from '@core/domain/stages';
import { isPossibleMatch } from '@core/import/match-keys';
import {
  type ConvertedRow,
  type DuplicateAction,
  type ImportedLead,
  POSSIBLE_DUPLICATE_ACTION,
  type RowIssue,
} from '@core/import/types';
import type { ImportOptions, ImportSummary } from '@core/ipc/import-schemas';
import type { CandidateRow } from '../repositories/import-leads-repository';
import {
  type CandidateIndex,
  contactKeysOf,
  type FileEntry,
  type FileIndex,
  findMatch,
  type Match,
  rowKeys,
  type RowKeys,
} from './dedupe';
import { mergeImported, type UpdateMode } from './lead-values';
import type { PreviewRow, RowOutcome, SummaryBuilder } from './summary';

/** A user of the file, for owners named in a row. */
export type KnownUser = { id: string; name: string };

/** What stays the same for every chunk of one run. */
export type PlanSetup = {
  options: ImportOptions;
  /** Users by lower-cased name. */
  usersByName: Map<string, KnownUser>;
  usersById: Map<string, KnownUser>;
  /** Header of the column mapped to `owner`, for its issues. */
  ownerColumn: string | null;
  overrides: Map<number, DuplicateAction>;
};

/**
 * What planning a chunk adds to: the earlier rows of the file that will be created, and
 * the counts and samples of the run (or of this one attempt at the chunk).
 */
export type PlanState = {
  file: FileIndex;
  summary: SummaryBuilder;
};

/**
 * A row that becomes a new lead. Later rows of the chunk may still fill it (`merged`: its
 * keys may have changed).
 */
export type NewLead = {
  row: number;
  lead: ImportedLead;
  ownerId: string | null;
  keys: RowKeys;
  merged: boolean;
};

/** A row that fills or overwrites an existing lead, or a pending one of an earlier chunk. */
export type UpdatePlan = {
  row: number;
  lead: ImportedLead;
  ownerId: string | null;
  mode: UpdateMode;
  target: CandidateRow;
};

export type ChunkPlan = {
  creates: NewLead[];
  updates: UpdatePlan[];
  /** Rows left out for errors (not empty rows). */
  invalidRows: number;
  /** File index entries of this chunk's new leads: their slots end with the chunk. */
  entries: FileEntry[];
};

/** The first stage of a new lead: the mapped one, else Lead when reachable, else Suspect. */
export function initialStage(lead: ImportedLead): Stage {
  if (lead.stage !== null) return lead.stage;
  return lead.email !== null || lead.phone !== null || lead.mobile !== null ? 'lead' : 'suspect';
}

function matchInfo(match: Match): ImportSummary['duplicates'][number]['match'] {
  if (match.kind === 'row') {
    const { entry } = match;
    return {
      reason: match.reason,
      leadId: null,
      row: entry.row,
      name: entry.name,
      companyName: entry.companyName,
      email: entry.email,
      phone: entry.phone,
      mobile: entry.mobile,
    };
  }
  const { lead } = match;
  const pending = lead.import_pending !== null;
  return {
    reason: match.reason,
    leadId: pending ? null : lead.id,
    row: pending ? lead.pending_row : null,
    name: `${lead.first_name} ${lead.last_name}`,
    companyName: lead.company_name,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
  };
}

function isInFile(match: Match): boolean {
  return match.kind === 'row' || match.lead.import_pending !== null;
}

function isFlagged(match: Match): boolean {
  return match.kind === 'row' ? match.entry.doNotContact : match.lead.do_not_contact === 1;
}

/**
 * The owner a row gets: the file-wide one, else the row's by name (unknown: a warning, true
 * when given).
 */
function resolveOwner(
  setup: PlanSetup,
  summary: SummaryBuilder,
  lead: ImportedLead,
  row: number,
): { ownerId: string | null; warned: boolean } {
  if (setup.options.ownerId !== null) return { ownerId: setup.options.ownerId, warned: false };
  if (lead.ownerName === null) return { ownerId: null, warned: false };
  const user = setup.usersByName.get(lead.ownerName.trim().toLowerCase());
  if (user !== undefined) return { ownerId: user.id, warned: false };
  const issue: RowIssue = {
    row,
    field: 'owner',
    column: setup.ownerColumn,
    code: 'owner_unknown',
    value: lead.ownerName.slice(0, 100),
    severity: 'warning',
  };
  summary.addIssues([issue]);
  return { ownerId: null, warned: true };
}

/** The row as it will be stored, for the preview. */
function shown(
  setup: PlanSetup,
  lead: ImportedLead,
  ownerId: string | null,
  outcome: RowOutcome,
): ImportedLead {
  const { options } = setup;
  const creates = outcome === 'create';
  return {
    ...lead,
    sourceChannel: lead.sourceChannel ?? (creates ? options.sourceChannel : null),
    campaignName: options.campaignName ?? lead.campaignName,
    ownerName: ownerId === null ? null : (setup.usersById.get(ownerId)?.name ?? null),
    stage: creates ? initialStage(lead) : lead.stage,
  };
}

function entryOf(row: number, lead: ImportedLead, slot: number | null): FileEntry {
  return {
    row,
    name: `${lead.firstName} ${lead.lastName}`.trim(),
    companyName: lead.company?.name ?? null,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    contact: contactKeysOf(lead),
    doNotContact: lead.doNotContact === true,
    slot,
  };
}

/**
 * What happens to a row that matched: the user's choice for its row, else the run's for a
 * certain match and a lead of its own for a possible one.
 */
function actionFor(setup: PlanSetup, row: number, match: Match): DuplicateAction {
  const chosen = setup.overrides.get(row);
  if (chosen !== undefined) return chosen;
  return isPossibleMatch(match.reason) ? POSSIBLE_DUPLICATE_ACTION : setup.options.onDuplicate;
}

/**
 * Decides what happens to each row of a chunk: left out (invalid, empty, suppressed,
 * skipped), created, merged into an earlier row of the chunk, or recorded as an update of
 * a lead. Rows to be created go to `state.file`, counts and samples to `state.summary`;
 * nothing outside the state and the returned plan changes, so a plan dropped together with
 * its state leaves no trace. `suppressed(i)` says whether row `i`'s email or numbers are on
 * the suppression list; `keys[i]` are its match keys.
 */
export function planChunk(
  setup: PlanSetup,
  state: PlanState,
  rows: readonly ConvertedRow[],
  keys: readonly (RowKeys | null)[],
  database: CandidateIndex,
  suppressed: (index: number) => boolean,
): ChunkPlan {
  const plan: ChunkPlan = { creates: [], updates: [], invalidRows: 0, entries: [] };
  const { file, summary } = state;
  rows.forEach((converted, index) => {
    summary.addIssues(converted.issues);
    const { lead, row } = converted;
    const rowKey = keys[index] ?? null;
    if (lead === null || rowKey === null) {
      const empty = converted.issues.every((issue) => issue.code === 'empty_row');
      summary.addRejected(empty ? 'empty' : 'invalid');
      if (!empty) plan.invalidRows += 1;
      return;
    }
    const owner = resolveOwner(setup, summary, lead, row);
    const { ownerId } = owner;
    const warned = owner.warned || converted.issues.some((issue) => issue.severity === 'warning');
    const match = findMatch(rowKey, database, file);
    let outcome: RowOutcome;
    if (suppressed(index) || (match !== null && isFlagged(match))) {
      outcome = 'suppressed';
    } else if (match === null) {
      outcome = 'create';
    } else {
      outcome = actionFor(setup, row, match);
    }
    if (outcome === 'create') {
      const slot = plan.creates.length;
      plan.creates.push({ row, lead, ownerId, keys: rowKey, merged: false });
      const entry = entryOf(row, lead, slot);
      plan.entries.push(entry);
      file.add(rowKey, entry);
    } else if ((outcome === 'fill' || outcome === 'overwrite') && match !== null) {
      if (match.kind === 'lead') {
        plan.updates.push({ row, lead, ownerId, mode: outcome, target: match.lead });
      } else if (match.entry.slot !== null) {
        const target = plan.creates[match.entry.slot];
        if (target !== undefined) {
          target.lead = mergeImported(target.lead, lead, outcome);
          target.merged = true;
          if (outcome === 'overwrite' && ownerId !== null) target.ownerId = ownerId;
          else target.ownerId ??= ownerId;
          if (target.lead.doNotContact === true) match.entry.doNotContact = true;
          match.entry.contact = contactKeysOf(target.lead);
          // The merged lead is found under the later row's keys too.
          file.add(rowKey, match.entry);
        }
      }
    }
    const preview: PreviewRow = {
      row,
      lead: shown(setup, lead, ownerId, outcome),
      outcome,
      match: match === null ? null : matchInfo(match),
    };
    summary.addRow(preview, match !== null && isInFile(match), warned);
  });
  return plan;
}

/** Row keys of converted rows (null for rows without a lead). */
export function keysOf(rows: readonly ConvertedRow[]): (RowKeys | null)[] {
  return rows.map((row) => (row.lead === null ? null : rowKeys(row.lead)));
}

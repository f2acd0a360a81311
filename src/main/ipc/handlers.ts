import type { Channel } from '@core/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '@core/ipc/contract';
import { addActivity } from '../services/activities-service';
import { appState, setLanguage } from '../services/app-service';
import { updateBant } from '../services/bant-service';
import { loadBoard, loadBoardColumn } from '../services/board-service';
import { contentList, createContent, updateContent } from '../services/content-service';
import type { AppContext } from '../services/context';
import {
  closeDatabase,
  createDatabase,
  openDemoDatabase,
  openExistingDatabase,
  pickDatabase,
} from '../services/database-service';
import { generateDemo } from '../services/demo-service';
import { exportLeads } from '../services/export-service';
import { pickFile } from '../services/files-service';
import {
  discardImport,
  listImports,
  resumeImport,
  undoImport,
} from '../services/import-history-service';
import { inspectImport } from '../services/import-inspect-service';
import { cancelImport, importStatus, saveRejected, startImport } from '../services/import-service';
import { listLeads } from '../services/leads-list-service';
import { createLead, deleteLead, getLead, updateLead } from '../services/leads-service';
import { lookups } from '../services/lookups-service';
import { deleteMapping, listMappings, saveMapping } from '../services/mappings-service';
import { moveLead } from '../services/moves-service';
import { getScoring, previewScoring, recomputeAll, saveScoring } from '../services/scoring-service';
import { createUser, selectUser, usersList } from '../services/users-service';

/** One handler per channel of the contract; a missing one is a compile error. */
export type Handlers = {
  [C in Channel]: (ctx: AppContext, input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** The handler map: each line hands the parsed input to one service. */
export const handlers: Handlers = {
  'app.state': (ctx) => appState(ctx),
  'app.setLanguage': (ctx, input) => setLanguage(ctx, input.language),
  'database.create': (ctx, input) => createDatabase(ctx, input.path),
  'database.open': (ctx, input) => openExistingDatabase(ctx, input.path),
  'database.openDemo': (ctx, input) => openDemoDatabase(ctx, input.path, input.count),
  'database.pick': (ctx, input) => pickDatabase(ctx, input.purpose),
  'database.close': (ctx) => closeDatabase(ctx),
  'users.list': (ctx) => usersList(ctx),
  'users.create': (ctx, input) => createUser(ctx, input.name),
  'users.select': (ctx, input) => selectUser(ctx, input.id),
  'lookups.get': (ctx) => lookups(ctx),
  'board.load': (ctx, input) => loadBoard(ctx, input.filters, input.limit, input.sorts),
  'board.column': (ctx, input) =>
    loadBoardColumn(ctx, input.stage, input.filters, input.offset, input.limit, input.sort),
  'leads.list': (ctx, input) => listLeads(ctx, input),
  'leads.get': (ctx, input) => getLead(ctx, input.id),
  'leads.create': (ctx, input) => createLead(ctx, input.fields),
  'leads.update': (ctx, input) => updateLead(ctx, input.id, input.version, input.fields),
  'leads.move': (ctx, input) => moveLead(ctx, input),
  'activities.add': (ctx, input) => addActivity(ctx, input),
  'bant.update': (ctx, input) => updateBant(ctx, input.leadId, input.version, input.bant),
  'content.list': (ctx, input) => contentList(ctx, input.includeArchived),
  'content.create': (ctx, input) => createContent(ctx, input.fields),
  'content.update': (ctx, input) => updateContent(ctx, input.id, input.version, input.fields),
  'scoring.get': (ctx) => getScoring(ctx),
  'scoring.preview': (ctx, input) => previewScoring(ctx, input.settings),
  'scoring.save': (ctx, input) => saveScoring(ctx, input.settings, input.basedOn),
  'scoring.recompute': (ctx) => recomputeAll(ctx),
  'leads.delete': (ctx, input) => deleteLead(ctx, input.id, input.version),
  'files.pick': (ctx, input) => pickFile(ctx, input.purpose, input.defaultName),
  'import.inspect': (ctx, input) => inspectImport(ctx, input),
  'import.start': (ctx, input) => startImport(ctx, input.path, input.options, input.dryRun),
  'import.status': (ctx, input) => importStatus(ctx, input.jobId),
  'import.cancel': (ctx, input) => cancelImport(ctx, input.jobId),
  'import.saveRejected': (ctx, input) => saveRejected(ctx, input.jobId, input),
  'mappings.list': (ctx) => listMappings(ctx),
  'mappings.save': (ctx, input) => saveMapping(ctx, input.name, input.mapping),
  'mappings.delete': (ctx, input) => deleteMapping(ctx, input.id),
  'imports.list': (ctx) => listImports(ctx),
  'imports.undo': (ctx, input) => undoImport(ctx, input.batchId),
  'imports.resume': (ctx, input) => resumeImport(ctx, input.batchId),
  'imports.discard': (ctx, input) => discardImport(ctx, input.batchId),
  'export.run': (ctx, input) => exportLeads(ctx, input),
  'demo.generate': (ctx, input) => generateDemo(ctx, input.count),
};

import type { ChannelOf } from '@core/ipc/channels';
import type { importNames } from '@core/ipc/import/names';
import {
  discardImport,
  listImports,
  resumeImport,
  undoImport,
} from '../../services/import-history-service';
import { inspectImport } from '../../services/import-inspect-service';
import {
  cancelImport,
  importStatus,
  saveRejected,
  startImport,
} from '../../services/import-service';
import { deleteMapping, listMappings, saveMapping } from '../../services/mappings-service';
import type { HandlerMap } from '../handler-map';

/** The import, saved mapping and import history channels, each calling one service. */
export const importHandlers: HandlerMap<ChannelOf<typeof importNames>> = {
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
};

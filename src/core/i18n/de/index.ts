import {
  stages,
  channels,
  salutations,
  buyingRoles,
  activityKinds,
  contentTypes,
  buyingPhases,
  origins,
} from './domain';
import { scoring, scoreUi } from './scoring';
import { refusal, reasonPrompt, uiBoard } from './board';
import { uiShell, dates } from './app';
import { settingsPage } from './settings';
import { contentPage } from './content';
import { errors, damagedFile } from './errors';
import { validation } from './validation';
import { dnc, uiLeads } from './leads';
import {
  importJob,
  importCli,
  importErrors,
  importFields,
  importIssues,
  importPresets,
} from './import';
import { importUi } from './import-ui';
import { importHistory } from './imports';
import { exportUi } from './export';
import { files, databaseFiles } from './files';
import { cli } from './cli';
import { menu } from './menu';

/** German catalog (default language), composed of one file per feature; placeholders use {{name}}. */
export const de = {
  stages,
  channels,
  salutations,
  buyingRoles,
  activityKinds,
  contentTypes,
  buyingPhases,
  scoring,
  origins,
  refusal,
  reasonPrompt,
  ui: { ...uiShell, ...uiBoard, ...uiLeads },
  scoreUi,
  settingsPage,
  contentPage,
  errors,
  damagedFile,
  validation,
  dnc,
  importJob,
  importCli,
  importUi,
  importHistory,
  importErrors,
  importFields,
  importIssues,
  importPresets,
  exportUi,
  files,
  databaseFiles,
  dates,
  cli,
  menu,
};

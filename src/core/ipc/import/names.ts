/** Importing files of contacts: the running job, saved column mappings, import history. */
export const importNames = {
  domains: ['import', 'mappings', 'imports'],
  channels: [
    'import.inspect',
    'import.start',
    'import.status',
    'import.cancel',
    'import.saveRejected',
    'mappings.list',
    'mappings.save',
    'mappings.delete',
    'imports.list',
    'imports.undo',
    'imports.resume',
    'imports.discard',
  ],
  events: ['import.progress', 'imports.changed'],
} as const;

/** The open database file: create, open, demo file, pick, close. */
export const databaseNames = {
  domains: ['database'],
  channels: [
    'database.create',
    'database.open',
    'database.openDemo',
    'database.pick',
    'database.close',
  ],
  events: ['database.changed'],
} as const;

/** The host's file dialogs for files to read or write (import, export, rejected rows). */
export const filesNames = {
  domains: ['files'],
  channels: ['files.pick'],
  events: [],
} as const;

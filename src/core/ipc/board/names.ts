/** The kanban board: its columns and the further cards of one column. */
export const boardNames = {
  domains: ['board'],
  channels: ['board.load', 'board.column'],
  events: [],
} as const;

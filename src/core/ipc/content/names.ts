/** The content library (whitepapers, webinars, ...) engagement scoring refers to. */
export const contentNames = {
  domains: ['content'],
  channels: ['content.list', 'content.create', 'content.update'],
  events: ['content.changed'],
} as const;

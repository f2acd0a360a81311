/** Writing leads to a CSV or XLSX file. */
export const exportNames = {
  domains: ['export'],
  channels: ['export.run'],
  events: [],
} as const;

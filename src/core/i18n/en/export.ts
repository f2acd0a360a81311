import type { Catalog } from '../catalog';

/** English texts. Exporting leads. */
export const exportUi: Catalog['exportUi'] = {
  button: 'Export',
  title: 'Export leads',
  format: 'Format',
  formats: { csv: 'CSV', xlsx: 'Excel (XLSX)' },
  delimiter: 'Delimiter',
  delimiters: { semicolon: 'Semicolon – for German Excel (default)', comma: 'Comma' },
  scope: 'Which leads?',
  scopeFiltered_one: 'Current filters ({{n}} lead)',
  scopeFiltered_other: 'Current filters ({{n}} leads)',
  scopeAll_one: 'All leads ({{n}})',
  scopeAll_other: 'All leads ({{n}})',
  filePrefix: 'leads',
  saveAs: 'Save as …',
  download: 'Download',
  done_one: '{{n}} lead exported: {{path}}',
  done_other: '{{n}} leads exported: {{path}}',
  yes: 'yes',
  no: 'no',
  sheetName: 'Leads',
};

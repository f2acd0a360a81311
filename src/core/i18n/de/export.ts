/** German texts. Exporting leads. */
export const exportUi = {
  button: 'Exportieren',
  title: 'Leads exportieren',
  format: 'Format',
  formats: { csv: 'CSV', xlsx: 'Excel (XLSX)' },
  delimiter: 'Trennzeichen',
  delimiters: { semicolon: 'Semikolon – für deutsches Excel (Standard)', comma: 'Komma' },
  scope: 'Welche Leads?',
  scopeFiltered_one: 'Aktuelle Filter ({{n}} Lead)',
  scopeFiltered_other: 'Aktuelle Filter ({{n}} Leads)',
  scopeAll_one: 'Alle Leads ({{n}})',
  scopeAll_other: 'Alle Leads ({{n}})',
  filePrefix: 'leads',
  saveAs: 'Speichern unter …',
  download: 'Herunterladen',
  done_one: '{{n}} Lead exportiert: {{path}}',
  done_other: '{{n}} Leads exportiert: {{path}}',
  /** Values of the do-not-contact column; the importer reads both languages back. */
  yes: 'ja',
  no: 'nein',
  sheetName: 'Leads',
};

/** German texts. Lead data protection: the do-not-contact marker. */
export const dnc = {
  label: 'Nicht kontaktieren',
  description:
    'Die Person hat der Kontaktaufnahme widersprochen. Ein Import legt sie nie wieder an und ändert sie nicht – auch nicht, nachdem der Lead gelöscht wurde.',
  badge: 'Kontaktsperre',
  tooltip: 'Nicht kontaktieren: Die Person hat der Kontaktaufnahme widersprochen.',
  delete: 'Lead löschen',
  deleteTitle: 'Lead löschen?',
  deleteText:
    '{{name}} wird mit Phasenverlauf, Aktivitäten und BANT endgültig gelöscht. Das lässt sich nicht rückgängig machen.',
  deleteSuppressed:
    'Für {{name}} gilt eine Kontaktsperre: E-Mail-Adresse und Telefonnummern bleiben als Prüfwert auf der Sperrliste, damit ein Import die Person nicht wieder anlegt.',
  deleteConfirm: 'Endgültig löschen',
  deleted: '{{name}} wurde gelöscht.',
  importedFrom: 'Importiert aus {{file}}',
};

/** German texts. The content library page. */
export const contentPage = {
  nav: 'Inhalte',
  title: 'Inhalte',
  subtitle:
    'Whitepaper, Webinare, Preislisten und andere Inhalte Ihres Teams. Downloads und Webinare in Aktivitäten beziehen sich darauf.',
  new: 'Neuer Inhalt',
  newTitle: 'Neuer Inhalt',
  editTitle: 'Inhalt bearbeiten',
  edit: '„{{name}}“ bearbeiten',
  empty: 'Keine Inhalte gefunden.',
  count_one: '{{count}} Inhalt',
  count_other: '{{count}} Inhalte',
  created: 'Inhalt angelegt.',
  saved: 'Inhalt gespeichert.',
  archivedBadge: 'Archiviert',
  active: 'Aktiv',
  anyRole: 'Alle Rollen',
  filters: {
    type: 'Typ',
    allTypes: 'Alle Typen',
    topic: 'Thema',
    allTopics: 'Alle Themen',
    showArchived: 'Archivierte anzeigen',
  },
  fields: {
    name: 'Name',
    type: 'Typ',
    topic: 'Thema',
    phase: 'Kaufphase',
    targetRole: 'Zielrolle',
    url: 'Adresse (URL)',
    archived: 'Archiviert (wird nicht mehr angeboten)',
    status: 'Status',
  },
  conflictTitle: 'Inzwischen geändert',
  conflictText:
    'Dieser Inhalt wurde inzwischen von jemand anderem geändert. „Neu laden“ übernimmt den gespeicherten Stand; Felder, die Sie geändert haben, behalten Ihre Eingabe.',
};

/** German texts. Names of the domain values: stages, channels, roles, activity kinds, content, phases. */
export const stages = {
  suspect: 'Suspect',
  lead: 'Lead',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Kunde',
  nurture: 'Pflege',
  disqualified: 'Disqualifiziert',
  lost: 'Verloren',
};

export const channels = {
  newsletter: 'Newsletter',
  blog: 'Blog',
  social: 'Soziale Netzwerke',
  webinar: 'Webinar',
  content_download: 'Whitepaper/E-Book',
  seo: 'Suchmaschine (SEO)',
  landing_page: 'Landingpage-Formular',
  quote_request: 'Angebotsanfrage',
  email_prospecting: 'E-Mail-Akquise',
  cold_call: 'Kaltakquise',
  paid_search: 'Bezahlte Suche (SEA)',
  purchased_list: 'Gekaufte Liste',
  trade_fair: 'Messe',
  conference: 'Konferenz',
  lunch_and_learn: 'Lunch & Learn',
  referral: 'Empfehlung',
  comparison_portal: 'Vergleichsportal',
  other: 'Sonstiges',
};

export const salutations = { frau: 'Frau', herr: 'Herr', divers: 'Divers', none: 'Keine Anrede' };

export const buyingRoles = {
  decision_maker: 'Entscheider',
  influencer: 'Beeinflusser',
  user: 'Anwender',
  assistant: 'Assistenz (ohne Entscheidungsbefugnis)',
  unknown: 'Unbekannt',
};

export const activityKinds = {
  call: 'Anruf',
  meeting: 'Termin',
  email: 'E-Mail',
  note: 'Notiz',
  form_submitted: 'Formular abgeschickt',
  newsletter_opened: 'Newsletter geöffnet',
  newsletter_clicked: 'Newsletter-Link geklickt',
  webinar_registered: 'Zum Webinar angemeldet',
  webinar_attended: 'Webinar besucht',
  page_visit: 'Seite besucht',
  download: 'Download',
  social: 'Social-Media-Interaktion',
  unsubscribed: 'Abgemeldet',
  email_bounced: 'E-Mail unzustellbar',
  imported: 'Importiert',
};

export const contentTypes = {
  whitepaper: 'Whitepaper',
  ebook: 'E-Book',
  webinar: 'Webinar',
  blog_post: 'Blogartikel',
  case_study: 'Fallstudie / Use Case',
  data_sheet: 'Datenblatt',
  roi_calculator: 'ROI-Rechner',
  price_list: 'Preisliste',
};

export const buyingPhases = {
  awareness: 'Aufmerksamkeit',
  consideration: 'Überlegung',
  evaluation: 'Untersuchung',
  purchase: 'Kauf',
};

export const origins = {
  user: 'von Hand',
  scoring: 'durch Scoring',
  import: 'durch Import',
  system: 'System',
};

import type { SourceChannel } from '@core/domain/channels';
import type { BuyingRole } from '@core/domain/lead';

/**
 * Word lists for the German demo data. Only realistic, invented content: no real persons or
 * companies. Cities carry their postal-code range and dialling code so that addresses and
 * phone numbers fit together.
 */

/** The demo team: sales people own leads from SAL on, marketing works the early funnel. */
export const DEMO_USERS = [
  { name: 'Jana Becker', team: 'sales' },
  { name: 'Tobias Krüger', team: 'sales' },
  { name: 'Lukas Hoffmann', team: 'sales' },
  { name: 'Miriam Schäfer', team: 'marketing' },
  { name: 'Sophie Wagner', team: 'marketing' },
] as const;

export type DemoCampaign = {
  name: string;
  channel: SourceChannel;
  costCents: number;
  startsOn: string;
  endsOn: string | null;
};

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    name: 'Messe LogiMAT 2026',
    channel: 'trade_fair',
    costCents: 1_850_000,
    startsOn: '2026-03-10',
    endsOn: '2026-03-12',
  },
  {
    name: 'Webinar Cloud-Sicherheit',
    channel: 'webinar',
    costCents: 240_000,
    startsOn: '2026-05-20',
    endsOn: '2026-05-20',
  },
  {
    name: 'Newsletter Herbst 2026',
    channel: 'newsletter',
    costCents: 90_000,
    startsOn: '2026-09-01',
    endsOn: '2026-11-30',
  },
  {
    name: 'Whitepaper Cloudlösungen im Mittelstand',
    channel: 'content_download',
    costCents: 420_000,
    startsOn: '2026-02-01',
    endsOn: null,
  },
  {
    name: 'Vergleichsportal Strom',
    channel: 'comparison_portal',
    costCents: 600_000,
    startsOn: '2026-01-01',
    endsOn: null,
  },
  {
    name: 'E-Book Telefonanlagen im Einzelhandel',
    channel: 'content_download',
    costCents: 310_000,
    startsOn: '2026-01-15',
    endsOn: null,
  },
  {
    name: 'Google Ads Cloud-Telefonie',
    channel: 'paid_search',
    costCents: 780_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  },
  {
    name: 'Kaltakquise Logistik Frühjahr',
    channel: 'cold_call',
    costCents: 520_000,
    startsOn: '2026-03-01',
    endsOn: '2026-05-31',
  },
  {
    name: 'Lunch & Learn Digitalisierung',
    channel: 'lunch_and_learn',
    costCents: 150_000,
    startsOn: '2026-06-18',
    endsOn: '2026-06-18',
  },
  {
    name: 'Kundenempfehlung 2026',
    channel: 'referral',
    costCents: 100_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  },
];

/** Source channels with relative weights: inbound dominates, events and referrals are rarer. */
export const CHANNEL_WEIGHTS: readonly (readonly [SourceChannel, number])[] = [
  ['newsletter', 9],
  ['blog', 5],
  ['social', 7],
  ['webinar', 6],
  ['content_download', 10],
  ['seo', 8],
  ['landing_page', 9],
  ['quote_request', 4],
  ['email_prospecting', 5],
  ['cold_call', 6],
  ['paid_search', 6],
  ['purchased_list', 4],
  ['trade_fair', 7],
  ['conference', 3],
  ['lunch_and_learn', 2],
  ['referral', 4],
  ['comparison_portal', 3],
  ['other', 2],
];

// prettier-ignore
export const FEMALE_FIRST_NAMES = [
  'Anna', 'Julia', 'Katharina', 'Sabine', 'Lena', 'Sophie', 'Laura', 'Claudia', 'Andrea',
  'Stefanie', 'Nicole', 'Christina', 'Bärbel', 'Dörte', 'Jördis', 'Hülya', 'Käthe', 'Franziska',
  'Monika', 'Petra', 'Ursula', 'Birgit', 'Susanne', 'Martina', 'Heike', 'Nadine', 'Melanie',
  'Miriam', 'Lea', 'Hannah', 'Marie', 'Johanna', 'Anne-Kathrin', 'Jana', 'Carina', 'Gülay',
  'Svenja', 'Ricarda', 'Annika', 'Wiebke',
] as const;

// prettier-ignore
export const MALE_FIRST_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Christian', 'Markus', 'Alexander', 'Jürgen',
  'Jörg', 'Björn', 'Sören', 'Günter', 'Hans-Jürgen', 'Uwe', 'Frank', 'Matthias', 'Daniel',
  'Tobias', 'Florian', 'Sebastian', 'Jan', 'Lukas', 'Maximilian', 'Felix', 'Jonas', 'Sönke',
  'Klaus', 'Wolfgang', 'Dieter', 'Ralf', 'Holger', 'Till', 'Timo', 'Nils', 'Malte', 'Kai-Uwe',
  'Mehmet', 'Bernd', 'Olaf', 'Benedikt',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann',
  'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt',
  'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Herrmann', 'König', 'Walter',
  'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel',
  'Friedrich', 'Keller', 'Günther', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann',
  'Böhm', 'Krämer', 'Jäger', 'Groß', 'Seidel', 'Brandt', 'Schulte', 'Dietrich', 'Kühn',
  'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Voigt', 'Sauer', 'Pfeiffer', 'Öztürk',
  'Nowak', 'Kowalski', 'Haußmann', 'Rößler', 'Lüdtke', 'Görtz', 'Thießen', 'Mertens',
] as const;

type TitlePair = readonly [male: string, female: string];

/** Job titles per function in the buying centre, as [male, female] forms. */
export const JOB_TITLES: Record<BuyingRole, readonly TitlePair[]> = {
  decision_maker: [
    ['Geschäftsführer', 'Geschäftsführerin'],
    ['Inhaber', 'Inhaberin'],
    ['Head of IT', 'Head of IT'],
    ['Leiter Einkauf', 'Leiterin Einkauf'],
    ['Kaufmännischer Leiter', 'Kaufmännische Leiterin'],
    ['Vorstand Finanzen', 'Vorständin Finanzen'],
    ['Bereichsleiter Logistik', 'Bereichsleiterin Logistik'],
  ],
  influencer: [
    ['IT-Projektleiter', 'IT-Projektleiterin'],
    ['Controller', 'Controllerin'],
    ['Teamleiter Vertrieb', 'Teamleiterin Vertrieb'],
    ['Einkäufer', 'Einkäuferin'],
    ['IT-Sicherheitsbeauftragter', 'IT-Sicherheitsbeauftragte'],
  ],
  user: [
    ['Systemadministrator', 'Systemadministratorin'],
    ['Sachbearbeiter Vertrieb', 'Sachbearbeiterin Vertrieb'],
    ['Disponent', 'Disponentin'],
    ['Buchhalter', 'Buchhalterin'],
    ['Marketing-Manager', 'Marketing-Managerin'],
  ],
  assistant: [
    ['Assistent der Geschäftsleitung', 'Assistentin der Geschäftsleitung'],
    ['Office-Manager', 'Office-Managerin'],
    ['Teamassistent', 'Teamassistentin'],
  ],
  unknown: [['Mitarbeiter', 'Mitarbeiterin']],
};

export const BUYING_ROLE_WEIGHTS: readonly (readonly [BuyingRole, number])[] = [
  ['decision_maker', 25],
  ['influencer', 30],
  ['user', 25],
  ['assistant', 10],
  ['unknown', 10],
];

/** City, first and last postal code, dialling code without the leading 0. */
export const CITIES: readonly (readonly [string, number, number, string])[] = [
  ['Berlin', 10115, 14199, '30'],
  ['Hamburg', 20095, 22769, '40'],
  ['München', 80331, 81929, '89'],
  ['Köln', 50667, 51149, '221'],
  ['Frankfurt am Main', 60306, 60599, '69'],
  ['Stuttgart', 70173, 70629, '711'],
  ['Düsseldorf', 40210, 40629, '211'],
  ['Leipzig', 4103, 4357, '341'],
  ['Dortmund', 44135, 44388, '231'],
  ['Essen', 45127, 45359, '201'],
  ['Bremen', 28195, 28779, '421'],
  ['Dresden', 1067, 1328, '351'],
  ['Hannover', 30159, 30669, '511'],
  ['Nürnberg', 90402, 90491, '911'],
  ['Münster', 48143, 48167, '251'],
  ['Augsburg', 86150, 86199, '821'],
  ['Freiburg im Breisgau', 79098, 79117, '761'],
  ['Würzburg', 97070, 97084, '931'],
  ['Kiel', 24103, 24159, '431'],
  ['Regensburg', 93047, 93059, '941'],
  ['Osnabrück', 49074, 49090, '541'],
  ['Lübeck', 23552, 23570, '451'],
  ['Mannheim', 68159, 68309, '621'],
  ['Karlsruhe', 76131, 76229, '721'],
  ['Bielefeld', 33602, 33739, '521'],
  ['Bonn', 53111, 53229, '228'],
  ['Göttingen', 37073, 37085, '551'],
  ['Ulm', 89073, 89081, '731'],
];

// prettier-ignore
export const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Am Hafen', 'Gewerbepark Süd',
  'Schillerstraße', 'Goethestraße', 'Lindenallee', 'Mühlenweg', 'Friedrich-Ebert-Straße',
  'Königsallee', 'Am Güterbahnhof', 'Rheinuferstraße', 'Im Technologiepark', 'Marktplatz',
  'Werkstraße', 'Lange Straße', 'Kastanienweg', 'Zeppelinstraße', 'An der Weißen Mühle',
] as const;

/** Industry and words that make a company name in it. */
export const INDUSTRIES: readonly (readonly [string, readonly string[]])[] = [
  ['Logistik', ['Logistik', 'Spedition', 'Transporte', 'Lagertechnik']],
  ['Maschinenbau', ['Maschinenbau', 'Anlagenbau', 'Präzisionstechnik', 'Antriebstechnik']],
  ['Einzelhandel', ['Modehaus', 'Einrichtungshaus', 'Feinkost', 'Sportfachhandel']],
  ['Gesundheitswesen', ['Praxisverbund', 'Pflegedienste', 'Medizintechnik', 'Sanitätshaus']],
  ['IT-Dienstleistungen', ['Systemhaus', 'Software', 'Datentechnik', 'Netzwerke']],
  ['Handwerk', ['Elektro', 'Haustechnik', 'Metallbau', 'Tischlerei']],
  ['Steuerberatung', ['Steuerberatung', 'Treuhand', 'Wirtschaftsprüfung', 'Kanzlei']],
  ['Tourismus', ['Reisen', 'Hotels', 'Touristik', 'Ferienwelt']],
  ['Energie', ['Energie', 'Solartechnik', 'Stadtwerke-Service', 'Wärmetechnik']],
  ['Lebensmittel', ['Backwaren', 'Molkerei', 'Getränke', 'Frischdienst']],
];

/** Invented brand-like first words for company names. */
// prettier-ignore
export const BRAND_WORDS = [
  'Nordlicht', 'Alpenblick', 'Rheintal', 'Elbe', 'Hanse', 'Südwind', 'Lindgrün', 'Weserland',
  'Spreewald', 'Bergkamm', 'Mainufer', 'Ostsee', 'Isartal', 'Schwarzwald', 'Heideland',
  'Sonnental', 'Eichenhof', 'Kranich', 'Leuchtturm', 'Brückenkopf',
] as const;

/** Legal forms with weights, as they follow the company name. */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['GmbH', 50],
  ['GmbH & Co. KG', 15],
  ['AG', 8],
  ['KG', 10],
  ['e.K.', 12],
  ['OHG', 5],
];

/**
 * What the demo team sells. Activity texts talk about it, content items and tracked
 * activities carry it as their topic (the lead's topic interest).
 */
export const TOPICS = [
  'Cloud',
  'Telefonanlagen',
  'IT-Sicherheit',
  'Managed Services',
  'Glasfaser',
  'Microsoft 365',
  'Videokonferenz',
  'WLAN',
] as const;

export const CALL_TEXTS = [
  'Erstgespräch geführt: Interesse am Thema {topic}, Rückruf in zwei Wochen vereinbart.',
  'Telefonisch nicht erreicht, Nachricht auf der Mailbox hinterlassen.',
  'Bedarf bestätigt: Das Projekt {topic} soll im nächsten Quartal starten.',
  'Rückfrage zum Angebot beantwortet, Entscheidung fällt in der Geschäftsleitung.',
  'Kurz telefoniert: Budget ist freigegeben, wartet auf Angebot.',
] as const;

export const MEETING_TEXTS = [
  'Vor-Ort-Termin in {city}: Anforderungen zum Thema {topic} aufgenommen.',
  'Online-Demo zum Thema {topic} mit IT-Leitung und Einkauf, sehr positives Feedback.',
  'Workshop zur Ist-Aufnahme, Angebot in Vorbereitung.',
  'Abstimmung zum Vertragsentwurf, offene Punkte: Laufzeit und SLA.',
] as const;

export const EMAIL_TEXTS = [
  'Infomaterial zum Thema {topic} zugeschickt.',
  'Angebot per E-Mail versandt, Nachfassen in einer Woche.',
  'Einladung zum Webinar Cloud-Sicherheit geschickt.',
  'Fallstudie aus der Branche {industry} gesendet.',
] as const;

export const NOTE_TEXTS = [
  'Budget für das nächste Jahr noch offen.',
  'Aktueller Anbieter hat Vertrag bis Jahresende, danach Wechsel möglich.',
  'Ansprechpartnerin wünscht keine Anrufe vor 10 Uhr.',
  'Fragt nach Referenzen zum Thema {topic} aus der Branche {industry}.',
  'Entscheidung liegt beim Inhaber, Termin über das Sekretariat.',
] as const;

export const DISQUALIFY_REASONS = [
  'Kein Bedarf',
  'Falsche Zielgruppe (Privatperson)',
  'Ungültige Kontaktdaten',
  'Wettbewerber',
  'Unternehmen zu klein',
] as const;

export const LOST_REASONS = [
  'Preis zu hoch',
  'Entscheidung für einen Wettbewerber',
  'Projekt verschoben',
  'Kein Budget freigegeben',
  'Funktionsumfang reicht nicht',
] as const;

export const RECYCLE_REASONS = [
  'Noch kein konkreter Bedarf, zurück an Marketing',
  'Ansprechpartner hat gewechselt',
  'Budgetplanung erst im nächsten Jahr',
] as const;

export const NURTURE_REASONS = [
  'Noch nicht kaufbereit, in einem halben Jahr erneut ansprechen',
  'Vertrag beim aktuellen Anbieter läuft noch',
  '',
] as const;

/** What sales wrote down as the confirmed need (BANT), per topic. */
export const NEED_TEXTS = [
  'Bestehende Lösung ist veraltet, Ablösung beim Thema {topic} geplant.',
  'Neue Standorte kommen hinzu: Bedarf beim Thema {topic}.',
  'Geschäftsführung will die laufenden Kosten beim Thema {topic} senken.',
  'Vertrag mit dem bisherigen Anbieter läuft aus, Angebot zum Thema {topic} gewünscht.',
] as const;

/** Short texts of tracked social-media interactions. */
export const SOCIAL_TEXTS = [
  'Beitrag geteilt',
  'Beitrag kommentiert',
  'Beitrag mit „Gefällt mir“ markiert',
  'Seite abonniert',
] as const;

/** Why a mailing could not be delivered. */
export const BOUNCE_TEXTS = [
  'Empfänger unbekannt',
  'Postfach voll',
  'Domain nicht erreichbar',
] as const;

// prettier-ignore
export const MONTH_NAMES = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember',
] as const;

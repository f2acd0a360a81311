import type { SourceChannel } from '@core/domain/channels';
import type { ActivityKind, BuyingRole, Salutation } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import type { Authority, BudgetStatus, NeedStatus } from '@core/scoring/bant';

/**
 * The three worked examples of the domain README (from the German seed articles), as demo
 * leads. Times are days before the demo's "now"; users and campaigns are named, the seeder
 * resolves them to ids.
 */
export type WorkedExample = {
  salutation: Salutation;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  buyingRole: BuyingRole;
  company: {
    name: string;
    industry: string;
    employees: number;
    branches: number;
    website: string;
    street: string;
    postalCode: string;
    city: string;
  } | null;
  sourceChannel: SourceChannel;
  campaign: string;
  owner: string;
  capturedBy: string;
  expectedValueCents: number | null;
  /** Days after "now" of the expected close, or null. */
  closeInDays: number | null;
  notes: string;
  history: { to: Stage; daysAgo: number; by: string; reason?: string }[];
  /**
   * Logged contacts (with the team member) and tracked behaviour (`by: null`). Days may be
   * fractional to order events within a day. `content` names an item of the demo library.
   */
  activities: {
    kind: ActivityKind;
    daysAgo: number;
    by: string | null;
    text: string;
    content?: string;
    topic?: string;
    url?: string;
  }[];
  /** What sales (or the registration form) learned; `timingInMonths` counts from "now". */
  bant: {
    budgetStatus: BudgetStatus;
    budgetCents: number | null;
    authority: Authority;
    deciderName: string | null;
    need: NeedStatus;
    needText: string;
    timingInMonths: number | null;
    daysAgo: number;
    by: string;
  } | null;
};

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  {
    salutation: 'frau',
    firstName: 'Anna',
    lastName: 'Petersen',
    email: 'anna.petersen@schick-und-schmuck.de',
    phone: '+494131284460',
    mobile: null,
    jobTitle: 'Assistentin der Geschäftsleitung',
    buyingRole: 'assistant',
    company: {
      name: 'Schick und Schmuck',
      industry: 'Einzelhandel (Mode)',
      employees: 85,
      branches: 7,
      website: 'https://www.schick-und-schmuck.de',
      street: 'Große Bäckerstraße 12',
      postalCode: '21335',
      city: 'Lüneburg',
    },
    sourceChannel: 'content_download',
    campaign: 'E-Book Telefonanlagen im Einzelhandel',
    owner: 'Tobias Krüger',
    capturedBy: 'Miriam Schäfer',
    expectedValueCents: 1_800_000,
    closeInDays: null,
    notes:
      'Hat das E-Book des Systemhauses „Unwired Systems“ im Auftrag ihrer Chefin heruntergeladen. ' +
      'Das Modehaus betreibt sieben Filialen in der Umgebung; mittelfristig Bedarf an einer ' +
      'neuen Telefonanlage. Frau Petersen ist nicht entscheidungsbefugt: Termin mit der ' +
      'Geschäftsführerin anstreben.',
    history: [
      { to: 'lead', daysAgo: 24, by: 'Miriam Schäfer' },
      { to: 'mql', daysAgo: 9, by: 'Miriam Schäfer' },
    ],
    activities: [
      {
        kind: 'download',
        daysAgo: 23.98,
        by: null,
        text: '',
        content: 'Telefonanlagen im Einzelhandel',
      },
      {
        kind: 'note',
        daysAgo: 23.9,
        by: 'Miriam Schäfer',
        text: 'Laut E-Mail-Adresse beim Modehaus „Schick und Schmuck“ (sieben Filialen).',
      },
      {
        kind: 'call',
        daysAgo: 10,
        by: 'Tobias Krüger',
        text:
          'Kontakt durch den Außendienst: mittelfristig Bedarf an einer neuen Telefonanlage. ' +
          'Frau Petersen hat im Auftrag ihrer Chefin recherchiert und entscheidet nicht selbst.',
      },
    ],
    bant: {
      budgetStatus: 'unknown',
      budgetCents: null,
      authority: 'none',
      deciderName: null,
      need: 'confirmed',
      needText: 'Mittelfristig neue Telefonanlage für die sieben Filialen.',
      timingInMonths: null,
      daysAgo: 10,
      by: 'Tobias Krüger',
    },
  },
  {
    salutation: 'herr',
    firstName: 'Peter',
    lastName: 'Anders',
    email: 'peter.anders@posteo.de',
    phone: null,
    mobile: '+4917623456789',
    jobTitle: null,
    buyingRole: 'decision_maker',
    company: null,
    sourceChannel: 'comparison_portal',
    campaign: 'Vergleichsportal Strom',
    owner: 'Lukas Hoffmann',
    capturedBy: 'Sophie Wagner',
    expectedValueCents: 145_000,
    closeInDays: 21,
    notes:
      'Über ein Online-Vergleichsportal auf die Landingpage des Stromanbieters „Happy Current“ ' +
      'gekommen, registriert und Verfügbarkeitscheck für sein PLZ-Gebiet gemacht. Bezieht Strom ' +
      'derzeit beim örtlichen Grundversorger (teure Tarife ohne Vertragslaufzeit): hohes ' +
      'Potenzial ohne weitere Qualifizierung, Anbieterwechsel sehr wahrscheinlich.',
    history: [
      { to: 'lead', daysAgo: 6, by: 'Sophie Wagner' },
      { to: 'mql', daysAgo: 6, by: 'Sophie Wagner' },
      { to: 'sal', daysAgo: 5, by: 'Lukas Hoffmann' },
    ],
    activities: [
      {
        kind: 'form_submitted',
        daysAgo: 5.99,
        by: null,
        text: 'Registrierung über das Vergleichsportal: wechselbereit, Verbrauch ca. 4.500 kWh im Jahr.',
        topic: 'Stromtarife',
        url: 'https://www.happy-current.de/registrierung',
      },
      {
        kind: 'page_visit',
        daysAgo: 5.98,
        by: null,
        text: '',
        topic: 'Stromtarife',
        url: 'https://www.happy-current.de/tarife-preise',
      },
      {
        kind: 'form_submitted',
        daysAgo: 5.97,
        by: null,
        text: 'Verfügbarkeitscheck für PLZ 34117 erfolgreich; derzeit beim örtlichen Grundversorger.',
        topic: 'Stromtarife',
        url: 'https://www.happy-current.de/tarife-preise/verfuegbarkeit',
      },
      {
        kind: 'email',
        daysAgo: 5,
        by: 'Lukas Hoffmann',
        text: 'Tarifangebot „Happy Current Flex“ mit Preisvergleich zum Grundversorger geschickt.',
      },
    ],
    bant: {
      budgetStatus: 'amount',
      budgetCents: 145_000,
      authority: 'decides',
      deciderName: null,
      need: 'confirmed',
      needText: 'Will vom teuren Grundversorgungstarif zu einem günstigeren Anbieter wechseln.',
      timingInMonths: 1,
      daysAgo: 5.97,
      by: 'Sophie Wagner',
    },
  },
  {
    salutation: 'frau',
    firstName: 'Claudia',
    lastName: 'Teichmann',
    email: 'c.teichmann@froehlich-holidays.de',
    phone: '+49221987654',
    mobile: null,
    jobTitle: 'Head of IT',
    buyingRole: 'decision_maker',
    company: {
      name: 'Fröhlich Holidays',
      industry: 'Tourismus',
      employees: 140,
      branches: 5,
      website: 'https://www.froehlich-holidays.de',
      street: 'Rheinuferstraße 8',
      postalCode: '50668',
      city: 'Köln',
    },
    sourceChannel: 'landing_page',
    campaign: 'Whitepaper Cloudlösungen im Mittelstand',
    owner: 'Jana Becker',
    capturedBy: 'Miriam Schäfer',
    expectedValueCents: 4_800_000,
    closeInDays: 60,
    notes:
      'Als Head of IT auch für den Einkauf von IT-Dienstleistungen verantwortlich. Registriert ' +
      'beim Cloudspezialisten „Wolke7“, liest regelmäßig den Newsletter und ist auf dessen ' +
      'Social-Media-Seite aktiv. Die Agentur schätzt das Potenzial von Fröhlich Holidays als hoch ein.',
    history: [
      { to: 'lead', daysAgo: 75, by: 'Miriam Schäfer' },
      { to: 'mql', daysAgo: 20, by: 'Miriam Schäfer' },
      { to: 'sal', daysAgo: 3, by: 'Jana Becker' },
    ],
    activities: [
      {
        kind: 'newsletter_opened',
        daysAgo: 40,
        by: null,
        text: 'Wolke7-Newsletter',
      },
      {
        kind: 'newsletter_clicked',
        daysAgo: 39.9,
        by: null,
        text: 'Wolke7-Newsletter: Artikel zu Cloud-Backup',
        topic: 'Cloud',
        url: 'https://www.wolke7.de/blog/cloud-backup',
      },
      {
        kind: 'social',
        daysAgo: 33,
        by: null,
        text: 'Beitrag auf der Social-Media-Seite von Wolke7 kommentiert',
        topic: 'Cloud',
      },
      {
        kind: 'social',
        daysAgo: 28,
        by: null,
        text: 'Beitrag auf der Social-Media-Seite von Wolke7 geteilt',
        topic: 'Cloud',
      },
      {
        kind: 'download',
        daysAgo: 3.2,
        by: null,
        text: '',
        content: 'Cloudlösungen im Mittelstand',
      },
    ],
    bant: null,
  },
];

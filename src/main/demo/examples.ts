import type { SourceChannel } from '@core/domain/channels';
import type { ActivityKind, BuyingRole, Salutation } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';

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
  activities: { kind: ActivityKind; daysAgo: number; by: string; text: string }[];
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
        kind: 'note',
        daysAgo: 24,
        by: 'Miriam Schäfer',
        text: 'E-Book heruntergeladen; laut E-Mail-Adresse beim Modehaus „Schick und Schmuck“ (sieben Filialen).',
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
        kind: 'note',
        daysAgo: 6,
        by: 'Sophie Wagner',
        text:
          'Registrierung über das Vergleichsportal, Verfügbarkeitscheck für PLZ 34117 erfolgreich. ' +
          'Derzeitiger Anbieter: örtlicher Grundversorger.',
      },
      {
        kind: 'email',
        daysAgo: 5,
        by: 'Lukas Hoffmann',
        text: 'Tarifangebot „Happy Current Flex“ mit Preisvergleich zum Grundversorger geschickt.',
      },
    ],
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
        kind: 'email',
        daysAgo: 40,
        by: 'Miriam Schäfer',
        text: 'Newsletter geöffnet und Artikel zu Cloud-Backup geklickt; aktiv auf der Social-Media-Seite.',
      },
      {
        kind: 'note',
        daysAgo: 3,
        by: 'Miriam Schäfer',
        text:
          'Whitepaper „Cloudlösungen im Mittelstand“ heruntergeladen: Lead-Score über der ' +
          'Schwelle, an den Vertrieb übergeben.',
      },
    ],
  },
];

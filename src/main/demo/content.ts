import type { BuyingRole } from '@core/domain/lead';
import type { BuyingPhase, ContentType } from '@core/scoring/content';
import { asciiSlug } from './people';
import type { TOPICS } from './vocabulary';

/** The web site of the demo team: content items and tracked page visits live there. */
export const DEMO_SITE = 'https://www.beispiel-systemhaus.de';

export type DemoContentItem = {
  name: string;
  type: ContentType;
  topic: (typeof TOPICS)[number];
  phase: BuyingPhase;
  targetRole: BuyingRole | null;
};

/**
 * The demo team's content library: every content type and buying phase, on the topics the
 * team sells, following the domain README (overview content for awareness, studies and
 * case studies for evaluation, data sheets for the technical decider, ROI calculations for
 * the controller, price lists for the managing director). The first two are the worked
 * examples' e-book and whitepaper.
 */
export const DEMO_CONTENT: readonly DemoContentItem[] = [
  {
    name: 'Telefonanlagen im Einzelhandel',
    type: 'ebook',
    topic: 'Telefonanlagen',
    phase: 'awareness',
    targetRole: null,
  },
  {
    name: 'Cloudlösungen im Mittelstand',
    type: 'whitepaper',
    topic: 'Cloud',
    phase: 'awareness',
    targetRole: null,
  },
  {
    name: 'IT-Sicherheit für kleine Unternehmen',
    type: 'whitepaper',
    topic: 'IT-Sicherheit',
    phase: 'awareness',
    targetRole: null,
  },
  {
    name: 'Branchenreport Einzelhandel: vernetzte Filialen',
    type: 'whitepaper',
    topic: 'WLAN',
    phase: 'consideration',
    targetRole: 'influencer',
  },
  {
    name: 'Webinar Cloud-Sicherheit',
    type: 'webinar',
    topic: 'IT-Sicherheit',
    phase: 'consideration',
    targetRole: null,
  },
  {
    name: 'Microsoft 365 im Mittelstand einführen',
    type: 'webinar',
    topic: 'Microsoft 365',
    phase: 'consideration',
    targetRole: 'user',
  },
  {
    name: 'Fünf Fragen vor dem Umstieg auf Microsoft 365',
    type: 'blog_post',
    topic: 'Microsoft 365',
    phase: 'awareness',
    targetRole: 'user',
  },
  {
    name: 'Videokonferenzräume richtig planen',
    type: 'blog_post',
    topic: 'Videokonferenz',
    phase: 'awareness',
    targetRole: null,
  },
  {
    name: 'Was ein Managed-Services-Vertrag abdeckt',
    type: 'blog_post',
    topic: 'Managed Services',
    phase: 'awareness',
    targetRole: null,
  },
  {
    name: 'Spedition stellt auf Cloud-Telefonie um',
    type: 'case_study',
    topic: 'Telefonanlagen',
    phase: 'evaluation',
    targetRole: 'decision_maker',
  },
  {
    name: 'Sicheres WLAN für einen Praxisverbund',
    type: 'case_study',
    topic: 'WLAN',
    phase: 'evaluation',
    targetRole: 'decision_maker',
  },
  {
    name: 'Datenblatt Cloud-Telefonanlage',
    type: 'data_sheet',
    topic: 'Telefonanlagen',
    phase: 'purchase',
    targetRole: 'influencer',
  },
  {
    name: 'Datenblatt Glasfaser Business',
    type: 'data_sheet',
    topic: 'Glasfaser',
    phase: 'purchase',
    targetRole: 'influencer',
  },
  {
    name: 'ROI-Rechner Cloud-Migration',
    type: 'roi_calculator',
    topic: 'Cloud',
    phase: 'purchase',
    targetRole: 'influencer',
  },
  {
    name: 'Preisliste Managed Services',
    type: 'price_list',
    topic: 'Managed Services',
    phase: 'purchase',
    targetRole: 'decision_maker',
  },
  {
    name: 'Preisliste Cloud-Telefonanlage',
    type: 'price_list',
    topic: 'Telefonanlagen',
    phase: 'purchase',
    targetRole: 'decision_maker',
  },
];

/** Where a content item is offered: webinars on their page, everything else as a download. */
export function contentUrl(item: Pick<DemoContentItem, 'name' | 'type'>): string {
  const slug = asciiSlug(item.name);
  switch (item.type) {
    case 'webinar':
      return `${DEMO_SITE}/webinare/${slug}`;
    case 'blog_post':
      return `${DEMO_SITE}/blog/${slug}`;
    case 'roi_calculator':
      return `${DEMO_SITE}/rechner/${slug}`;
    default:
      return `${DEMO_SITE}/downloads/${slug}.pdf`;
  }
}

import type { Catalog } from '../catalog';

/** English texts. Names of the domain values: stages, channels, roles, activity kinds, content, phases. */
export const stages: Catalog['stages'] = {
  suspect: 'Suspect',
  lead: 'Lead',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  nurture: 'Nurture',
  disqualified: 'Disqualified',
  lost: 'Lost',
};

export const channels: Catalog['channels'] = {
  newsletter: 'Newsletter',
  blog: 'Blog',
  social: 'Social networks',
  webinar: 'Webinar',
  content_download: 'Whitepaper/e-book',
  seo: 'Search engine (SEO)',
  landing_page: 'Landing page form',
  quote_request: 'Quote request',
  email_prospecting: 'Email prospecting',
  cold_call: 'Cold calling',
  paid_search: 'Paid search (SEA)',
  purchased_list: 'Purchased list',
  trade_fair: 'Trade fair',
  conference: 'Conference',
  lunch_and_learn: 'Lunch & learn',
  referral: 'Referral',
  comparison_portal: 'Comparison portal',
  other: 'Other',
};

export const salutations: Catalog['salutations'] = {
  frau: 'Ms',
  herr: 'Mr',
  divers: 'Mx',
  none: 'No salutation',
};

export const buyingRoles: Catalog['buyingRoles'] = {
  decision_maker: 'Decision maker',
  influencer: 'Influencer',
  user: 'User',
  assistant: 'Assistant (no authority)',
  unknown: 'Unknown',
};

export const activityKinds: Catalog['activityKinds'] = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  note: 'Note',
  form_submitted: 'Form submitted',
  newsletter_opened: 'Newsletter opened',
  newsletter_clicked: 'Newsletter link clicked',
  webinar_registered: 'Registered for webinar',
  webinar_attended: 'Attended webinar',
  page_visit: 'Page visited',
  download: 'Download',
  social: 'Social media interaction',
  unsubscribed: 'Unsubscribed',
  email_bounced: 'Email bounced',
  imported: 'Imported',
};

export const contentTypes: Catalog['contentTypes'] = {
  whitepaper: 'Whitepaper',
  ebook: 'E-book',
  webinar: 'Webinar',
  blog_post: 'Blog post',
  case_study: 'Case study / use case',
  data_sheet: 'Data sheet',
  roi_calculator: 'ROI calculator',
  price_list: 'Price list',
};

export const buyingPhases: Catalog['buyingPhases'] = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  evaluation: 'Evaluation',
  purchase: 'Purchase',
};

export const origins: Catalog['origins'] = {
  user: 'by hand',
  scoring: 'by scoring',
  import: 'by import',
  system: 'system',
};

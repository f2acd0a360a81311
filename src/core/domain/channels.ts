/**
 * Source channels from the domain README ("Sources"). Every lead keeps one; KPIs are cut by it.
 */
export const SOURCE_CHANNELS = [
  'newsletter',
  'blog',
  'social',
  'webinar',
  'content_download',
  'seo',
  'landing_page',
  'quote_request',
  'email_prospecting',
  'cold_call',
  'paid_search',
  'purchased_list',
  'trade_fair',
  'conference',
  'lunch_and_learn',
  'referral',
  'comparison_portal',
  'other',
] as const;

export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** Narrows a string to a source channel. */
export function isSourceChannel(value: string): value is SourceChannel {
  return (SOURCE_CHANNELS as readonly string[]).includes(value);
}

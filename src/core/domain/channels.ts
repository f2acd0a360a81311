import { assertNever } from './stages';

/**
 * Source channels from the domain README ("Sources"). Every lead keeps one; KPIs are cut by it.
 * The group is how marketing reads them: inbound, outbound, events and referrals.
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

export type ChannelGroup = 'inbound' | 'outbound' | 'event' | 'referral' | 'other';

/** Which group a channel belongs to. */
export function channelGroup(channel: SourceChannel): ChannelGroup {
  switch (channel) {
    case 'newsletter':
    case 'blog':
    case 'social':
    case 'webinar':
    case 'content_download':
    case 'seo':
    case 'landing_page':
    case 'quote_request':
    case 'comparison_portal':
      return 'inbound';
    case 'email_prospecting':
    case 'cold_call':
    case 'paid_search':
    case 'purchased_list':
      return 'outbound';
    case 'trade_fair':
    case 'conference':
    case 'lunch_and_learn':
      return 'event';
    case 'referral':
      return 'referral';
    case 'other':
      return 'other';
    default:
      return assertNever(channel);
  }
}

/** Narrows a string to a source channel. */
export function isSourceChannel(value: string): value is SourceChannel {
  return (SOURCE_CHANNELS as readonly string[]).includes(value);
}

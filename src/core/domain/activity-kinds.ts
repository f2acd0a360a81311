/** Sales contacts and notes a user logs by hand. */
export const CONTACT_ACTIVITY_KINDS = ['call', 'meeting', 'email', 'note'] as const;

/**
 * Behaviour of the lead (implicit data, domain README "Scoring"): tracked or logged events
 * the engagement score is built from, negative ones included.
 */
export const ENGAGEMENT_ACTIVITY_KINDS = [
  'form_submitted',
  'newsletter_opened',
  'newsletter_clicked',
  'webinar_registered',
  'webinar_attended',
  'page_visit',
  'download',
  'social',
  'unsubscribed',
  'email_bounced',
] as const;

/** Entries Leadwerk writes itself (an import created or updated the lead); never typed by hand. */
export const SYSTEM_ACTIVITY_KINDS = ['imported'] as const;

/** Every kind of activity on a lead's timeline. */
export const ACTIVITY_KINDS = [
  ...CONTACT_ACTIVITY_KINDS,
  ...ENGAGEMENT_ACTIVITY_KINDS,
  ...SYSTEM_ACTIVITY_KINDS,
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Kinds that refer to an item of the content library (the download, the webinar). */
export const CONTENT_ACTIVITY_KINDS: readonly ActivityKind[] = [
  'download',
  'webinar_registered',
  'webinar_attended',
];

/** Kinds that carry the address of the visited or clicked page. */
export const URL_ACTIVITY_KINDS: readonly ActivityKind[] = ['page_visit', 'newsletter_clicked'];

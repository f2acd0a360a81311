import type { Catalog } from '../catalog';

/** English texts. The content library page. */
export const contentPage: Catalog['contentPage'] = {
  nav: 'Content',
  title: 'Content library',
  subtitle:
    'Your team’s whitepapers, webinars, price lists and other content. Downloads and webinars in activities refer to it.',
  new: 'New content item',
  newTitle: 'New content item',
  editTitle: 'Edit content item',
  edit: 'Edit “{{name}}”',
  empty: 'No content found.',
  count_one: '{{count}} item',
  count_other: '{{count}} items',
  created: 'Content item created.',
  saved: 'Content item saved.',
  archivedBadge: 'Archived',
  active: 'Active',
  anyRole: 'Any role',
  filters: {
    type: 'Type',
    allTypes: 'All types',
    topic: 'Topic',
    allTopics: 'All topics',
    showArchived: 'Show archived',
  },
  fields: {
    name: 'Name',
    type: 'Type',
    topic: 'Topic',
    phase: 'Buying phase',
    targetRole: 'Target role',
    url: 'Address (URL)',
    archived: 'Archived (no longer offered)',
    status: 'Status',
  },
  conflictTitle: 'Changed in the meantime',
  conflictText:
    'Someone else changed this content item in the meantime. “Reload” takes the saved version; fields you changed keep your input.',
};

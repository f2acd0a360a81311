/** Lead records, the list view, stage moves, and what the detail view logs on a lead. */
export const leadsNames = {
  domains: ['leads', 'activities', 'bant'],
  channels: [
    'leads.list',
    'leads.get',
    'leads.create',
    'leads.update',
    'leads.move',
    'leads.delete',
    'activities.add',
    'bant.update',
  ],
  events: ['leads.changed'],
} as const;

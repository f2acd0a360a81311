import type { Catalog } from '../catalog';

/** English texts. Moving a lead between stages on the board: refusals and reason prompts. */
export const refusal: Catalog['refusal'] = {
  same_stage: 'The lead is already in this stage.',
  lost_needs_sales_stage:
    'Only leads accepted by sales (SAL, SQL, Opportunity) can be lost. Disqualify earlier leads instead.',
  customer_is_won:
    'A customer cannot be lost or disqualified. Move it back to Opportunity first, with a reason.',
  reason_required: 'This move needs a reason.',
  deal_value_required: 'Closing as a customer needs a deal value above €0.',
  handover_incomplete: 'Cannot hand over to sales yet. Missing: {{missing}}.',
  bant_incomplete: 'SQL needs BANT clarified. Open: {{missing}}.',
  gates_incomplete:
    'Cannot hand over to sales yet. Missing: {{handover}}. For SQL also open: {{bant}}.',
};

export const reasonPrompt: Catalog['reasonPrompt'] = {
  disqualify: 'Why is the lead disqualified?',
  lost: 'Why was the opportunity lost?',
  recycle: 'Why does the lead go back to an earlier stage?',
  reactivate: 'Why is the lead reactivated?',
  reopen: 'Why is the won deal reopened?',
  nurture: 'Why does the lead go to nurturing? (optional)',
};

/** The board: its filters, columns, cards and moves. Part of the `ui` section. */
export const uiBoard: Pick<Catalog['ui'], 'filters' | 'board' | 'card' | 'move'> = {
  filters: {
    search: 'Search',
    searchPlaceholder: 'Name, company, email',
    owner: 'Owner',
    allOwners: 'All owners',
    channel: 'Source',
    allChannels: 'All sources',
    stage: 'Stage',
    allStages: 'All stages',
  },
  board: {
    title: 'Pipeline',
    newLead: 'New lead',
    count_one: '{{count}} lead',
    count_other: '{{count}} leads',
    expand: 'Expand {{stage}}',
    collapse: 'Collapse {{stage}}',
    collapsedHint: 'Collapsed – drag cards here',
    dropHere: 'Drop here',
    empty: 'No leads',
  },
  card: {
    days_zero: 'in stage since today',
    days_one: '{{count}} day in stage',
    days_other: '{{count}} days in stage',
    moveTo: 'Move to …',
    noCompany: 'No company',
    noOwner: 'No owner',
  },
  move: {
    title: 'Move {{name}} to “{{stage}}”',
    dealValue: 'Deal value (€)',
    dealValueHint: 'The actual value of the deal, e.g. 12,500.00',
    confirm: 'Move',
    moved: '{{name}} is now in “{{stage}}”.',
    refusedTitle: '{{name}} cannot be moved',
    failedTitle: '{{name}} was not moved',
  },
};

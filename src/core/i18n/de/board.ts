/** German texts. Moving a lead between stages on the board: refusals and reason prompts. */
export const refusal = {
  same_stage: 'Der Lead ist bereits in dieser Phase.',
  lost_needs_sales_stage:
    'Nur Leads, die der Vertrieb angenommen hat (SAL, SQL, Opportunity), können verloren gehen. Frühere Leads bitte disqualifizieren.',
  customer_is_won:
    'Ein Kunde kann nicht verloren oder disqualifiziert werden. Zuerst mit Begründung zurück in die Opportunity-Phase verschieben.',
  reason_required: 'Für diesen Wechsel ist eine Begründung nötig.',
  deal_value_required: 'Für den Abschluss als Kunde ist ein Auftragswert über 0 € nötig.',
  handover_incomplete: 'Übergabe an den Vertrieb noch nicht möglich. Es fehlt: {{missing}}.',
  bant_incomplete: 'Für SQL muss BANT geklärt sein. Offen: {{missing}}.',
  gates_incomplete:
    'Übergabe an den Vertrieb noch nicht möglich. Es fehlt: {{handover}}. Für SQL außerdem offen: {{bant}}.',
};

export const reasonPrompt = {
  disqualify: 'Warum wird der Lead disqualifiziert?',
  lost: 'Warum ging die Verkaufschance verloren?',
  recycle: 'Warum geht der Lead in eine frühere Phase zurück?',
  reactivate: 'Warum wird der Lead reaktiviert?',
  reopen: 'Warum wird der Abschluss wieder geöffnet?',
  nurture: 'Warum kommt der Lead in die Pflege? (optional)',
};

/** The board: its filters, columns, cards and moves. Part of the `ui` section. */
export const uiBoard = {
  filters: {
    search: 'Suche',
    searchPlaceholder: 'Name, Firma, E-Mail',
    owner: 'Verantwortlich',
    allOwners: 'Alle Verantwortlichen',
    channel: 'Quelle',
    allChannels: 'Alle Quellen',
    stage: 'Phase',
    allStages: 'Alle Phasen',
  },
  board: {
    title: 'Pipeline',
    newLead: 'Neuer Lead',
    count_one: '{{count}} Lead',
    count_other: '{{count}} Leads',
    expand: '{{stage}} aufklappen',
    collapse: '{{stage}} zuklappen',
    collapsedHint: 'Zugeklappt – Karten hierher ziehen',
    dropHere: 'Hier ablegen',
    empty: 'Keine Leads',
  },
  card: {
    days_zero: 'seit heute in der Phase',
    days_one: 'seit {{count}} Tag in der Phase',
    days_other: 'seit {{count}} Tagen in der Phase',
    moveTo: 'Verschieben nach …',
    noCompany: 'Ohne Firma',
    noOwner: 'Niemand verantwortlich',
  },
  move: {
    title: '{{name}} nach „{{stage}}“ verschieben',
    dealValue: 'Auftragswert (€)',
    dealValueHint: 'Der tatsächliche Wert des Abschlusses, z. B. 12.500,00',
    confirm: 'Verschieben',
    moved: '{{name}} ist jetzt in „{{stage}}“.',
    refusedTitle: '{{name}} kann nicht verschoben werden',
    failedTitle: '{{name}} wurde nicht verschoben',
  },
};

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

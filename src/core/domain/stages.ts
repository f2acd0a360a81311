/** Lifecycle stages of a lead, in funnel order. See the domain README, "The lifecycle". */
export const OPEN_STAGES = ['suspect', 'lead', 'mql', 'sal', 'sql', 'opportunity'] as const;

/** Stages outside the open funnel: won, parked for nurturing, or taken out. */
export const SIDE_STAGES = ['customer', 'nurture', 'disqualified', 'lost'] as const;

/** Every stage, open ones first in funnel order. */
export const STAGES = [...OPEN_STAGES, ...SIDE_STAGES] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];
export type SideStage = (typeof SIDE_STAGES)[number];
export type Stage = (typeof STAGES)[number];

/** True for the six stages of the active funnel (Suspect … Opportunity). */
export function isOpenStage(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly Stage[]).includes(stage);
}

/** Narrows an arbitrary string (CLI argument, database value) to a stage. */
export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Position of an open stage in the funnel, 0 for Suspect. */
export function funnelIndex(stage: OpenStage): number {
  return OPEN_STAGES.indexOf(stage);
}

/** Compile-time exhaustiveness guard for `switch` statements over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

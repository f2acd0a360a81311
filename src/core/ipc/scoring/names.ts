/** Scoring rules: read, preview on the current leads, save, recompute every lead. */
export const scoringNames = {
  domains: ['scoring'],
  channels: ['scoring.get', 'scoring.preview', 'scoring.save', 'scoring.recompute'],
  events: ['scoring.changed'],
} as const;

import type { Stage } from '../domain/stages';
import type { ScoringSettings } from './rules';
import { TEMPERATURES, type Temperature } from './score';

/** Lower bounds of the score distribution's buckets; the first takes everything below 10. */
export const SCORE_BUCKETS = [Number.NEGATIVE_INFINITY, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

export type Distribution = {
  /** Count per bucket of {@link SCORE_BUCKETS}. */
  buckets: number[];
  temperatures: Record<Temperature, number>;
  /** Leads at or above the MQL threshold. */
  atMql: number;
};

/** What saving a changed scoring model would do, before it is saved. */
export type ScoringPreview = {
  leads: number;
  /** Leads below the MQL threshold now that would reach it. */
  becomeMql: number;
  /** Leads at the MQL threshold now that would fall below it. */
  stopMql: number;
  /** Of those becoming MQL, how many scoring would move to MQL on save. */
  promoted: number;
  current: Distribution;
  draft: Distribution;
};

/** One lead's score under the saved and the draft model. */
export type PreviewEntry = {
  stage: Stage;
  current: { total: number; temperature: Temperature };
  draft: { total: number; temperature: Temperature; promote: boolean };
};

function emptyDistribution(): Distribution {
  return {
    buckets: SCORE_BUCKETS.map(() => 0),
    temperatures: Object.fromEntries(TEMPERATURES.map((t) => [t, 0])) as Record<
      Temperature,
      number
    >,
    atMql: 0,
  };
}

/** Index of the bucket a total falls into. */
export function bucketOf(total: number): number {
  let index = 0;
  for (let i = 1; i < SCORE_BUCKETS.length; i++) {
    if (total >= (SCORE_BUCKETS[i] as number)) index = i;
  }
  return index;
}

/** Adds up preview entries, one lead at a time, so main can stream them in chunks. */
export function createPreviewAccumulator(current: ScoringSettings, draft: ScoringSettings) {
  const preview: ScoringPreview = {
    leads: 0,
    becomeMql: 0,
    stopMql: 0,
    promoted: 0,
    current: emptyDistribution(),
    draft: emptyDistribution(),
  };
  return {
    add(entry: PreviewEntry): void {
      preview.leads += 1;
      const wasMql = entry.current.total >= current.thresholds.mql;
      const isMql = entry.draft.total >= draft.thresholds.mql;
      for (const [side, score, mql] of [
        [preview.current, entry.current, wasMql],
        [preview.draft, entry.draft, isMql],
      ] as const) {
        side.buckets[bucketOf(score.total)] = (side.buckets[bucketOf(score.total)] ?? 0) + 1;
        side.temperatures[score.temperature] += 1;
        if (mql) side.atMql += 1;
      }
      if (!wasMql && isMql) {
        preview.becomeMql += 1;
        if (entry.draft.promote) preview.promoted += 1;
      }
      if (wasMql && !isMql) preview.stopMql += 1;
    },
    result(): ScoringPreview {
      return preview;
    },
  };
}

import {
  assertNever,
  funnelIndex,
  OPEN_STAGES,
  type OpenStage,
  type Stage,
} from '@core/domain/stages';
import type { Random } from '@core/random';
import { pickWeighted } from './people';
import { DISQUALIFY_REASONS, LOST_REASONS, NURTURE_REASONS, RECYCLE_REASONS } from './vocabulary';

/**
 * Where generated leads end up: funnel-shaped over the open stages (Suspect most, Opportunity
 * least), plus won, parked and taken-out leads.
 */
export const TARGET_STAGE_WEIGHTS: readonly (readonly [Stage, number])[] = [
  ['suspect', 20],
  ['lead', 17],
  ['mql', 13],
  ['sal', 8],
  ['sql', 6],
  ['opportunity', 5],
  ['customer', 5],
  ['nurture', 11],
  ['disqualified', 9],
  ['lost', 6],
];

/** One step of a generated history; the first has `from: null` (the lead was captured). */
export type Step = {
  from: Stage | null;
  to: Stage;
  reason: string | null;
  at: number;
};

const DAY = 86_400_000;

/** The open stage a lead reached before it went to its final (side) stage. */
function peakFor(random: Random, target: Stage): OpenStage {
  switch (target) {
    case 'suspect':
    case 'lead':
    case 'mql':
    case 'sal':
    case 'sql':
    case 'opportunity':
      return target;
    case 'customer':
      return 'opportunity';
    case 'lost':
      return pickWeighted(random, [
        ['sal', 2],
        ['sql', 3],
        ['opportunity', 5],
      ]);
    case 'disqualified':
      return pickWeighted(random, [
        ['suspect', 4],
        ['lead', 4],
        ['mql', 2],
        ['sal', 1],
      ]);
    case 'nurture':
      return pickWeighted(random, [
        ['lead', 3],
        ['mql', 4],
        ['sal', 2],
        ['sql', 1],
      ]);
    default:
      return assertNever(target);
  }
}

/** The stages a lead walks through, without times: forward in the funnel, rarely recycled. */
export function stagePath(
  random: Random,
  target: Stage,
  entry: 'suspect' | 'lead',
): { to: Stage; reason: string | null }[] {
  const peak = peakFor(random, target);
  const start: OpenStage = funnelIndex(peak) < funnelIndex(entry) ? peak : entry;
  const path: { to: Stage; reason: string | null }[] = [{ to: start, reason: null }];
  let index = funnelIndex(start);
  const recycle = funnelIndex(peak) >= funnelIndex('sal') && random.chance(0.1);
  while (index < funnelIndex(peak)) {
    const skip = index + 2 <= funnelIndex(peak) && random.chance(0.08);
    index += skip ? 2 : 1;
    const stage = OPEN_STAGES[index] ?? peak;
    path.push({ to: stage, reason: null });
    if (recycle && stage === 'sal') {
      path.push({ to: 'mql', reason: random.pick(RECYCLE_REASONS) });
      path.push({ to: 'sal', reason: null });
    }
  }
  switch (target) {
    case 'customer':
      path.push({ to: 'customer', reason: null });
      break;
    case 'lost':
      path.push({ to: 'lost', reason: random.pick(LOST_REASONS) });
      break;
    case 'disqualified':
      path.push({ to: 'disqualified', reason: random.pick(DISQUALIFY_REASONS) });
      break;
    case 'nurture': {
      const reason = random.pick(NURTURE_REASONS);
      path.push({ to: 'nurture', reason: reason === '' ? null : reason });
      break;
    }
    default:
      break;
  }
  return path;
}

/**
 * Gives a path increasing times: the capture at `createdAt`, every later move strictly after
 * the previous one and before `now`.
 */
export function timePath(
  random: Random,
  path: readonly { to: Stage; reason: string | null }[],
  createdAt: number,
  now: number,
): Step[] {
  const span = Math.max(path.length, Math.floor((now - createdAt) * (0.4 + random.next() * 0.55)));
  const offsets = path
    .slice(1)
    .map(() => 1 + Math.floor(random.next() * (span - 1)))
    .sort((a, b) => a - b);
  const steps: Step[] = [];
  let previous: Stage | null = null;
  let lastAt = createdAt;
  path.forEach((step, i) => {
    const at = i === 0 ? createdAt : Math.max(lastAt + 1, createdAt + (offsets[i - 1] ?? i));
    steps.push({ from: previous, to: step.to, reason: step.reason, at });
    previous = step.to;
    lastAt = at;
  });
  return steps;
}

/** How long ago a generated lead was captured: most within the last year, some older. */
export function captureAge(random: Random): number {
  const days = random.chance(0.8) ? random.int(2, 365) : random.int(366, 720);
  return days * DAY - random.int(0, DAY - 1);
}

export { DAY };

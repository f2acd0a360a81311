import type { BuyingRole } from '../domain/buying-roles';
import { assertNever, funnelIndex, isOpenStage, type Stage } from '../domain/stages';
import { missingBantElements, type Bant, type BantElement } from './bant';
import type { HandoverCriterion, ScoringSettings } from './rules';

/** The facts about a lead the handover criteria look at. */
export type HandoverFacts = {
  email: string | null;
  phone: string | null;
  mobile: string | null;
  companyName: string | null;
  jobTitle: string | null;
  buyingRole: BuyingRole;
  /** At least one activity refers to a content item of the library. */
  contentUsed: boolean;
  total: number;
};

function criterionMet(
  criterion: HandoverCriterion,
  facts: HandoverFacts,
  settings: ScoringSettings,
): boolean {
  switch (criterion) {
    case 'contact_route':
      return facts.email !== null || facts.phone !== null || facts.mobile !== null;
    case 'direct_phone':
      return facts.phone !== null || facts.mobile !== null;
    case 'company':
      return facts.companyName !== null;
    case 'job_title':
      return facts.jobTitle !== null && facts.jobTitle.trim() !== '';
    case 'buying_role':
      return facts.buyingRole !== 'unknown';
    case 'content_used':
      return facts.contentUsed;
    case 'mql_score':
      return facts.total >= settings.thresholds.mql;
    default:
      return assertNever(criterion);
  }
}

/** The handover criteria the team requires that the lead does not meet, in setting order. */
export function missingHandoverCriteria(
  facts: HandoverFacts,
  settings: ScoringSettings,
): HandoverCriterion[] {
  return settings.handover.filter((criterion) => !criterionMet(criterion, facts, settings));
}

/** What a move still needs; both lists empty means the gates are open. */
export type GateCheck = { handover: HandoverCriterion[]; bant: BantElement[] };

/**
 * The stage gates of the SLA on top of the transition rules: entering SAL — or SQL or
 * Opportunity from a stage before SAL — needs the handover criteria; entering SQL or
 * Opportunity from before SQL needs the required BANT elements. Moves back, moves within
 * sales' stages and winning a customer (a fact, never refused) pass freely; so does
 * reopening a customer.
 */
export function checkGates(
  from: Stage,
  to: Stage,
  facts: HandoverFacts,
  bant: Bant,
  settings: ScoringSettings,
): GateCheck {
  const none: GateCheck = { handover: [], bant: [] };
  if (!isOpenStage(to) || from === 'customer') return none;
  const fromIndex = isOpenStage(from) ? funnelIndex(from) : -1;
  const toIndex = funnelIndex(to);
  const salIndex = funnelIndex('sal');
  const sqlIndex = funnelIndex('sql');
  return {
    handover:
      toIndex >= salIndex && fromIndex < salIndex ? missingHandoverCriteria(facts, settings) : [],
    bant:
      toIndex >= sqlIndex && fromIndex < sqlIndex
        ? missingBantElements(bant, settings.sqlBant)
        : [],
  };
}

/** What reaching the MQL threshold does to a lead. */
export type MqlDecision = 'promote' | 'flag' | 'none';

/**
 * Whether a lead at `total` is promoted to MQL by scoring, only flagged as ready, or left
 * alone. Only Suspects and Leads are promoted, and only in `promote` mode; a lead a user
 * moved back below MQL (`overruled`) keeps the user's decision and is flagged instead, as
 * is a lead in Nurture (sales decides when it is ready again). Later stages are never
 * touched, and no lead is ever demoted by scoring.
 */
export function mqlDecision(
  stage: Stage,
  total: number,
  settings: ScoringSettings,
  overruled: boolean,
): MqlDecision {
  if (total < settings.thresholds.mql) return 'none';
  switch (stage) {
    case 'suspect':
    case 'lead':
      return settings.mqlMode === 'promote' && !overruled ? 'promote' : 'flag';
    case 'nurture':
      return 'flag';
    case 'mql':
    case 'sal':
    case 'sql':
    case 'opportunity':
    case 'customer':
    case 'disqualified':
    case 'lost':
      return 'none';
    default:
      return assertNever(stage);
  }
}

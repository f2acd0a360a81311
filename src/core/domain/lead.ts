import type { ActivityKind } from './activity-kinds';
import type { BuyingRole } from './buying-roles';
import type { SourceChannel } from './channels';
import type { Bant } from '../scoring/bant';
import type { GateCheck } from '../scoring/gates';
import type { ScoreResult, Temperature } from '../scoring/score';
import type { Stage } from './stages';

// Scoring reads roles and activity kinds from their own modules (it must not depend on the
// lead, which carries its results); everyone else keeps finding them here.
export {
  ACTIVITY_KINDS,
  CONTACT_ACTIVITY_KINDS,
  CONTENT_ACTIVITY_KINDS,
  ENGAGEMENT_ACTIVITY_KINDS,
  SYSTEM_ACTIVITY_KINDS,
  URL_ACTIVITY_KINDS,
  type ActivityKind,
} from './activity-kinds';
export { BUYING_ROLES, type BuyingRole } from './buying-roles';

export const SALUTATIONS = ['frau', 'herr', 'divers', 'none'] as const;
/** Form of address; `none` means the lead gave none and letters use the full name. */
export type Salutation = (typeof SALUTATIONS)[number];

/** Who or what caused a stage change; later capabilities add `scoring` and `import`. */
export const CHANGE_ORIGINS = ['user', 'scoring', 'import', 'system'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** A person using the shared file; chosen per machine ("who am I"). */
export type User = {
  id: string;
  name: string;
  initials: string;
};

export type Campaign = {
  id: string;
  name: string;
  channel: SourceChannel | null;
};

/** The company a lead works for; several leads may share one. */
export type Company = {
  id: string;
  name: string;
  industry: string | null;
  employees: number | null;
  branches: number | null;
  website: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
};

/** The compact view of a lead used by the board and the leads table. */
export type LeadSummary = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  companyName: string | null;
  ownerId: string | null;
  ownerInitials: string | null;
  ownerName: string | null;
  sourceChannel: SourceChannel;
  campaignName: string | null;
  stage: Stage;
  /** Epoch ms UTC when the lead entered its current stage. */
  stageEnteredAt: number;
  expectedValueCents: number | null;
  createdAt: number;
  updatedAt: number;
  version: number;
  scoreFit: number;
  scoreEngagement: number;
  scoreTotal: number;
  temperature: Temperature;
  /** Change of the total over the last 7 days, as of the last scoring. */
  scoreDelta7d: number;
  /** Reached the MQL threshold but left where it is (flag mode, Nurture, or overruled). */
  mqlReady: boolean;
  /** Never contact: the person objected (GDPR); imports never bring them back. */
  doNotContact: boolean;
};

/** Every editable field of a lead, plus its company, as stored. */
export type Lead = {
  id: string;
  salutation: Salutation;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  buyingRole: BuyingRole;
  company: Company | null;
  sourceChannel: SourceChannel;
  campaignId: string | null;
  ownerId: string | null;
  stage: Stage;
  stageEnteredAt: number;
  expectedValueCents: number | null;
  /** ISO calendar date `YYYY-MM-DD`: a day, not an instant. */
  expectedCloseDate: string | null;
  dealValueCents: number | null;
  notes: string;
  /** Never contact: the person objected (GDPR); imports never bring them back. */
  doNotContact: boolean;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  updatedBy: string | null;
  version: number;
};

/** One recorded stage change: when, by whom, why. */
export type StageChange = {
  id: string;
  fromStage: Stage | null;
  toStage: Stage;
  reason: string | null;
  origin: ChangeOrigin;
  /** The total score that triggered a change made by scoring. */
  score: number | null;
  changedAt: number;
  changedBy: string | null;
  changedByName: string | null;
};

/** One entry on the activity timeline. */
export type Activity = {
  id: string;
  kind: ActivityKind;
  occurredAt: number;
  text: string;
  /** The content library item downloaded or attended, if any. */
  contentId: string | null;
  contentName: string | null;
  /** The activity's own topic; when null the content item's topic applies. */
  topic: string | null;
  url: string | null;
  createdAt: number;
  createdBy: string | null;
  createdByName: string | null;
};

/** Everything the lead detail view shows. */
export type LeadDetail = {
  lead: Lead;
  history: StageChange[];
  activities: Activity[];
  /** The explained score at the time of reading, with its 7-day change. */
  score: ScoreResult & { delta7d: number; mqlReady: boolean };
  bant: Bant;
  /** Version of the BANT record, 0 before the first save (optimistic locking). */
  bantVersion: number;
  /** What is still missing for the handover (SAL) and for SQL. */
  gates: GateCheck;
};

import type { BuyingRole } from '../domain/buying-roles';

/** Kinds of content in the team's library (domain README, "Nurturing"). */
export const CONTENT_TYPES = [
  'whitepaper',
  'ebook',
  'webinar',
  'blog_post',
  'case_study',
  'data_sheet',
  'roi_calculator',
  'price_list',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Phases of the buying decision (Kaufentscheidung) a content item is made for. */
export const BUYING_PHASES = ['awareness', 'consideration', 'evaluation', 'purchase'] as const;
export type BuyingPhase = (typeof BUYING_PHASES)[number];

/** One item of the content library; downloads and webinars refer to it. */
export type ContentItem = {
  id: string;
  name: string;
  type: ContentType;
  /** Free text, compared case-insensitively ("Cloud", "Telefonanlagen"). */
  topic: string | null;
  phase: BuyingPhase;
  /** The buying-centre role the item is written for, or null for anyone. */
  targetRole: BuyingRole | null;
  url: string | null;
  /** Archived items stay referenced by old activities but are not offered any more. */
  archived: boolean;
  createdAt: number;
  updatedAt: number;
  version: number;
};

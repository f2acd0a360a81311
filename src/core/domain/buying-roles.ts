/** Function of the contact in the customer's buying centre (domain README, "Scoring"). */
export const BUYING_ROLES = [
  'decision_maker',
  'influencer',
  'user',
  'assistant',
  'unknown',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

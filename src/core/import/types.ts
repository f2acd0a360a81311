import type { SourceChannel } from '../domain/channels';
import type { BuyingRole, Salutation } from '../domain/lead';
import type { Stage } from '../domain/stages';

/**
 * What a column of the file can be imported as. `fullName` is split into first and last
 * name; `department` is kept in the notes; `leadId` is Leadwerk's own id (its export) and
 * matches the existing lead first.
 */
export const IMPORT_FIELDS = [
  'leadId',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'mobile',
  'jobTitle',
  'department',
  'buyingRole',
  'companyName',
  'industry',
  'employees',
  'website',
  'street',
  'postalCode',
  'city',
  'country',
  'sourceChannel',
  'campaign',
  'owner',
  'stage',
  'expectedValue',
  'expectedCloseDate',
  'dealValue',
  'notes',
  'doNotContact',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Column header (as made unique by the reader: a repeated "E-Mail" becomes "E-Mail (2)")
 * → the field it is imported as; headers not listed, or mapped to null, are ignored.
 */
export type ImportMapping = Record<string, ImportField | null>;

/** What happens to a row that matches an existing lead (or an earlier row of the file). */
export const DUPLICATE_ACTIONS = ['skip', 'fill', 'overwrite', 'create'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

/** Default for matches: add what is missing, never destroy what someone typed. */
export const DEFAULT_DUPLICATE_ACTION: DuplicateAction = 'fill';

/**
 * What a possible duplicate (a similar name at the same company only) gets unless the user
 * decides otherwise for its row: a lead of its own — never merged on a name alone.
 */
export const POSSIBLE_DUPLICATE_ACTION: DuplicateAction = 'create';

/**
 * Why two records are taken for the same person, strongest first. `person` (a similar name
 * at the same company) makes only a possible duplicate, and none when the two records have
 * different emails or numbers.
 */
export const MATCH_REASONS = ['lead_id', 'email', 'phone', 'person'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** Company part of an imported row. */
export type ImportedCompany = {
  name: string;
  industry: string | null;
  employees: number | null;
  website: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
};

/**
 * One row as it will be stored: values parsed and normalised (E.164 phones, punycode email
 * domains, cents, ISO days). Null means "not given in the file" — a fill never writes it and
 * an overwrite keeps the stored value.
 */
export type ImportedLead = {
  leadId: string | null;
  salutation: Salutation | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  buyingRole: BuyingRole | null;
  company: ImportedCompany | null;
  sourceChannel: SourceChannel | null;
  campaignName: string | null;
  ownerName: string | null;
  stage: Stage | null;
  expectedValueCents: number | null;
  expectedCloseDate: string | null;
  dealValueCents: number | null;
  notes: string | null;
  doNotContact: boolean | null;
};

/** Problems with one row or value; each has a text under `importIssues.<code>`. */
export const IMPORT_ISSUE_CODES = [
  'name_missing',
  'email_invalid',
  'phone_invalid',
  'date_invalid',
  'amount_invalid',
  'number_invalid',
  'too_long',
  'salutation_unknown',
  'role_unknown',
  'stage_unknown',
  'channel_unknown',
  'owner_unknown',
  'flag_invalid',
  'formula_kept',
  'unclosed_quote',
  'extra_fields',
  'empty_row',
  'name_substituted',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/**
 * Errors leave the row out (a row without a name and a contact route, a text too long for its
 * field, a record the reader could not read whole); warnings import it with the value dropped
 * (its raw text kept in the notes) or kept as text.
 */
export type IssueSeverity = 'error' | 'warning';

/** One problem in one row; `row` is the number the user sees in their program. */
export type RowIssue = {
  row: number;
  field: ImportField | null;
  column: string | null;
  code: ImportIssueCode;
  /** The offending value, cut to 100 characters. */
  value: string;
  severity: IssueSeverity;
};

/** The result of converting one raw row with a mapping. */
export type ConvertedRow = {
  row: number;
  lead: ImportedLead | null;
  issues: RowIssue[];
};

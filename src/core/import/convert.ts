import { detachString } from '../formats/detach';
import type { Salutation } from '../domain/lead';
import { restoreNeutralized } from '../formats/csv-writer';
import type { RawRecord } from '../formats/types';
import type {
  ConvertedRow,
  ImportField,
  ImportIssueCode,
  ImportedCompany,
  ImportedLead,
  IssueSeverity,
  RowIssue,
} from './types';
import {
  isTitleWord,
  looksLikeFormula,
  parseAmountCents,
  parseBuyingRole,
  parseCount,
  parseDate,
  parseEmail,
  parseFlag,
  parsePhone,
  parseSourceChannel,
  parseStage,
  salutationOfWord,
  splitFullName,
  type Parsed,
} from './values';

/** Settings that apply to every row of a file. */
export type ConvertContext = {
  /** Region national phone numbers are read in. */
  defaultRegion: 'DE';
};

/** Fields stored as free text. */
type TextField = Exclude<
  ImportField,
  | 'salutation'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'buyingRole'
  | 'employees'
  | 'sourceChannel'
  | 'stage'
  | 'expectedValue'
  | 'expectedCloseDate'
  | 'dealValue'
  | 'doNotContact'
>;

/**
 * Longest text per field, in characters. Where the lead form has a limit the import uses
 * the same one (company name, industry, city, country 100; postal code 20), so that every
 * imported lead can be saved again unchanged from the detail view.
 */
export const FIELD_MAX_LENGTH: Record<TextField | 'email', number> = {
  leadId: 200,
  title: 200,
  firstName: 100,
  lastName: 100,
  email: 254,
  jobTitle: 100,
  department: 200,
  companyName: 100,
  industry: 100,
  website: 200,
  street: 200,
  postalCode: 20,
  city: 100,
  country: 100,
  campaign: 200,
  owner: 200,
  notes: 20_000,
};

/** Issues show at most this much of the offending value. */
const ISSUE_VALUE_LENGTH = 100;

/**
 * Labels of the lines added to the notes. They become part of the stored text, so they are
 * fixed German, whatever the UI language.
 */
const NOTE_LABELS = { title: 'Titel', department: 'Abteilung' } as const;

/** One mapped, non-empty cell. */
type Cell = { value: string; column: string | null };

/**
 * Converts one raw record into the lead it will store, with every problem found. Cells are
 * trimmed, un-neutralised (`'=…` from a Leadwerk export becomes `=…`) and get LF line
 * breaks. Values are parsed
 * per field: errors (invalid email, phone, date, amount or count, text too long, first or
 * last name missing) leave the row out (`lead` null); warnings (unknown salutation — stored
 * as `none` —, unknown role, stage or channel and invalid flags — dropped —, formulas kept
 * as text) import it. Name columns win over a full-name column, which only fills what they
 * leave empty. The academic title ("Titel: Dr.") and department ("Abteilung: Vertrieb") are
 * added to the notes as lines of their own; company fields are dropped when there is no
 * company name. A row whose cells are all empty gives lead null with an `empty_row` warning.
 */
export function convertRow(
  record: RawRecord,
  headers: readonly string[],
  columns: readonly (ImportField | null)[],
  context: ConvertContext,
): ConvertedRow {
  const issues: RowIssue[] = [];
  const cells = record.cells.map((cell) => {
    const value = restoreNeutralized(cell.trim()).trim().replace(/\r\n?/g, '\n');
    // A value trimmed out of a long cell would keep all of the cell alive (see detachString).
    return value.length < cell.length ? detachString(value) : value;
  });
  if (cells.every((cell) => cell === '')) {
    issues.push({
      row: record.row,
      field: null,
      column: null,
      code: 'empty_row',
      value: '',
      severity: 'warning',
    });
    return { row: record.row, lead: null, issues };
  }

  const given = new Map<ImportField, Cell>();
  const mappedColumn = new Map<ImportField, string | null>();
  columns.forEach((field, index) => {
    const value = cells[index] ?? '';
    if (field !== null && !mappedColumn.has(field)) mappedColumn.set(field, headers[index] ?? null);
    if (field !== null && value !== '' && !given.has(field)) {
      given.set(field, { value, column: headers[index] ?? null });
    }
  });

  const report = (
    field: ImportField,
    code: ImportIssueCode,
    severity: IssueSeverity,
    value: string,
    column = given.get(field)?.column ?? mappedColumn.get(field) ?? null,
  ): void => {
    issues.push({
      row: record.row,
      field,
      column,
      code,
      // Issues outlive the record (the summary keeps a thousand): never a view into it.
      value: detachString(value.slice(0, ISSUE_VALUE_LENGTH)),
      severity,
    });
  };

  /** A text cell as written; formulas are kept with a warning. */
  const text = (field: ImportField): string | null => {
    const cell = given.get(field);
    if (cell === undefined) return null;
    if (looksLikeFormula(cell.value)) report(field, 'formula_kept', 'warning', cell.value);
    return cell.value;
  };

  /** Reports a text longer than its field allows (an error). */
  const checkLength = (
    field: TextField | 'email',
    value: string | null,
    column?: string | null,
  ): void => {
    if (value !== null && value.length > FIELD_MAX_LENGTH[field]) {
      report(field, 'too_long', 'error', value, column);
    }
  };

  /** A parsed cell; failures are reported with the parser's code at the given severity. */
  const parsed = <T>(
    field: ImportField,
    parse: (value: string) => Parsed<T>,
    severity: IssueSeverity,
  ): T | null => {
    const cell = given.get(field);
    if (cell === undefined) return null;
    const result = parse(cell.value);
    if (result.ok) return result.value;
    report(field, result.code, severity, cell.value);
    return null;
  };

  // Names: separate columns first, then the full name fills the gaps.
  const salutationCell = given.get('salutation');
  let salutation: Salutation | null = null;
  let title = text('title');
  if (salutationCell !== undefined) {
    const read = readSalutation(salutationCell.value);
    if (read === null) {
      report('salutation', 'salutation_unknown', 'warning', salutationCell.value);
      salutation = 'none';
    } else {
      salutation = read.salutation;
      title ??= read.title;
    }
  }
  let firstName = text('firstName') ?? '';
  let lastName = text('lastName') ?? '';
  const fullName = text('fullName');
  const nameColumn = (field: 'firstName' | 'lastName'): string | null =>
    given.get(field)?.column ?? given.get('fullName')?.column ?? mappedColumn.get(field) ?? null;
  if (fullName !== null) {
    const parts = splitFullName(fullName);
    if (firstName === '') firstName = parts.firstName;
    if (lastName === '') lastName = parts.lastName;
    salutation ??= parts.salutation;
    title ??= parts.title;
  }
  // Like the lead form: the last name is required, the first name may be missing (address
  // books and scanned business cards often hold one name only).
  if (lastName === '') {
    const shown = fullName ?? firstName;
    report('lastName', 'name_missing', 'error', shown, nameColumn('lastName'));
  }
  checkLength('firstName', firstName, nameColumn('firstName'));
  checkLength('lastName', lastName, nameColumn('lastName'));
  checkLength('title', title);

  const emailCell = given.get('email');
  let email: string | null = null;
  if (emailCell !== undefined && emailCell.value.length > FIELD_MAX_LENGTH.email) {
    checkLength('email', emailCell.value);
  } else {
    email = parsed('email', parseEmail, 'error');
  }
  const phone = parsed('phone', (value) => parsePhone(value, context.defaultRegion), 'error');
  const mobile = parsed('mobile', (value) => parsePhone(value, context.defaultRegion), 'error');

  const leadId = text('leadId');
  const jobTitle = text('jobTitle');
  const department = text('department');
  const campaignName = text('campaign');
  const ownerName = text('owner');
  checkLength('leadId', leadId);
  checkLength('jobTitle', jobTitle);
  checkLength('department', department);
  checkLength('campaign', campaignName);
  checkLength('owner', ownerName);

  const companyName = text('companyName');
  let company: ImportedCompany | null = null;
  if (companyName !== null) {
    company = {
      name: companyName,
      industry: text('industry'),
      employees: parsed('employees', parseCount, 'error'),
      website: text('website'),
      street: text('street'),
      postalCode: text('postalCode'),
      city: text('city'),
      country: text('country'),
    };
    checkLength('companyName', company.name);
    checkLength('industry', company.industry);
    checkLength('website', company.website);
    checkLength('street', company.street);
    checkLength('postalCode', company.postalCode);
    checkLength('city', company.city);
    checkLength('country', company.country);
  }

  const noteLines = [
    text('notes'),
    title === null ? null : `${NOTE_LABELS.title}: ${title}`,
    department === null ? null : `${NOTE_LABELS.department}: ${department}`,
  ].filter((line): line is string => line !== null);
  const notes = noteLines.length === 0 ? null : noteLines.join('\n');
  checkLength('notes', notes);

  const lead: ImportedLead = {
    leadId,
    salutation,
    firstName,
    lastName,
    email,
    phone,
    mobile,
    jobTitle,
    buyingRole: parsed('buyingRole', parseBuyingRole, 'warning'),
    company,
    sourceChannel: parsed('sourceChannel', parseSourceChannel, 'warning'),
    campaignName,
    ownerName,
    stage: parsed('stage', parseStage, 'warning'),
    expectedValueCents: parsed('expectedValue', parseAmountCents, 'error'),
    expectedCloseDate: parsed('expectedCloseDate', parseDate, 'error'),
    dealValueCents: parsed('dealValue', parseAmountCents, 'error'),
    notes,
    doNotContact: parsed('doNotContact', parseFlag, 'warning'),
  };
  const failed = issues.some((issue) => issue.severity === 'error');
  return { row: record.row, lead: failed ? null : lead, issues };
}

/**
 * Reads a salutation cell, which Outlook also uses for titles ("Herr Dr.", "Dr."): the first
 * word decides the salutation, title words after it (or alone) become the title. Null when
 * the first word is neither.
 */
function readSalutation(
  value: string,
): { salutation: Salutation | null; title: string | null } | null {
  const words = value.split(/\s+/);
  const form = salutationOfWord(words[0] ?? '');
  const rest = form === null ? words : words.slice(1);
  const titles = rest.filter(isTitleWord);
  if (form === null && (rest.length === 0 || titles.length !== rest.length)) return null;
  return { salutation: form, title: titles.join(' ') || null };
}

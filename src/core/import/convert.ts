import { detachString } from '../formats/detach';
import type { Salutation } from '../domain/lead';
import { translate } from '../i18n';
import type { Language } from '../ipc/contract';
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
  /**
   * Catalog language of the lines that keep invalid values in the notes: the language of the
   * user who runs the import (as for the "Importiert aus …" activity); German when omitted.
   */
  language?: Language;
};

/** Issue codes whose value is dropped from its field and kept in the notes instead. */
const NOTED_CODES = [
  'email_invalid',
  'phone_invalid',
  'date_invalid',
  'amount_invalid',
  'number_invalid',
  'salutation_unknown',
  'role_unknown',
  'stage_unknown',
  'channel_unknown',
  'flag_invalid',
] as const satisfies readonly ImportIssueCode[];
type NotedCode = (typeof NOTED_CODES)[number];

function isNoted(code: ImportIssueCode): code is NotedCode {
  return (NOTED_CODES as readonly ImportIssueCode[]).includes(code);
}

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
 * breaks. No contact is lost over one bad field:
 *
 * - A row is left out (`lead` null, an error) only when it has **neither a usable name nor
 *   a contact route** — a usable name is a last name (its own column, or the last name of a
 *   full-name column or vCard `N`/`FN`) or a company name; a contact route is a valid email
 *   address, phone or mobile number — or when a text is longer than its field allows.
 * - A row without a last name but with a contact route or a company is imported: the first
 *   of first name (moved, the first name stays empty), company name, email, phone and mobile
 *   becomes the last name, with a `name_substituted` warning naming the column it came from.
 * - An invalid value (email, phone, mobile, date, amount, employee count, flag, unknown
 *   salutation — stored as `none` —, buying role, stage or source channel) is left empty and
 *   reported as a warning with its row and column; its raw text is appended to the notes as
 *   a line "Import: ungültige Telefonnummer „…“ (Spalte „Telefon“) übernommen als Notiz" in
 *   `context.language`. Formulas are kept as text with a warning.
 *
 * Name columns win over a full-name column, which only fills what they leave empty. The
 * academic title ("Titel: Dr.") and department ("Abteilung: Vertrieb") are added to the notes
 * as lines of their own; company fields are dropped when there is no company name. A row
 * whose cells are all empty gives lead null with an `empty_row` warning.
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

  /** Invalid values dropped from their field, in the order found, for the notes. */
  const noted: { code: NotedCode; value: string; column: string | null }[] = [];
  const report = (
    field: ImportField,
    code: ImportIssueCode,
    severity: IssueSeverity,
    value: string,
    column = given.get(field)?.column ?? mappedColumn.get(field) ?? null,
  ): void => {
    if (isNoted(code)) noted.push({ code, value, column });
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

  /** A parsed cell; a failure is a warning with the parser's code, the field left empty. */
  const parsed = <T>(field: ImportField, parse: (value: string) => Parsed<T>): T | null => {
    const cell = given.get(field);
    if (cell === undefined) return null;
    const result = parse(cell.value);
    if (result.ok) return result.value;
    report(field, result.code, 'warning', cell.value);
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
  checkLength('firstName', firstName, nameColumn('firstName'));
  checkLength('lastName', lastName, nameColumn('lastName'));
  checkLength('title', title);

  const emailCell = given.get('email');
  let email: string | null = null;
  if (emailCell !== undefined && emailCell.value.length > FIELD_MAX_LENGTH.email) {
    checkLength('email', emailCell.value);
  } else {
    email = parsed('email', parseEmail);
  }
  const phone = parsed('phone', (value) => parsePhone(value, context.defaultRegion));
  const mobile = parsed('mobile', (value) => parsePhone(value, context.defaultRegion));

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
      employees: parsed('employees', parseCount),
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

  const givenNotes = text('notes');

  // Like the lead form, a lead has a last name; the first name may be missing (address books
  // and scanned business cards often hold one name only).
  if (lastName === '') {
    const substitute = nameSubstitute([
      [firstName, nameColumn('firstName')],
      [company?.name ?? '', given.get('companyName')?.column ?? null],
      [email ?? '', given.get('email')?.column ?? null],
      [phone ?? '', given.get('phone')?.column ?? null],
      [mobile ?? '', given.get('mobile')?.column ?? null],
    ]);
    const reachable = email !== null || phone !== null || mobile !== null;
    if ((company === null && !reachable) || substitute === null) {
      report('lastName', 'name_missing', 'error', fullName ?? firstName, nameColumn('lastName'));
    } else {
      // The first name, when there is one, is the substitute: it moves.
      firstName = '';
      lastName = substitute.value.slice(0, FIELD_MAX_LENGTH.lastName);
      report('lastName', 'name_substituted', 'warning', substitute.value, substitute.column);
    }
  }

  const buyingRole = parsed('buyingRole', parseBuyingRole);
  const sourceChannel = parsed('sourceChannel', parseSourceChannel);
  const stage = parsed('stage', parseStage);
  const expectedValueCents = parsed('expectedValue', parseAmountCents);
  const expectedCloseDate = parsed('expectedCloseDate', parseDate);
  const dealValueCents = parsed('dealValue', parseAmountCents);
  const doNotContact = parsed('doNotContact', parseFlag);

  const language = context.language ?? 'de';
  const noteLines = [
    givenNotes,
    title === null ? null : `${NOTE_LABELS.title}: ${title}`,
    department === null ? null : `${NOTE_LABELS.department}: ${department}`,
    ...noted.map(({ code, value, column }) =>
      translate(language, 'importIssues.noteLine', {
        problem: translate(language, `importIssues.noteProblems.${code}`),
        value,
        column: column ?? '',
      }),
    ),
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
    buyingRole,
    company,
    sourceChannel,
    campaignName,
    ownerName,
    stage,
    expectedValueCents,
    expectedCloseDate,
    dealValueCents,
    notes,
    doNotContact,
  };
  const failed = issues.some((issue) => issue.severity === 'error');
  return { row: record.row, lead: failed ? null : lead, issues };
}

/** The first non-empty candidate for a missing last name, with the column it came from. */
function nameSubstitute(
  candidates: readonly (readonly [string, string | null])[],
): { value: string; column: string | null } | null {
  const found = candidates.find(([value]) => value !== '');
  return found === undefined ? null : { value: found[0], column: found[1] };
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

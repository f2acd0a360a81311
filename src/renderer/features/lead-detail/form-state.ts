import type { z } from 'zod';
import { SOURCE_CHANNELS, type SourceChannel } from '@core/domain/channels';
import {
  BUYING_ROLES,
  SALUTATIONS,
  type BuyingRole,
  type Lead,
  type Salutation,
} from '@core/domain/lead';
import { parseAmountToCents } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';
import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { leadCreateSchema, leadFieldsSchema, type LeadFields } from '@core/ipc/leads/schemas';
import { centsToInput, formatDayText, formatPhone, parseDayText } from '../../shared/format';

/** Everything the form shows, as typed text: nothing is converted until Save. */
export type LeadFormValues = {
  salutation: Salutation;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  jobTitle: string;
  buyingRole: BuyingRole;
  companyName: string;
  industry: string;
  employees: string;
  branches: string;
  website: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  sourceChannel: SourceChannel;
  campaignId: string;
  ownerId: string;
  expectedValue: string;
  expectedCloseDate: string;
  notes: string;
  /** The "do not contact" switch, as text like every other value of the form. */
  doNotContact: 'yes' | 'no';
};

export type FormField = keyof LeadFormValues;
/** i18n keys of the messages under each field. */
export type FormErrors = Partial<Record<FormField, FieldIssue>>;

const COMPANY_FIELDS = {
  name: 'companyName',
  industry: 'industry',
  employees: 'employees',
  branches: 'branches',
  website: 'website',
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  country: 'country',
} as const satisfies Record<string, FormField>;

export function emptyFormValues(ownerId: string | null): LeadFormValues {
  return {
    salutation: SALUTATIONS[3],
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    mobile: '',
    jobTitle: '',
    buyingRole: BUYING_ROLES[4],
    companyName: '',
    industry: '',
    employees: '',
    branches: '',
    website: '',
    street: '',
    postalCode: '',
    city: '',
    country: '',
    sourceChannel: SOURCE_CHANNELS[SOURCE_CHANNELS.length - 1] ?? 'other',
    campaignId: '',
    ownerId: ownerId ?? '',
    expectedValue: '',
    expectedCloseDate: '',
    notes: '',
    doNotContact: 'no',
  };
}

export function formValuesFromLead(lead: Lead, language: Language): LeadFormValues {
  const c = lead.company;
  const count = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    salutation: lead.salutation,
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email ?? '',
    phone: lead.phone === null ? '' : formatPhone(lead.phone),
    mobile: lead.mobile === null ? '' : formatPhone(lead.mobile),
    jobTitle: lead.jobTitle ?? '',
    buyingRole: lead.buyingRole,
    companyName: c?.name ?? '',
    industry: c?.industry ?? '',
    employees: count(c?.employees),
    branches: count(c?.branches),
    website: c?.website ?? '',
    street: c?.street ?? '',
    postalCode: c?.postalCode ?? '',
    city: c?.city ?? '',
    country: c?.country ?? '',
    sourceChannel: lead.sourceChannel,
    campaignId: lead.campaignId ?? '',
    ownerId: lead.ownerId ?? '',
    expectedValue: centsToInput(lead.expectedValueCents, language),
    expectedCloseDate: formatDayText(lead.expectedCloseDate, language),
    notes: lead.notes,
    doNotContact: lead.doNotContact ? 'yes' : 'no',
  };
}

/** Maps a contract path (`company.name`, `expectedValueCents`) to the form field showing it. */
export function fieldOfPath(path: (string | number)[]): FormField | null {
  const [head, sub] = path;
  if (head === 'fields') return fieldOfPath(path.slice(1));
  if (head === 'company') {
    return typeof sub === 'string' && sub in COMPANY_FIELDS
      ? COMPANY_FIELDS[sub as keyof typeof COMPANY_FIELDS]
      : 'companyName';
  }
  if (head === 'expectedValueCents') return 'expectedValue';
  if (typeof head === 'string' && head in emptyFormValues(null)) return head as FormField;
  return null;
}

export function errorsFromIssues(issues: FieldIssue[] | undefined): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues ?? []) {
    const field = fieldOfPath(issue.path);
    if (field && !errors[field]) errors[field] = issue;
  }
  return errors;
}

function parseCount(text: string): number | string | null {
  const trimmed = text.trim().replace(/\./g, '');
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : text;
}

type Conversion = { fields: Record<string, unknown>; issues: FieldIssue[] };

/** A typed day as `YYYY-MM-DD`; unreadable text is passed on for the schema to name. */
function dayOrText(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : (parseDayText(trimmed) ?? trimmed);
}

/** Turns the typed text into the contract's field input; unreadable numbers become issues. */
function toFieldInput(values: LeadFormValues): Conversion {
  const issues: FieldIssue[] = [];
  const count = (text: string, field: FormField) => {
    const value = parseCount(text);
    if (typeof value === 'string') {
      issues.push({ path: [field], key: 'validation.whole_number' });
      return null;
    }
    return value;
  };
  let expectedValueCents: number | null = null;
  if (values.expectedValue.trim() !== '') {
    expectedValueCents = parseAmountToCents(values.expectedValue);
    if (expectedValueCents === null)
      issues.push({ path: ['expectedValue'], key: 'validation.amount' });
  }
  const companyTexts = [values.companyName, values.industry, values.employees, values.branches];
  const addressTexts = [
    values.website,
    values.street,
    values.postalCode,
    values.city,
    values.country,
  ];
  const hasCompany = [...companyTexts, ...addressTexts].some((text) => text.trim() !== '');
  const fields = {
    salutation: values.salutation,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    mobile: values.mobile,
    jobTitle: values.jobTitle,
    buyingRole: values.buyingRole,
    company: hasCompany
      ? {
          name: values.companyName,
          industry: values.industry,
          employees: count(values.employees, 'employees'),
          branches: count(values.branches, 'branches'),
          website: values.website,
          street: values.street,
          postalCode: values.postalCode,
          city: values.city,
          country: values.country,
        }
      : null,
    sourceChannel: values.sourceChannel,
    campaignId: values.campaignId || null,
    ownerId: values.ownerId || null,
    expectedValueCents,
    expectedCloseDate: dayOrText(values.expectedCloseDate),
    notes: values.notes,
    doNotContact: values.doNotContact === 'yes',
  };
  return { fields, issues };
}

export type Validation = { ok: true; fields: LeadFields } | { ok: false; errors: FormErrors };

/** Client-side check with the contract's schemas, before anything is sent. */
export function validateLeadForm(values: LeadFormValues, mode: 'create' | 'update'): Validation {
  const { fields, issues } = toFieldInput(values);
  const schema: z.ZodType<LeadFields, unknown> =
    mode === 'create' ? (leadCreateSchema as never) : leadFieldsSchema;
  const parsed = schema.safeParse(fields);
  const all = parsed.success ? issues : [...issues, ...toFieldIssues(parsed.error)];
  if (all.length > 0 || !parsed.success) return { ok: false, errors: errorsFromIssues(all) };
  return { ok: true, fields: parsed.data };
}

/**
 * After a conflict the user reloads: fields the user changed keep the typed text, the
 * others take the newer stored values.
 */
export function mergeAfterReload<T extends Record<string, string>>(base: T, mine: T, theirs: T): T {
  const merged = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (mine[key] !== base[key]) merged[key] = mine[key];
  }
  return merged;
}

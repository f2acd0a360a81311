import { BUYING_ROLES, type BuyingRole } from '@core/domain/lead';
import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { contentFieldsSchema } from '@core/ipc/scoring-schemas';
import type { BuyingPhase, ContentItem, ContentType } from '@core/scoring/index';
import type { z } from 'zod';

export type ContentFields = z.output<typeof contentFieldsSchema>;

/** What the editor shows, as typed; `targetRole: ''` means "any role". */
export type ContentFormValues = {
  name: string;
  type: ContentType;
  topic: string;
  phase: BuyingPhase;
  targetRole: BuyingRole | '';
  url: string;
  archived: boolean;
};

export type ContentFormField = keyof ContentFormValues;
export type ContentFormErrors = Partial<Record<ContentFormField, FieldIssue>>;

export const EMPTY_CONTENT_FORM: ContentFormValues = {
  name: '',
  type: 'whitepaper',
  topic: '',
  phase: 'awareness',
  targetRole: '',
  url: '',
  archived: false,
};

export function formValuesFromItem(item: ContentItem): ContentFormValues {
  return {
    name: item.name,
    type: item.type,
    topic: item.topic ?? '',
    phase: item.phase,
    targetRole: item.targetRole ?? '',
    url: item.url ?? '',
    archived: item.archived,
  };
}

function isRole(value: string): value is BuyingRole {
  return (BUYING_ROLES as readonly string[]).includes(value);
}

/** Issues of `content.create|update` (`fields.name`) or of the local check, per field. */
export function errorsFromIssues(issues: FieldIssue[] | undefined): ContentFormErrors {
  const errors: ContentFormErrors = {};
  for (const issue of issues ?? []) {
    const [head, sub] = issue.path;
    const field = head === 'fields' ? sub : head;
    if (typeof field === 'string' && field in EMPTY_CONTENT_FORM) {
      errors[field as ContentFormField] ??= issue;
    }
  }
  return errors;
}

export type ContentValidation =
  { ok: true; fields: ContentFields } | { ok: false; errors: ContentFormErrors };

/** The contract's check of the fields, before anything is sent. */
export function validateContentForm(values: ContentFormValues): ContentValidation {
  const parsed = contentFieldsSchema.safeParse({
    ...values,
    targetRole: isRole(values.targetRole) ? values.targetRole : null,
  });
  return parsed.success
    ? { ok: true, fields: parsed.data }
    : { ok: false, errors: errorsFromIssues(toFieldIssues(parsed.error)) };
}

/** After a conflict: the fields the user changed keep the input, the others take theirs. */
export function mergeContentForm(
  base: ContentFormValues,
  mine: ContentFormValues,
  theirs: ContentFormValues,
): ContentFormValues {
  const merged: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine) as ContentFormField[]) {
    if (mine[key] !== base[key]) merged[key] = mine[key];
  }
  return merged as ContentFormValues;
}

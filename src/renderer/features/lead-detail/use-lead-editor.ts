import { useCallback, useState } from 'react';
import type { LeadDetail } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useLanguage } from '../../shared/use-language';
import {
  errorsFromIssues,
  formValuesFromLead,
  mergeAfterReload,
  validateLeadForm,
  type FormErrors,
  type LeadFormValues,
} from './form-state';

type Editing = { base: LeadFormValues; values: LeadFormValues; version: number | null };

export type SaveOutcome = { ok: true; detail: LeadDetail } | { ok: false };

/**
 * Form state of a lead: what was loaded (`base`, `version`), what is typed (`values`), and
 * the errors of the last save. A save that fails never touches `values`.
 */
export function useLeadEditor(leadId: string | null, initial: LeadFormValues) {
  const api = useApi();
  const language = useLanguage();
  const [editing, setEditing] = useState<Editing>({
    base: initial,
    values: initial,
    version: null,
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(editing.base) !== JSON.stringify(editing.values);

  const change = useCallback((changes: Partial<LeadFormValues>) => {
    setEditing((current) => ({ ...current, values: { ...current.values, ...changes } }));
  }, []);

  /** Takes stored data into the form; typed changes survive (merged) when `keepMine`. */
  const adopt = useCallback(
    (detail: LeadDetail, keepMine: boolean) => {
      const theirs = formValuesFromLead(detail.lead, language);
      setEditing((current) => ({
        base: theirs,
        values: keepMine ? mergeAfterReload(current.base, current.values, theirs) : theirs,
        version: detail.lead.version,
      }));
    },
    [language],
  );

  const save = useCallback(async (): Promise<SaveOutcome> => {
    const mode = leadId ? 'update' : 'create';
    const checked = validateLeadForm(editing.values, mode);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(null);
      return { ok: false };
    }
    setSaving(true);
    const result = leadId
      ? await api.invoke('leads.update', {
          id: leadId,
          version: editing.version ?? 0,
          fields: checked.fields,
        })
      : await api.invoke('leads.create', { fields: checked.fields });
    setSaving(false);
    if (!result.ok) {
      setErrors(errorsFromIssues(result.error.issues));
      setFailure(result.error);
      return { ok: false };
    }
    setErrors({});
    setFailure(null);
    adopt(result.value, false);
    return { ok: true, detail: result.value };
  }, [adopt, api, editing.values, editing.version, leadId]);

  return {
    values: editing.values,
    version: editing.version,
    dirty,
    errors,
    failure,
    saving,
    change,
    adopt,
    save,
    clearFailure: () => setFailure(null),
  };
}

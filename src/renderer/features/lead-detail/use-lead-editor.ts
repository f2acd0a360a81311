import { useCallback } from 'react';
import type { LeadDetail } from '@core/domain/lead';
import { useApi } from '../../api/client';
import { useLanguage } from '../../shared/use-language';
import {
  errorsFromIssues,
  formValuesFromLead,
  validateLeadForm,
  type FormField,
  type LeadFormValues,
} from './form-state';
import { useVersionedForm } from './use-versioned-form';

export type SaveOutcome = { ok: true; detail: LeadDetail } | { ok: false };

/**
 * Form state of a lead: what was loaded (`base`, `version`), what is typed (`values`), and
 * the errors of the last save. A save that fails never touches `values`.
 */
export function useLeadEditor(leadId: string | null, initial: LeadFormValues) {
  const api = useApi();
  const language = useLanguage();
  const form = useVersionedForm<LeadFormValues, FormField, number | null>(initial, null);
  const { editing, dirty, errors, setErrors, failure, setFailure, saving, setSaving, change } =
    form;
  const { adoptValues } = form;

  /** Takes stored data into the form; typed changes survive (merged) when `keepMine`. */
  const adopt = useCallback(
    (detail: LeadDetail, keepMine: boolean) => {
      adoptValues(formValuesFromLead(detail.lead, language), detail.lead.version, keepMine);
    },
    [adoptValues, language],
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
  }, [adopt, api, editing.values, editing.version, leadId, setErrors, setFailure, setSaving]);

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

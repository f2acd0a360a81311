import { useCallback } from 'react';
import type { LeadDetail } from '@core/domain/lead';
import { useApi } from '../../api/client';
import { useLanguage } from '../../shared/use-language';
import {
  bantErrorsFromIssues,
  bantFormValues,
  validateBantForm,
  type BantField,
  type BantFormValues,
} from './bant-form';
import { useVersionedForm } from './use-versioned-form';

/**
 * Form state of a lead's BANT: what was loaded (`base`, `bantVersion`), what is typed, and the
 * errors of the last save. A failed save never touches the typed values.
 */
export function useBantEditor(leadId: string, detail: LeadDetail) {
  const api = useApi();
  const language = useLanguage();
  const form = useVersionedForm<BantFormValues, BantField, number>(
    bantFormValues(detail.bant, language),
    detail.bantVersion,
  );
  const { editing, dirty, errors, setErrors, failure, setFailure, saving, setSaving, change } =
    form;
  const { adoptValues } = form;

  /** Takes stored BANT into the form; typed changes survive (merged) when `keepMine`. */
  const adopt = useCallback(
    (fresh: LeadDetail, keepMine: boolean) => {
      adoptValues(bantFormValues(fresh.bant, language), fresh.bantVersion, keepMine);
      setFailure(null);
    },
    [adoptValues, language, setFailure],
  );

  const save = useCallback(async (): Promise<LeadDetail | null> => {
    const checked = validateBantForm(editing.values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(null);
      return null;
    }
    setSaving(true);
    const result = await api.invoke('bant.update', {
      leadId,
      version: editing.version,
      bant: checked.bant,
    });
    setSaving(false);
    if (!result.ok) {
      setErrors(bantErrorsFromIssues(result.error.issues));
      setFailure(result.error);
      return null;
    }
    setErrors({});
    setFailure(null);
    adopt(result.value, false);
    return result.value;
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
  };
}

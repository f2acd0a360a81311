import { useCallback, useState } from 'react';
import type { LeadDetail } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useLanguage } from '../../shared/use-language';
import {
  bantErrorsFromIssues,
  bantFormValues,
  validateBantForm,
  type BantErrors,
  type BantFormValues,
} from './bant-form';
import { mergeAfterReload } from './form-state';

type Editing = { base: BantFormValues; values: BantFormValues; version: number };

/**
 * Form state of a lead's BANT: what was loaded (`base`, `bantVersion`), what is typed, and the
 * errors of the last save. A failed save never touches the typed values.
 */
export function useBantEditor(leadId: string, detail: LeadDetail) {
  const api = useApi();
  const language = useLanguage();
  const [editing, setEditing] = useState<Editing>(() => {
    const values = bantFormValues(detail.bant, language);
    return { base: values, values, version: detail.bantVersion };
  });
  const [errors, setErrors] = useState<BantErrors>({});
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(editing.base) !== JSON.stringify(editing.values);

  const change = useCallback((changes: Partial<BantFormValues>) => {
    setEditing((current) => ({ ...current, values: { ...current.values, ...changes } }));
  }, []);

  /** Takes stored BANT into the form; typed changes survive (merged) when `keepMine`. */
  const adopt = useCallback(
    (fresh: LeadDetail, keepMine: boolean) => {
      const theirs = bantFormValues(fresh.bant, language);
      setEditing((current) => ({
        base: theirs,
        values: keepMine ? mergeAfterReload(current.base, current.values, theirs) : theirs,
        version: fresh.bantVersion,
      }));
      setFailure(null);
    },
    [language],
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
  };
}

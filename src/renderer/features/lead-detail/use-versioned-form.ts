import { useCallback, useState } from 'react';
import type { AppErrorData, FieldIssue } from '@core/ipc/result';
import { mergeAfterReload } from './form-state';

/**
 * The editing state shared by the lead form and the BANT panel: what was loaded (`base`,
 * `version`), what is typed (`values`), the errors and failure of the last save. Adopting
 * stored data keeps the user's typed changes (merged) when asked, so nothing typed is lost.
 */
export function useVersionedForm<V extends Record<string, string>, F extends string, Version>(
  initialValues: V,
  initialVersion: Version,
) {
  const [editing, setEditing] = useState(() => ({
    base: initialValues,
    values: initialValues,
    version: initialVersion,
  }));
  const [errors, setErrors] = useState<Partial<Record<F, FieldIssue>>>({});
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(editing.base) !== JSON.stringify(editing.values);

  const change = useCallback((changes: Partial<V>) => {
    setEditing((current) => ({ ...current, values: { ...current.values, ...changes } }));
  }, []);

  /** Takes stored values into the form; typed changes survive (merged) when `keepMine`. */
  const adoptValues = useCallback((theirs: V, version: Version, keepMine: boolean) => {
    setEditing((current) => ({
      base: theirs,
      values: keepMine ? mergeAfterReload(current.base, current.values, theirs) : theirs,
      version,
    }));
  }, []);

  return {
    editing,
    dirty,
    errors,
    setErrors,
    failure,
    setFailure,
    saving,
    setSaving,
    change,
    adoptValues,
  };
}

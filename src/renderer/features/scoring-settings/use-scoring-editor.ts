import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '@core/ipc/contract';
import type { AppErrorData, FieldIssue } from '@core/ipc/result';
import { DEFAULT_SCORING_SETTINGS } from '@core/scoring/index';
import { useApi } from '../../api/client';
import { checkDraft, draftIssuesOf, sameSettings, type Draft } from './draft';

export type ScoringState = ChannelOutput<'scoring.get'>;
export type RecomputeResult = ChannelOutput<'scoring.save'>['recompute'];

type Editing = {
  /** The stored model the draft started from (or was rebased onto after a conflict). */
  loaded: ScoringState;
  draft: Draft;
  /** A newer stored model that arrived while the draft had unsaved changes. */
  remote: ScoringState | null;
};

export type SaveOutcome = { ok: true; recompute: RecomputeResult } | { ok: false };

function fresh(state: ScoringState): Editing {
  return { loaded: state, draft: structuredClone(state.settings), remote: null };
}

/**
 * Load, edit and save the team's scoring model. The draft is never replaced behind the
 * user's back: a model saved elsewhere is taken over only while nothing is changed here,
 * otherwise it is offered (`remote`); a save over it is refused as a CONFLICT by main.
 */
export function useScoringEditor() {
  const api = useApi();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);

  const fetchState = useCallback(async (): Promise<ScoringState | null> => {
    const result = await api.invoke('scoring.get', {});
    if (!result.ok) {
      setLoadError(result.error);
      return null;
    }
    setLoadError(null);
    return result.value;
  }, [api]);

  useEffect(() => {
    let alive = true;
    const load = () =>
      void fetchState().then((state) => {
        if (alive && state) setEditing(fresh(state));
      });
    load();
    const offDatabase = api.on('database.changed', load);
    const offScoring = api.on('scoring.changed', (state) =>
      setEditing((current) => {
        if (!current || state.updatedAt === current.loaded.updatedAt) return current;
        if (sameSettings(current.draft, current.loaded.settings)) return fresh(state);
        return { ...current, remote: state };
      }),
    );
    return () => {
      alive = false;
      offDatabase();
      offScoring();
    };
  }, [api, fetchState]);

  const change = useCallback((update: (draft: Draft) => Draft) => {
    setServerIssues([]);
    setEditing((current) => current && { ...current, draft: update(current.draft) });
  }, []);

  const discard = useCallback(() => {
    setServerIssues([]);
    setFailure(null);
    setEditing((current) => current && fresh(current.remote ?? current.loaded));
  }, []);

  const resetToDefaults = useCallback(() => {
    change(() => structuredClone(DEFAULT_SCORING_SETTINGS));
  }, [change]);

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (!editing) return { ok: false };
    const checked = checkDraft(editing.draft);
    if (!checked.ok) return { ok: false };
    setSaving(true);
    const result = await api.invoke('scoring.save', {
      settings: checked.settings,
      basedOn: editing.loaded.updatedAt,
    });
    setSaving(false);
    if (!result.ok) {
      setFailure(result.error);
      setServerIssues(draftIssuesOf(result.error.issues));
      return { ok: false };
    }
    setFailure(null);
    setServerIssues([]);
    setEditing(fresh(result.value.state));
    return { ok: true, recompute: result.value.recompute };
  }, [api, editing]);

  /** After a conflict: take the stored model, dropping the draft (the user chose so). */
  const reloadTheirs = useCallback(async () => {
    const state = await fetchState();
    if (!state) return;
    setFailure(null);
    setServerIssues([]);
    setEditing(fresh(state));
  }, [fetchState]);

  /** After a conflict: keep the draft and base it on the stored model, so Save replaces it. */
  const keepMine = useCallback(async () => {
    const state = await fetchState();
    if (!state) return;
    setFailure(null);
    setEditing((current) => current && { loaded: state, draft: current.draft, remote: null });
  }, [fetchState]);

  const dirty = editing !== null && !sameSettings(editing.draft, editing.loaded.settings);

  return {
    loaded: editing?.loaded ?? null,
    draft: editing?.draft ?? null,
    remote: editing?.remote ?? null,
    dirty,
    loadError,
    failure,
    serverIssues,
    saving,
    change,
    discard,
    resetToDefaults,
    save,
    reloadTheirs,
    keepMine,
  };
}

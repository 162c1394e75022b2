import { useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import type { WizardStepId } from '../../../shared/steps/step-catalog.js';
import { useDrafts } from './drafts-store.js';
import { useStudio } from '../store/studio-store.js';

/** One setting as a form edits it. */
export interface DraftSpec<T> {
  /** Forms that edit the same setting share its key, and so its draft. */
  key: string;
  stepId: WizardStepId;
  /** How the setting is named where the Run button says why it waits ("Checkout folder"). */
  label: string;
  read(settings: Settings): T;
  write(value: T, settings: Settings): SettingsPatch;
  /** Why a value cannot be saved (or run) as it is; checked as it is typed. */
  problem?(value: T): string | undefined;
  /** Save a valid edit by itself after this many milliseconds without typing. */
  autoSaveMs?: number;
  /** The step's Run sends the draft with the request (Test's filters), so an unsaved one does not hold it back. */
  runCarriesIt?: boolean;
}

export interface SettingsDraft<T> {
  /** What the form shows: the edit when there is one, else the saved setting. */
  value: T;
  saved: T;
  dirty: boolean;
  problem?: string;
  refused?: string;
  saving: boolean;
  /** Saved since the last edit (for a quiet "saved" next to the button). */
  justSaved: boolean;
  /** The setting was changed elsewhere (a rerun, say) while this edit was open; the edit was kept. */
  changedElsewhere: boolean;
  edit(next: T): void;
  /** Saves `value` (default: the edit); resolves false when it has a problem or the engine refused it. */
  save(value?: T): Promise<boolean>;
  /** Drops the edit and shows the saved setting. */
  revert(): void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Local draft, check as typed, save to settings" written once for every form: the draft lives in the
 * drafts store (so it survives leaving the step and the Run button can see it), follows the saved
 * setting while there is no edit, and is never overwritten by a change made elsewhere — that is shown
 * instead, with the choice to take it.
 */
export function useSettingsDraft<T>(spec: DraftSpec<T>): SettingsDraft<T> | undefined {
  const settings = useStudio((state) => state.settings);
  const updateSettings = useStudio((state) => state.updateSettings);
  const draft = useDrafts((state) => state.drafts[spec.key]);
  const [justSaved, setJustSaved] = useState(false);
  const saved = settings ? spec.read(settings) : undefined;
  const value = (draft ? draft.value : saved) as T;
  const problem = settings ? spec.problem?.(value) : undefined;
  const changedElsewhere = Boolean(draft && !draft.saving && !same(draft.base, saved));

  const save = async (next: T = value): Promise<boolean> => {
    const now = useStudio.getState().settings;
    if (!now) return false;
    const store = useDrafts.getState();
    const nextProblem = spec.problem?.(next);
    const base = store.drafts[spec.key]?.base ?? spec.read(now);
    store.put(spec.key, { value: next, base, stepId: spec.stepId, label: spec.label, problem: nextProblem, saving: !nextProblem, runCarriesIt: Boolean(spec.runCarriesIt) });
    if (nextProblem) return false;
    const saving = updateSettings(spec.write(next, now));
    store.track(saving);
    const refused = await saving;
    const after = useDrafts.getState().drafts[spec.key];
    if (refused) {
      useDrafts.getState().patch(spec.key, { saving: false, refused });
      return false;
    }
    // Typing that went on while the save was on its way stays a draft, now based on what was saved.
    if (after && !same(after.value, next)) useDrafts.getState().patch(spec.key, { saving: false, base: next });
    else useDrafts.getState().drop(spec.key);
    setJustSaved(true);
    return true;
  };

  const valueKey = JSON.stringify(value);
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    if (!spec.autoSaveMs || !draft || draft.saving || draft.refused || problem || changedElsewhere || same(draft.value, saved)) return;
    const timer = setTimeout(() => void save(), spec.autoSaveMs);
    return () => clearTimeout(timer);
    // Only a change of what is typed, of what is saved, or of the save's state restarts the timer.
  }, [valueKey, savedKey, draft?.saving, draft?.refused, problem, changedElsewhere]);

  if (!settings || saved === undefined) return undefined;
  return {
    value,
    saved,
    dirty: Boolean(draft) && !same(value, saved),
    problem,
    refused: draft?.refused,
    saving: Boolean(draft?.saving),
    justSaved: justSaved && !draft,
    changedElsewhere,
    edit: (next) => {
      setJustSaved(false);
      const store = useDrafts.getState();
      const current = store.drafts[spec.key];
      if (same(next, saved) && !current?.saving) return store.drop(spec.key);
      store.put(spec.key, { value: next, base: current?.base ?? saved, stepId: spec.stepId, label: spec.label, problem: spec.problem?.(next), saving: Boolean(current?.saving), runCarriesIt: Boolean(spec.runCarriesIt) });
    },
    save,
    revert: () => useDrafts.getState().drop(spec.key),
  };
}

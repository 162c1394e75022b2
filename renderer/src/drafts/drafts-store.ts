import { create } from 'zustand';
import type { WizardStepId } from '../../../shared/steps/step-catalog.js';
import type { StepId } from '../../../shared/steps/step-id.js';

/**
 * What a form shows while it differs from the saved settings. It lives here, not in the form, so
 * leaving a step does not lose an edit and the step's Run button can see what is not saved yet.
 */
export interface Draft {
  /** What the form shows and the user edited. */
  value: unknown;
  /** The saved value the edit started from: when the settings move away from it, someone else changed them. */
  base: unknown;
  /** The step whose Run uses this setting, and how the setting is named next to that button. */
  stepId: WizardStepId;
  label: string;
  /** Why the value cannot be saved as it is (shown at the field), or undefined. */
  problem?: string;
  /** Why the engine refused the last save, or undefined. */
  refused?: string;
  saving: boolean;
  /** The Run button uses the draft itself (Test's filters); otherwise an unsaved draft holds Run back. */
  runCarriesIt: boolean;
}

export interface DraftsState {
  drafts: Partial<Record<string, Draft>>;
  put(key: string, draft: Draft): void;
  patch(key: string, patch: Partial<Draft>): void;
  drop(key: string): void;
  /** Remembers a save on its way, so a step started meanwhile waits for it. */
  track(save: Promise<unknown>): void;
  /** Resolves once every save that is on its way has been answered. */
  saved(): Promise<void>;
}

/** Why a step's Run must wait for its form: a value that cannot run, or an edit that is not saved. */
export function runHold(drafts: DraftsState['drafts'], stepId: StepId): string | undefined {
  for (const draft of Object.values(drafts)) {
    if (!draft || draft.stepId !== stepId) continue;
    // The problem itself is shown at the field; here it is enough to say where to look.
    if (draft.problem) return `${draft.label}: cannot be used as typed; fix what is marked below first.`;
    if (draft.refused) return `${draft.label}: not saved (${draft.refused})`;
    if (!draft.runCarriesIt && !draft.saving) return `${draft.label}: changed but not saved; save it, or put it back.`;
  }
  return undefined;
}

const onTheirWay = new Set<Promise<unknown>>();

export const useDrafts = create<DraftsState>()((set) => ({
  drafts: {},
  track: (save) => {
    onTheirWay.add(save);
    void save.finally(() => onTheirWay.delete(save)).catch(() => undefined);
  },
  saved: async () => {
    await Promise.allSettled([...onTheirWay]);
  },
  put: (key, draft) => set((state) => ({ drafts: { ...state.drafts, [key]: draft } })),
  patch: (key, patch) =>
    set((state) => {
      const draft = state.drafts[key];
      return draft ? { drafts: { ...state.drafts, [key]: { ...draft, ...patch } } } : state;
    }),
  drop: (key) =>
    set((state) => {
      const { [key]: _gone, ...rest } = state.drafts;
      return { drafts: rest };
    }),
}));

import { create } from 'zustand';
import type { TestRunSummary } from '../../../shared/e2e/test-run.js';
import type { RerunState } from '../../../shared/ipc/run-channels.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from './studio-store.js';

export type MainView = { kind: 'wizard' } | { kind: 'history' } | { kind: 'run'; id: string } | { kind: 'compare'; before: string; after: string };

export interface RunsState {
  runs: TestRunSummary[];
  rerunState?: RerunState;
  rerunError?: string;
  view: MainView;
}

export interface RunsActions {
  load(): Promise<void>;
  show(view: MainView): void;
  /** Repeats a run, the latest when no id is given, and shows the Test step while it goes. */
  rerun(id?: string): Promise<void>;
  rerunChanged(state: RerunState): void;
  remove(id: string): Promise<void>;
}

/** The run history and the rerun in progress, next to the wizard's store. */
export const useRuns = create<RunsState & RunsActions>()((set, get) => ({
  runs: [],
  view: { kind: 'wizard' },
  load: async () => {
    const api = useStudio.getState().api;
    if (!api) return;
    set({ runs: await api.request('runs:list', {}) });
  },
  show: (view) => set({ view }),
  rerun: async (id) => {
    const api = useStudio.getState().api;
    if (!api) return;
    set({ rerunError: undefined });
    try {
      const state = await api.request('runs:rerun', id ? { id } : {});
      set({ rerunState: state, view: { kind: 'wizard' } });
      // The rerun's filters and mode reach the forms through settings:changed.
      useStudio.getState().selectStep(state.stepId ?? 'build');
    } catch (error) {
      set({ rerunError: errorMessage(error) });
    }
  },
  rerunChanged: (rerun) => {
    set({ rerunState: rerun });
    // The wizard follows the rerun from step to step; at the end it stays on the Test step's results.
    if (rerun.stepId && get().view.kind === 'wizard') useStudio.getState().selectStep(rerun.stepId);
  },
  remove: async (id) => {
    const api = useStudio.getState().api;
    if (!api) return;
    await api.request('runs:delete', { id });
    set((state) => ({ runs: state.runs.filter((run) => run.id !== id), view: state.view.kind === 'run' && state.view.id === id ? { kind: 'history' } : state.view }));
  },
}));

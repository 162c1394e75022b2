import { create } from 'zustand';
import type { AppInfo, Notice } from '../../../shared/ipc/app-channels.js';
import type { StudioApi } from '../../../shared/ipc/contract.js';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import type { StepId } from '../../../shared/steps/step-id.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import type { E2eFilters } from '../../../shared/e2e/e2e-filters.js';
import { errorMessage } from '../api/studio-error.js';
import { useDrafts } from '../drafts/drafts-store.js';

export type ConnectionState = 'connecting' | 'ready' | 'lost' | 'failed';
export type TerminalTab = 'output' | 'shell' | 'scheduler';

export interface StudioState {
  api?: StudioApi;
  connection: ConnectionState;
  connectionError?: string;
  appInfo?: AppInfo;
  settings?: Settings;
  steps: StepInfo[];
  selectedStepId: StepId;
  terminalTab: TerminalTab;
  notices: Notice[];
  /** A request about a step that the engine refused, shown at that step. */
  stepErrors: Partial<Record<StepId, string>>;
}

export interface StudioActions {
  connected(api: StudioApi, appInfo: AppInfo, settings: Settings, steps: StepInfo[]): void;
  connectionChanged(state: ConnectionState, error?: string): void;
  stepUpdated(step: StepInfo): void;
  noticeAdded(notice: Notice): void;
  /** The engine took a notice back: what it said is no longer true. */
  noticeRemoved(id: string): void;
  dismissNotice(id: string): Promise<void>;
  selectStep(stepId: StepId): void;
  showTab(tab: TerminalTab): void;
  /** Starts a step; the Test step gets the filters the form shows with the request. */
  runStep(stepId: StepId, options?: { force?: boolean; e2eFilters?: E2eFilters }): Promise<void>;
  cancelStep(stepId: StepId): Promise<void>;
  /** Saves settings; resolves with the engine's reason when it refuses them. */
  updateSettings(patch: SettingsPatch): Promise<string | undefined>;
  /** The engine saved settings (a rerun, a run, another window): forms without an edit follow. */
  settingsChanged(settings: Settings): void;
}

export const initialState: StudioState = {
  connection: 'connecting',
  steps: [],
  selectedStepId: 'host',
  terminalTab: 'output',
  notices: [],
  stepErrors: {},
};

export const useStudio = create<StudioState & StudioActions>()((set, get) => ({
  ...initialState,
  connected: (api, appInfo, settings, steps) => set({ api, appInfo, settings, steps, notices: appInfo.notices, connection: 'ready', connectionError: undefined }),
  connectionChanged: (connection, connectionError) => set({ connection, connectionError }),
  stepUpdated: (step) =>
    set((state) => ({
      steps: state.steps.some((s) => s.id === step.id) ? state.steps.map((s) => (s.id === step.id ? step : s)) : [...state.steps, step],
    })),
  noticeAdded: (notice) => set((state) => ({ notices: [...state.notices.filter((n) => n.id !== notice.id), notice] })),
  noticeRemoved: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  dismissNotice: async (id) => {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
    await get().api?.request('app:dismissNotice', { id });
  },
  selectStep: (selectedStepId) => set({ selectedStepId, terminalTab: 'output' }),
  showTab: (terminalTab) => set({ terminalTab }),
  runStep: async (stepId, options = {}) => {
    const api = get().api;
    if (!api) return;
    set((state) => ({ stepErrors: { ...state.stepErrors, [stepId]: undefined }, terminalTab: 'output', selectedStepId: stepId }));
    // A form's save that is on its way lands before the step reads the settings.
    await useDrafts.getState().saved();
    try {
      get().stepUpdated(await api.request('steps:run', { stepId, ...(options.force ? { force: true } : {}), ...(options.e2eFilters ? { e2eFilters: options.e2eFilters } : {}) }));
    } catch (error) {
      set((state) => ({ stepErrors: { ...state.stepErrors, [stepId]: errorMessage(error) } }));
    }
  },
  updateSettings: async (patch) => {
    const api = get().api;
    if (!api) return 'Not connected to the engine.';
    try {
      set({ settings: await api.request('settings:update', patch) });
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  },
  settingsChanged: (settings) => set({ settings }),
  cancelStep: async (stepId) => {
    const api = get().api;
    const step = get().steps.find((s) => s.id === stepId);
    if (!api || !step) return;
    // The request is on its way as soon as this runs, so the button says so at once instead of
    // waiting for the reply behind a flood of output; the engine's answer then replaces this.
    const reply = api.request('steps:cancel', { stepId });
    if (step.state === 'running') get().stepUpdated({ ...step, cancelRequested: true });
    try {
      get().stepUpdated(await reply);
    } catch (error) {
      set((state) => ({
        steps: state.steps.map((s) => (s.id === stepId ? { ...s, cancelRequested: step.cancelRequested } : s)),
        stepErrors: { ...state.stepErrors, [stepId]: errorMessage(error) },
      }));
    }
  },
}));

import type { Broadcaster } from './broadcaster.js';
import type { Notices } from './notices.js';
import type { OutputHub } from './output/output-hub.js';
import type { SwapGuard } from './remote/swap-guard.js';
import type { ShellSessions } from './shell/shell-sessions.js';
import type { StepRunner } from './steps/step-runner.js';
import type { HistoryStore } from './store/history-store.js';
import type { SettingsStore } from './store/settings-store.js';
import type { TestRunStore } from './store/test-run-store.js';

/** The engine's parts, built once by Engine.start and handed to the request handlers. */
export interface EngineParts {
  info: { version: string; shell: 'electron' | 'browser'; dataDir: string; logDir: string };
  settings: SettingsStore;
  history: HistoryStore;
  hub: OutputHub;
  steps: StepRunner;
  shells: ShellSessions;
  runs: TestRunStore;
  guard: SwapGuard;
  notices: Notices;
  broadcaster: Broadcaster;
  /** The folders every command is looked up in, now. */
  searchPath: () => readonly string[];
}

import type { Settings } from '../../../shared/settings/settings.js';
import type { StepId } from '../../../shared/steps/step-id.js';
import type { StepProgress, StepResult } from '../../../shared/steps/step-info.js';
import type { Diagnosis } from '../../../shared/diagnosis/diagnosis.js';
import type { CommandSpec } from '../exec/command.js';
import type { TerminateGrace } from '../exec/terminate-tree.js';

export interface CommandOptions {
  /** pty (default): shown as a terminal shows it. pipe: stdout kept apart, for commands whose answer we read. */
  terminal?: 'pty' | 'pipe';
  /**
   * all (default): everything the command prints goes to the terminal. summary (pipe only): for an
   * answer the app reads (JSON, file lists): a short one is shown, a long one is kept in the step's
   * answers file next to its log and the terminal gets one line saying how much and where.
   */
  shows?: 'all' | 'summary';
  /**
   * pipe only: the command runs at the same time as others of the step, so its command line and
   * output are written as one block when it ends instead of interleaving with theirs.
   */
  together?: boolean;
  /**
   * pipe only: false when the step never reads what the command prints (a script step of the
   * user's). Its output then goes to the terminal and the log only, and is not also held in memory,
   * where a command that prints for hours would be kept whole until it ends.
   */
  readsOutput?: boolean;
  /** Exit codes that are not a failure; by default only 0. */
  acceptExitCodes?: readonly number[];
  /** Sees the output as it arrives (as text), e.g. to follow a test run's progress. */
  onOutput?: (text: string) => void;
  /** How long a cancelled command gets after SIGINT and after SIGTERM (ginkgo cleans up after SIGINT). */
  grace?: TerminateGrace;
}

export interface CommandOutcome {
  exitCode: number;
  /** Collected for pipe commands only, and only when the step reads it (readsOutput). */
  stdout: string;
  /** Collected for pipe commands only, and only when the step reads it (readsOutput). */
  stderr: string;
}

/** What a step may use. Steps share nothing else and never call each other. */
export interface StepContext {
  readonly signal: AbortSignal;
  readonly dataDir: string;
  readonly homeDir: string;
  /** The app's own bin folder, first on the search path. */
  readonly binDir: string;
  /** The folders every command is looked up in, in order. */
  readonly searchPath: readonly string[];
  /** The settings as they were when the step started. */
  readonly settings: Settings;
  /** The file this step run's output is logged to. */
  readonly logPath: string;
  /** The user asked to redo the work even where it looks up to date. */
  readonly force: boolean;
  /** Electron's Rosetta answer, when the app runs inside Electron on macOS. */
  readonly electronTranslated?: boolean;
  /** Runs a command as part of this step: recorded, shown in the step's terminal, cancellable. */
  run(spec: CommandSpec, options?: CommandOptions): Promise<CommandOutcome>;
  /** Writes a line of the step's own into its terminal and log. */
  print(line: string): void;
  setResult(result: StepResult): void;
  setProgress(progress: StepProgress | undefined): void;
  /** Known failures the step recognised itself, shown with its error. */
  addDiagnoses(diagnoses: Diagnosis[]): void;
}

/**
 * A step's implementation. A wizard step's title and summary are the catalog's
 * (shared/steps/step-catalog.ts), the one place they are written; only extra steps that are not
 * in the catalog bring their own.
 */
export interface Step {
  readonly id: StepId;
  readonly title?: string;
  readonly summary?: string;
  execute(context: StepContext): Promise<void>;
}

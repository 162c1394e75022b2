/** A command exactly as it will be run: an argv array, never a shell string. */
export interface CommandSpec {
  argv: readonly string[];
  cwd?: string;
  /** Variables added to (or, with undefined, removed from) the engine's environment. */
  env?: Record<string, string | undefined>;
}

export type OutputSource = 'stdout' | 'stderr' | 'pty';

export interface CommandExit {
  exitCode?: number;
  signal?: string;
}

export interface RunningCommand {
  readonly pid: number;
  readonly argv: readonly string[];
  /** Settles once the process has exited and all of its output was delivered. Never rejects. */
  readonly finished: Promise<CommandExit>;
  /** Ends the process and everything it started (see terminateTree). */
  cancel(): Promise<void>;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
}

export type OutputListener = (chunk: Buffer, source: OutputSource) => void;

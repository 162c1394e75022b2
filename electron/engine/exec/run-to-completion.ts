import { execa } from 'execa';
import { commandEnv } from './command-env.js';

export interface RunToCompletionOptions {
  cwd?: string;
  /** Variables added to (or, with undefined, removed from) the engine's environment. */
  env?: Record<string, string | undefined>;
  /** The command is ended (SIGTERM) after this long, and answered with timedOut. */
  timeoutMs: number;
}

/** How a short command ended, with all of its output. */
export interface CompletedCommand {
  /** The exit code; -1 when the process did not exit by itself (a signal, the timeout, or it never started). */
  exitCode: number;
  signal?: string;
  timedOut: boolean;
  /** Why the process could not be started at all (a missing or non-executable program). */
  startError?: string;
  /** Everything the command wrote, less one final newline (execa's stripFinalNewline). */
  stdout: string;
  stderr: string;
}

/**
 * Runs a short command that needs no terminal and no live output (a probe, kubectl, a dry run) and
 * answers once it has ended. Never rejects: a failure to start, a non-zero exit and the timeout are
 * all answered as data. Standard input is closed; the environment is the engine's with `env`
 * applied (commandEnv), as for every other command the exec layer starts.
 */
export async function runToCompletion(argv: readonly string[], options: RunToCompletionOptions): Promise<CompletedCommand> {
  const [file = '', ...args] = argv;
  const result = await execa(file, args, {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    env: commandEnv({ argv, ...(options.env ? { env: options.env } : {}) }),
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: options.timeoutMs,
  });
  const signal = result.signal ?? undefined;
  const startError = result.exitCode === undefined && signal === undefined && !result.timedOut ? (result.originalMessage ?? result.shortMessage) : undefined;
  return {
    exitCode: result.exitCode ?? -1,
    ...(signal !== undefined ? { signal } : {}),
    timedOut: result.timedOut,
    ...(startError !== undefined ? { startError } : {}),
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}

import { execa } from 'execa';
import type { CommandExit, CommandSpec, OutputListener, RunningCommand } from './command.js';
import { commandEnv } from './command-env.js';
import { resolveExecutable } from './resolve-executable.js';
import { terminateTree, type TerminateGrace } from './terminate-tree.js';

/**
 * Runs a command with its output on pipes (execa). The child leads its own process group, so
 * cancelling reaches everything it started. Output is handed over as raw bytes, unbuffered.
 */
export function startPipeCommand(spec: CommandSpec, onOutput: OutputListener, grace?: TerminateGrace, options: { holdStdin?: boolean } = {}): RunningCommand {
  const cwd = spec.cwd ?? process.cwd();
  const env = commandEnv(spec);
  const [name = '', ...args] = spec.argv;
  const file = resolveExecutable(name, env.PATH, cwd);
  const child = execa(file, args, {
    cwd,
    env,
    extendEnv: false,
    detached: true,
    cleanup: true,
    // A held stdin is a pipe the child can watch: it closes when this process goes away.
    stdin: options.holdStdin ? 'pipe' : 'ignore',
    buffer: false,
    reject: false,
    encoding: 'buffer',
    argv0: name,
  });
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk, 'stdout'));
  child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk, 'stderr'));
  const pid = child.pid ?? -1;

  const finished: Promise<CommandExit> = child.then(
    (result) => ({ exitCode: result.exitCode, signal: result.signal ?? undefined }),
    () => ({ exitCode: undefined, signal: undefined }),
  );

  return {
    pid,
    argv: spec.argv,
    finished,
    cancel: async () => {
      if (pid > 0) await terminateTree(pid, grace);
    },
    write: () => {
      throw new Error('This command has no terminal to type into.');
    },
    resize: () => undefined,
    pause: () => {
      child.stdout?.pause();
      child.stderr?.pause();
    },
    resume: () => {
      child.stdout?.resume();
      child.stderr?.resume();
    },
  };
}

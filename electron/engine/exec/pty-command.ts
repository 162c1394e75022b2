import { closeSync, constants, openSync } from 'node:fs';
import { spawn, type IPty } from 'node-pty';
import type { CommandExit, CommandSpec, OutputListener, RunningCommand } from './command.js';
import { commandEnv } from './command-env.js';
import { resolveExecutable } from './resolve-executable.js';
import { terminateTree, type TerminateGrace } from './terminate-tree.js';

export interface PtySize {
  cols: number;
  rows: number;
}

/**
 * Runs a command in a pseudo-terminal (node-pty), for output the user should see as a terminal
 * shows it (colours, progress lines) and for interactive shells. The pty's child leads its own
 * session, so cancelling reaches everything it started.
 */
export function startPtyCommand(spec: CommandSpec, onOutput: OutputListener, size: PtySize, grace?: TerminateGrace): RunningCommand {
  const cwd = spec.cwd ?? process.cwd();
  const env = commandEnv(spec, { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor' });
  const [name = '', ...args] = spec.argv;
  const file = resolveExecutable(name, env.PATH, cwd);
  const pty = spawn(file, args, { name: 'xterm-256color', cols: size.cols, rows: size.rows, cwd, env, encoding: null });
  // Linux hangs up the pty when the child's last descriptor closes and drops what the master has
  // not read yet (node-pty #726). Holding the terminal's other end open until node-pty reports the
  // exit lets every byte be read first.
  const slave = holdTerminalOpen((pty as IPty & { ptsName?: string }).ptsName);
  pty.onData((chunk) => onOutput(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, 'pty'));
  const finished = new Promise<CommandExit>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      if (slave !== undefined) closeSync(slave);
      resolve(signal ? { exitCode: undefined, signal: signalName(signal) } : { exitCode });
    });
  });
  let ended = false;
  void finished.then(() => {
    ended = true;
  });

  return {
    pid: pty.pid,
    argv: spec.argv,
    finished,
    cancel: async () => {
      await terminateTree(pty.pid, grace);
    },
    write: (data) => {
      if (!ended) pty.write(data);
    },
    resize: (cols, rows) => {
      if (!ended) pty.resize(cols, rows);
    },
    pause: () => pty.pause(),
    resume: () => pty.resume(),
  };
}

function signalName(signal: number): string {
  const names: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM' };
  return names[signal] ?? `signal ${signal}`;
}

function holdTerminalOpen(ptsName: string | undefined): number | undefined {
  if (process.platform !== 'linux' || !ptsName) return undefined;
  try {
    return openSync(ptsName, constants.O_RDWR | constants.O_NOCTTY);
  } catch {
    return undefined;
  }
}

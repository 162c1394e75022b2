import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { spawn, type IPty } from 'node-pty';
import type { CommandExit, CommandSpec, OutputListener, RunningCommand } from './command.js';
import { commandEnv } from './command-env.js';
import { isAlive } from './process-tree.js';
import { PtyDrainMarker } from './pty-drain-marker.js';
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
  // not read yet (node-pty #726). Holding the terminal's other end open while the child runs lets
  // every byte be read first.
  let slave = holdTerminalOpen((pty as IPty & { ptsName?: string }).ptsName);
  const release = (): void => {
    if (slave === undefined) return;
    closeSync(slave);
    slave = undefined;
  };
  // While we hold it, the pty never hangs up, so node-pty would report the exit only after giving
  // up on the terminal, 200 ms later. Instead, once the child is gone, a marker is sent through the
  // terminal; when it comes out, all the child wrote has been read, we let go, the terminal hangs
  // up and the exit follows at once. Without the marker, the hold ends when the exit is reported.
  const marker = new PtyDrainMarker();
  let reaped = false;
  let retry: NodeJS.Timeout | undefined;
  const sendMarker = (): void => {
    if (slave === undefined || marker.unwritten.length === 0) return;
    try {
      marker.wrote(writeSync(slave, marker.unwritten));
    } catch (error) {
      // A full terminal takes it later; any other failure leaves node-pty's own timeout to end it.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
    if (marker.unwritten.length > 0) retry ??= setTimeout(() => ((retry = undefined), sendMarker()), 5);
  };
  onChildReaped(pty, () => {
    reaped = true;
    sendMarker();
  });
  pty.onData((chunk) => {
    const bytes = marker.filter(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (bytes.length > 0) onOutput(bytes, 'pty');
    if (marker.seen) release();
    else if (reaped) sendMarker();
  });
  const finished = new Promise<CommandExit>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      clearTimeout(retry);
      const rest = marker.rest();
      if (rest.length > 0) onOutput(rest, 'pty');
      release();
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
    // Non-blocking, so writing the drain marker never stalls the engine on a full terminal.
    return openSync(ptsName, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
}

/**
 * Calls `then` once node-pty has reaped the child. node-pty learns of the exit first and then
 * waits for its terminal stream to close; that wait is a 'close' listener added to the stream, the
 * moment we watch for. The process is checked to be gone, so any other 'close' listener is
 * ignored; should node-pty stop doing this, `then` is never called and nothing else changes.
 */
function onChildReaped(pty: IPty, then: () => void): void {
  const socket = (pty as IPty & { _socket?: { on(event: 'newListener', listener: (event: string | symbol) => void): void } })._socket;
  let done = false;
  socket?.on('newListener', (event) => {
    if (done || event !== 'close' || isAlive(pty.pid)) return;
    done = true;
    then();
  });
}

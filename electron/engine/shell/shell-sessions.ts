import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { ShellSession } from '../../../shared/ipc/shell-channels.js';
import type { RunningCommand } from '../exec/command.js';
import { isAlive, listDescendants, signalAll } from '../exec/process-tree.js';
import { startPtyCommand } from '../exec/pty-command.js';
import type { OutputHub } from '../output/output-hub.js';

export interface ShellSessionsOptions {
  hub: OutputHub;
  /** The folder used when none is given; empty means the home folder. */
  defaultCwd: () => string;
  /** Environment for every shell (PATH with the app's bin folder, KUBECONFIG of the current cluster). */
  env?: () => Record<string, string | undefined>;
}

interface OpenShell {
  info: ShellSession;
  command: RunningCommand;
}

/** Interactive shells in a pty for the Shell tab. Their output is lossless: a slow view pauses the shell. */
export class ShellSessions {
  private readonly sessions = new Map<string, OpenShell>();
  private counter = 0;

  constructor(private readonly options: ShellSessionsOptions) {}

  open(request: { cwd?: string; cols: number; rows: number }): ShellSession {
    const cwd = path.resolve(request.cwd || this.options.defaultCwd() || os.homedir());
    if (!isFolder(cwd)) throw new AppError(`Cannot open a shell in ${cwd}: no such folder.`);
    const shell = process.env.SHELL && path.isAbsolute(process.env.SHELL) ? process.env.SHELL : '/bin/bash';
    const argv = [shell, '-l'];
    const sessionId = `shell-${++this.counter}`;
    const running: { command?: RunningCommand } = {};
    const stream = this.options.hub.create(sessionId, {
      lossless: true,
      throttle: { pause: () => running.command?.pause(), resume: () => running.command?.resume() },
    });
    const command = startPtyCommand({ argv, cwd, env: this.options.env?.() }, (chunk) => stream.write(chunk), {
      cols: request.cols,
      rows: request.rows,
    });
    running.command = command;
    const info: ShellSession = { sessionId, streamId: stream.id, cwd, argv };
    this.sessions.set(sessionId, { info, command });
    void command.finished.then(async (exit) => {
      await stream.end(exit);
      this.sessions.delete(sessionId);
    });
    return info;
  }

  write(sessionId: string, data: string): void {
    this.session(sessionId).command.write(data);
  }

  resize(sessionId: string, cols: number, rows: number): void {
    this.session(sessionId).command.resize(cols, rows);
  }

  async close(sessionId: string): Promise<void> {
    const open = this.sessions.get(sessionId);
    if (!open) return;
    this.sessions.delete(sessionId);
    // An interactive shell ignores SIGINT and SIGTERM; a hang-up is what ends it, as closing a terminal
    // would. Everything it started gets the hang-up too, and time to exit cleanly (a tool killed outright
    // can leave lock files behind, e.g. pyenv's rehash in a shell profile); only then does it escalate.
    const children = await listDescendants(open.command.pid);
    signalAll(open.command.pid, children, 'SIGHUP');
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && [open.command.pid, ...children].some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 50));
    await open.command.cancel();
    await open.command.finished;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private session(sessionId: string): OpenShell {
    const open = this.sessions.get(sessionId);
    if (!open) throw new AppError(`The shell ${sessionId} has ended.`);
    return open;
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

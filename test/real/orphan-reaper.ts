import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let reaper: ChildProcess | undefined;

/**
 * Tells the watchdog (orphan-reaper.mjs, started on first use) about a server process group:
 * `watch` when it starts, `forget` once it is gone. The watchdog kills still-listed groups if
 * this process dies without stopping them, which its own exit handlers cannot do after SIGKILL.
 */
export const orphanReaper = {
  watch(pgid: number): void {
    send(`+${pgid}`);
  },
  forget(pgid: number): void {
    send(`-${pgid}`);
  },
};

function send(line: string): void {
  const child = reaper ?? start();
  child.stdin?.write(`${line}\n`);
}

function start(): ChildProcess {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'orphan-reaper.mjs');
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'ignore', 'inherit'], detached: true });
  // Neither the child nor the pipe may keep this process alive; the pipe closes when we exit.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.stdin?.on('error', () => undefined);
  reaper = child;
  return child;
}

import { ManagedProcess } from './managed-process.js';

const cleanups = new Set<() => Promise<void>>();
let installed = false;
let firstSignalAt: number | undefined;

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Runs `stop` if this process is told to end (SIGINT, SIGTERM, SIGHUP) and then exits with the
 * signal's usual status; a second signal (a second Ctrl-C), or a stop that takes over 30 s, ends it
 * at once. A repeat within 2 s does not count: wrappers such as npm and tsx pass the terminal's
 * SIGINT on to us while we also get it directly from the terminal. On any
 * exit the server processes still running are sent SIGKILL synchronously as a last resort.
 * Returns a function that unregisters `stop` once it ran normally.
 */
export function stopOnExit(stop: () => Promise<void>): () => void {
  cleanups.add(stop);
  install();
  return () => cleanups.delete(stop);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const child of ManagedProcess.running) child.killNow();
  });
  for (const signal of Object.keys(signalNumbers) as NodeJS.Signals[]) {
    process.on(signal, () => void onSignal(signal));
  }
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  const status = 128 + (signalNumbers[signal] ?? 15);
  if (firstSignalAt !== undefined) {
    if (Date.now() - firstSignalAt > 2_000) process.exit(status);
    return;
  }
  firstSignalAt = Date.now();
  if (cleanups.size > 0) process.stderr.write(`\n${signal}: stopping the control plane…\n`);
  const pending = [...cleanups].map((stop) => stop().catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`)));
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  process.exit(status);
}

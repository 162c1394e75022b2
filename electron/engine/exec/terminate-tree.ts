import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, listDescendants, signalAll } from './process-tree.js';

export interface TerminateGrace {
  /** How long SIGINT gets. ginkgo needs time here to run its cleanup (AfterEach, DeferCleanup). */
  interruptMs: number;
  /** How long SIGTERM gets before SIGKILL. */
  terminateMs: number;
}

export const defaultGrace: TerminateGrace = { interruptMs: 10_000, terminateMs: 5_000 };

/**
 * Ends a process and everything it started: SIGINT, then SIGTERM, then SIGKILL, each sent to the
 * process group and to every descendant seen so far (a child that made its own group is still found).
 * Resolves once none of them is alive.
 */
export async function terminateTree(pid: number, grace: TerminateGrace = defaultGrace): Promise<void> {
  const known = new Set<number>(await listDescendants(pid));
  const rememberDescendants = async (): Promise<void> => {
    if (!isAlive(pid)) return;
    for (const child of await listDescendants(pid)) known.add(child);
  };
  const allGone = (): boolean => !isAlive(pid) && [...known].every((child) => !isAlive(child));

  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', grace.interruptMs],
    ['SIGTERM', grace.terminateMs],
    ['SIGKILL', 2_000],
  ];
  for (const [signal, waitMs] of steps) {
    await rememberDescendants();
    signalAll(pid, known, signal);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (allGone()) return;
      await sleep(25);
    }
  }
}

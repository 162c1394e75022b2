import { interruptedHotSwaps } from './kind/interrupted-hot-swaps.js';
import type { Notices } from './notices.js';
import type { SwapGuard } from './remote/swap-guard.js';

/**
 * What the last session left for the user to know about, said once at start: settings or history
 * that had to be salvaged, a remote swap still outstanding, a kind hot-swap cut short.
 */
export async function addStartupNotices(notices: Notices, found: { dataDir: string; guard: SwapGuard; problems: Array<string | undefined> }): Promise<void> {
  for (const problem of found.problems) if (problem) notices.add('warning', problem);
  const swapNotice = found.guard.startupNotice();
  if (swapNotice) notices.add('error', swapNotice, 'remote-swap');
  for (const interrupted of await interruptedHotSwaps(found.dataDir)) {
    notices.add('warning', `A kube-scheduler hot-swap on the kind cluster ${interrupted.cluster} was interrupted (${interrupted.state}). Run the Teardown step with "keep" to put the original scheduler back, or delete the cluster.`);
  }
}

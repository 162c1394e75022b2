import { readDeployment, schedulerLease, type Kubectl } from './remote-preflight.js';

export interface Rival {
  /** What was seen: the Deployment scaled back up, or the scheduler lease renewed by someone. */
  kind: 'scaled-up' | 'lease-renewed';
  replicas: number;
  holder?: string;
  at: number;
}

/**
 * While the local scheduler runs, nothing else should schedule: the in-cluster Deployment stays at
 * 0 and nobody renews the scheduler lease (ours does not take it). Someone scaling it back up, or
 * a second scheduler renewing the lease, means two schedulers race for the same pods. Every
 * sighting is reported; `stop` ends the watch.
 */
export function watchForRivals(kubectl: Kubectl, deployment: { namespace: string; name: string }, onRival: (rival: Rival) => void, everyMs = 3_000): { stop(): void } {
  let lastRenew: string | undefined;
  let first = true;
  let stopped = false;
  const check = async (): Promise<void> => {
    const replicas = (await readDeployment(kubectl, deployment)).state?.wanted ?? 0;
    const lease = await schedulerLease(kubectl);
    const renewed = !first && lease.holder !== undefined && lease.holder !== '' && lease.renewTime !== lastRenew;
    first = false;
    lastRenew = lease.renewTime;
    if (stopped) return;
    if (replicas > 0) onRival({ kind: 'scaled-up', replicas, at: Date.now() });
    else if (renewed) onRival({ kind: 'lease-renewed', replicas, holder: lease.holder, at: Date.now() });
  };
  const timer = setInterval(() => void check().catch(() => undefined), everyMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

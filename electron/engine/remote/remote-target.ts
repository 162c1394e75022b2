import { AppError } from '../../../shared/errors/app-error.js';
import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import type { RemoteFacts } from '../../../shared/remote/remote-facts.js';
import type { ClusterTarget } from '../cluster/cluster-target.js';
import { writeCurrentCluster } from '../store/current-cluster.js';
import type { StepContext } from '../steps/step.js';
import { localSchedulerBinary, schedulerVersion } from './local-scheduler-binary.js';
import { preflight, prepareTarget, type Preflight } from './remote-preflight.js';
import { remoteFiles } from './remote-files.js';
import { stepRemoteIo } from './step-kubectl.js';
import type { SwapGuard } from './swap-guard.js';

/** The placement of the in-cluster scheduler in words, and whether the app can swap it. */
export function describePlacement(pre: Preflight): { scheduler: string; swappable: boolean } {
  const placement = pre.placement;
  if (placement.kind === 'deployment') return { scheduler: `Deployment ${placement.namespace}/${placement.name}, ${placement.replicas} replica${placement.replicas === 1 ? '' : 's'} (${placement.readyReplicas} ready)`, swappable: true };
  if (placement.kind === 'static-pod') return { scheduler: `static pod ${placement.pods.join(', ')} on ${placement.nodes.join(', ')} (the app cannot reach the node to move its manifest)`, swappable: false };
  return { scheduler: 'not visible: a managed control plane runs it where the cluster does not show it', swappable: false };
}

/**
 * Remote mode: an existing cluster from the user's kubeconfig, through a private copy pinned to
 * the chosen context, whose in-cluster scheduler is swapped for the locally built one. The swap
 * itself, its journal and its restore belong to the swap guard.
 */
export class RemoteTarget implements ClusterTarget {
  readonly mode = 'remote' as const;

  constructor(private readonly guard: SwapGuard) {}

  /**
   * Checks the chosen kubeconfig and context (a context that is not local must be typed to
   * confirm), writes the private copy pinned to it, and runs the preflight: reachable, versions,
   * nodes, where the scheduler runs, who holds its lease. It changes nothing on the cluster.
   */
  async describe(context: StepContext): Promise<void> {
    const target = await prepareTarget(context.dataDir, context.settings.remote);
    context.print(`Using context ${target.context} (${target.server}) from ${target.source}, through a private copy.`);
    // The skew check needs the local kube-scheduler, which the Build step may not have made yet.
    const binary = await localSchedulerBinary(context.settings, context.dataDir).catch(() => undefined);
    const localVersion = binary ? await schedulerVersion(context, binary.path).catch(() => undefined) : undefined;
    const pre = await preflight(stepRemoteIo(context, remoteFiles(context.dataDir).kubeconfig, target.context), target, localVersion);
    const facts: RemoteFacts = {
      source: target.source,
      context: target.context,
      server: target.server,
      local: target.local,
      serverVersion: pre.serverVersion,
      skew: pre.skew,
      nodes: { total: pre.nodes.total, schedulable: pre.nodes.schedulable, osArch: pre.nodes.osArch },
      ...describePlacement(pre),
      lease: pre.lease,
    };
    context.setResult({ kind: 'mode', mode: 'remote', remote: facts });
    if (!facts.swappable) throw new AppError(`The cluster's scheduler is ${facts.scheduler}, so remote mode cannot swap it. Nothing was changed.`);
  }

  async buildTools(): Promise<Record<string, string>> {
    return {};
  }

  /** The chosen context through the private copy, the preflight, then the swap. Done means the local scheduler is healthy. */
  async up(context: StepContext): Promise<void> {
    const target = await prepareTarget(context.dataDir, context.settings.remote);
    const io = stepRemoteIo(context, remoteFiles(context.dataDir).kubeconfig, target.context);
    const binary = await localSchedulerBinary(context.settings, context.dataDir);
    const pre = await preflight(io, target, await schedulerVersion(context, binary.path));
    const facts: ClusterFacts = { mode: 'remote', name: target.context, context: target.context, kubeconfig: remoteFiles(context.dataDir).kubeconfig, reused: false };
    context.setResult({ kind: 'cluster', cluster: facts });
    // The tests then run through the journal's own copy of the kubeconfig: the cluster that was swapped.
    const { kubeconfig } = await this.guard.swap(io, pre, binary.path, context.settings.remote.schedulerConfigExtra, context.settings.remote.featureGates);
    const swapped = { ...facts, kubeconfig, schedulerSwapped: true, schedulerBinary: binary };
    context.setResult({ kind: 'cluster', cluster: swapped });
    await writeCurrentCluster(context.dataDir, swapped);
  }

  /** With the swap already given back (the Teardown step restores first), nothing is left to do. */
  async down(context: StepContext): Promise<void> {
    context.print('No swap to restore: the remote cluster runs its own scheduler.');
    context.setResult({ kind: 'teardown', action: 'nothing' });
  }
}

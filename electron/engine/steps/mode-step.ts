import { AppError } from '../../../shared/errors/app-error.js';
import type { RemoteFacts } from '../../../shared/remote/remote-facts.js';
import { remoteFiles } from '../remote/remote-files.js';
import { localSchedulerBinary, schedulerVersion } from '../remote/local-scheduler-binary.js';
import type { Preflight, RemoteSession } from '../remote/remote-session.js';
import { stepRemoteIo } from '../remote/step-kubectl.js';
import type { Step, StepContext } from './step.js';

/** The placement of the in-cluster scheduler in words, and whether the app can swap it. */
export function describePlacement(pre: Preflight): { scheduler: string; swappable: boolean } {
  const placement = pre.placement;
  if (placement.kind === 'deployment') return { scheduler: `Deployment ${placement.namespace}/${placement.name}, ${placement.replicas} replica${placement.replicas === 1 ? '' : 's'} (${placement.readyReplicas} ready)`, swappable: true };
  if (placement.kind === 'static-pod') return { scheduler: `static pod ${placement.pods.join(', ')} on ${placement.nodes.join(', ')} (the app cannot reach the node to move its manifest)`, swappable: false };
  return { scheduler: 'not visible: a managed control plane runs it where the cluster does not show it', swappable: false };
}

/**
 * Step 5: kind mode needs nothing here. Remote mode checks the chosen kubeconfig and context (a
 * context that is not local must be typed to confirm), writes the private copy pinned to it, and
 * runs the preflight: reachable, versions, nodes, where the scheduler runs, who holds its lease.
 * It changes nothing on the cluster.
 */
export class ModeStep implements Step {
  readonly id = 'mode';
  readonly title = 'Mode';
  readonly summary = 'A local kind cluster built from your source, or a remote cluster with your kube-scheduler swapped in.';

  constructor(private readonly remote: RemoteSession) {}

  async execute(context: StepContext): Promise<void> {
    if (context.settings.mode === 'kind') {
      context.print('kind mode: the Cluster step creates a local kind cluster from the node image you build.');
      context.setResult({ kind: 'mode', mode: 'kind' });
      return;
    }
    const target = await this.remote.prepare(context.settings.remote);
    context.print(`Using context ${target.context} (${target.server}) from ${target.source}, through a private copy.`);
    // The skew check needs the local kube-scheduler, which the Build step may not have made yet.
    const binary = await localSchedulerBinary(context.settings, context.dataDir).catch(() => undefined);
    const localVersion = binary ? await schedulerVersion(context, binary).catch(() => undefined) : undefined;
    const pre = await this.remote.preflight(stepRemoteIo(context, remoteFiles(context.dataDir).kubeconfig, target.context), target, localVersion);
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
}

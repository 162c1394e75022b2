import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import { boundKubectlArgs } from '../../../shared/cluster/kubectl-args.js';
import { parseNodeList, summarizeNodeList, type NodeListItem, type NodeSummary } from '../../../shared/cluster/node-summary.js';
import { defaultNonblockingTaints, readinessForTests } from '../../../shared/cluster/ready-for-tests.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepContext } from '../steps/step.js';

/** How long the Test step waits for the nodes before it counts them. */
export const nodesReadyTimeoutSeconds = 180;

/**
 * The kubectl argv that waits until every node that is not cordoned is Ready, the set e2e.test
 * itself waits for before it starts (kubernetes v1.35.4 test/e2e/framework/node/wait.go
 * CheckReadyForTests lists nodes with spec.unschedulable=false). `kubectl wait` takes --field-selector
 * but not together with --all (k8s.io/cli-runtime v0.35.4 pkg/resource/builder.go).
 */
export function waitNodesReadyArgv(cluster: Pick<ClusterFacts, 'kubeconfig' | 'context'>, timeoutSeconds = nodesReadyTimeoutSeconds): string[] {
  return ['kubectl', '--kubeconfig', cluster.kubeconfig, '--context', cluster.context, 'wait', '--for=condition=Ready', 'nodes', '--field-selector=spec.unschedulable=false', `--timeout=${timeoutSeconds}s`];
}

/**
 * The nodes the specs will see, counted once every node is ready for tests by e2e.test's own rule
 * (see readinessForTests): kind's `--wait` waits for the control-plane nodes only (and its timeout
 * is only a warning), so workers may still be joining when the Cluster step ends, and a node that
 * has just turned Ready or been uncordoned still carries the node controller's NoSchedule taint for
 * a moment. Counting then would pass e2e.test a --num-nodes that is too small. Why the count is
 * passed at all rather than left to e2e.test: see E2eRunTarget.numNodes.
 *
 * The nodes are listed first: on a rerun every node is ready, and that one list is the answer. A
 * node that is not Ready is waited for with `kubectl wait` (its words say what is wrong); a taint
 * that outlives Ready is polled for, a little longer each time. A node still not ready at the end
 * stops the step here: e2e.test would wait 30 minutes for it (framework/timeouts.go
 * NodeSchedulable) and then fail.
 */
export async function readyNodes(context: StepContext, cluster: Pick<ClusterFacts, 'kubeconfig' | 'context'>, timeoutSeconds = nodesReadyTimeoutSeconds): Promise<NodeSummary> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let pause = 250;
  let waited = false;
  for (;;) {
    const nodes = await listNodes(context, cluster);
    const { uncordoned, waiting } = readinessForTests(nodes);
    if (nodes.length > 0 && uncordoned === 0) throw cordonedError();
    if (waiting.length === 0) return summarize(nodes);
    const left = Math.ceil((deadline - Date.now()) / 1000);
    if (left <= 0) throw notReadyError(timeoutSeconds, waiting.map((node) => `${node.name}: ${node.why}`).join('; '));
    if (!waited) context.print(`Waiting up to ${left} s for ${waiting.map((node) => `${node.name} (${node.why})`).join(', ')}: e2e.test starts only once every node that is not cordoned is ready for tests.`);
    waited = true;
    if (waiting.some((node) => node.notReady)) {
      const wait = await context.run({ argv: waitNodesReadyArgv(cluster, left) }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
      if (wait.exitCode !== 0 && /no matching resources found/.test(wait.stderr)) throw cordonedError();
      if (wait.exitCode !== 0) throw notReadyError(timeoutSeconds, wait.stderr.trim().split('\n').slice(-5).join(' ') || `kubectl wait exited with ${wait.exitCode}`);
    } else {
      await sleep(Math.min(pause, deadline - Date.now()), undefined, { signal: context.signal }).catch(() => {
        throw new AppError('Cancelled.', 'cancelled');
      });
      pause = Math.min(pause * 2, 4000);
    }
  }
}

const cordonedError = (): AppError => new AppError('Every node of the cluster is cordoned (spec.unschedulable), so no test pod could run: uncordon one (kubectl uncordon <node>), then run the Test step again.');

const notReadyError = (timeoutSeconds: number, said: string): AppError =>
  new AppError(
    `Not every node is Ready after ${timeoutSeconds} s (${said}). e2e.test waits for every node that is not cordoned to be Ready and free of NoSchedule and NoExecute taints (${defaultNonblockingTaints.join(', ')} aside), so nothing ran: fix the node, take the taint off (kubectl taint nodes <node> <key>-) or cordon it (kubectl cordon <node>), then run the Test step again.`,
  );

async function listNodes(context: StepContext, cluster: Pick<ClusterFacts, 'kubeconfig' | 'context'>): Promise<NodeListItem[]> {
  const answer = await context.run({ argv: ['kubectl', ...boundKubectlArgs(cluster.kubeconfig, cluster.context), 'get', 'nodes', '-o', 'json'] }, { terminal: 'pipe', shows: 'summary' });
  return readOrSay(() => parseNodeList(answer.stdout));
}

const summarize = (nodes: readonly NodeListItem[]): NodeSummary => readOrSay(() => summarizeNodeList(nodes));

function readOrSay<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new AppError(`Could not read the cluster's nodes: ${(error as Error).message}`);
  }
}

import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import { boundKubectlArgs } from '../../../shared/cluster/kubectl-args.js';
import { summarizeNodes, type NodeSummary } from '../../../shared/cluster/node-summary.js';
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
 * The nodes the specs will see, counted only once every node is Ready: kind's `--wait` waits for
 * the control-plane nodes only (and its timeout is only a warning), so workers may still be
 * joining when the Cluster step ends. Counting then would pass e2e.test a --num-nodes that is too
 * small. Why the count is passed at all rather than left to e2e.test: see E2eRunTarget.numNodes.
 * A node still not Ready after the wait stops the step here, with kubectl's words: e2e.test would
 * wait 30 minutes for it (framework/timeouts.go NodeSchedulable) and then fail.
 */
export async function readyNodes(context: StepContext, cluster: Pick<ClusterFacts, 'kubeconfig' | 'context'>, timeoutSeconds = nodesReadyTimeoutSeconds): Promise<NodeSummary> {
  const wait = await context.run({ argv: waitNodesReadyArgv(cluster, timeoutSeconds) }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
  if (wait.exitCode !== 0 && /no matching resources found/.test(wait.stderr)) {
    throw new AppError('Every node of the cluster is cordoned (spec.unschedulable), so no test pod could run: uncordon one (kubectl uncordon <node>), then run the Test step again.');
  }
  if (wait.exitCode !== 0) {
    const said = wait.stderr.trim().split('\n').slice(-5).join(' ') || `kubectl wait exited with ${wait.exitCode}`;
    throw new AppError(`Not every node is Ready after ${timeoutSeconds} s (${said}). e2e.test waits for every node that is not cordoned, so nothing ran: fix the node or cordon it (kubectl cordon <node>), then run the Test step again.`);
  }
  const answer = await context.run({ argv: ['kubectl', ...boundKubectlArgs(cluster.kubeconfig, cluster.context), 'get', 'nodes', '-o', 'json'] }, { terminal: 'pipe', shows: 'summary' });
  try {
    return summarizeNodes(answer.stdout);
  } catch (error) {
    throw new AppError(`Could not read the cluster's nodes: ${(error as Error).message}`);
  }
}

import { conditionStatus, repelsPods, type NodeListItem } from './node-summary.js';

/**
 * The taint keys e2e.test does not wait on when it is run without --non-blocking-taints (kubernetes
 * v1.35.4 test/e2e/framework/test_context.go): a kind control plane keeps its NoSchedule taint and
 * still counts as ready.
 */
export const defaultNonblockingTaints: readonly string[] = ['node-role.kubernetes.io/control-plane'];

/** A node e2e.test would still wait for, and in a few words why. */
export interface NodeNotReady {
  name: string;
  why: string;
  /** Its Ready condition is not True (rather than only a taint or the network in the way). */
  notReady: boolean;
}

export interface ReadinessForTests {
  /** Nodes with spec.unschedulable unset or false: the ones e2e.test lists before it starts. */
  uncordoned: number;
  /** The uncordoned nodes that are not ready for tests yet. */
  waiting: NodeNotReady[];
}

/**
 * Which nodes e2e.test would wait for before its first spec, by its own rule (kubernetes v1.35.4
 * test/e2e/framework/node/wait.go CheckReadyForTests and readyForTests, node/resource.go IsNodeReady
 * and isNodeUntaintedWithNonblocking): every node not cordoned must be Ready, must not report
 * NetworkUnavailable, and must carry no NoSchedule or NoExecute taint other than the non-blocking
 * ones. The taints matter on top of Ready: the node controller adds node.kubernetes.io/not-ready
 * and node.kubernetes.io/unschedulable and takes them off a moment after the node is Ready or
 * uncordoned, and a node counted in that moment is missing from --num-nodes.
 */
export function readinessForTests(nodes: readonly NodeListItem[], nonblockingTaints: readonly string[] = defaultNonblockingTaints): ReadinessForTests {
  const uncordoned = nodes.filter((node) => node.spec?.unschedulable !== true);
  const waiting: NodeNotReady[] = [];
  for (const node of uncordoned) {
    const reasons: string[] = [];
    const ready = conditionStatus(node, 'Ready');
    if (ready !== 'True') reasons.push(ready === undefined ? 'no Ready condition yet' : `Ready is ${ready}`);
    if (conditionStatus(node, 'NetworkUnavailable') === 'True') reasons.push('NetworkUnavailable');
    for (const taint of node.spec?.taints ?? []) {
      if (repelsPods(taint) && !nonblockingTaints.includes(taint.key)) reasons.push(`taint ${taint.key}:${taint.effect}`);
    }
    if (reasons.length > 0) waiting.push({ name: node.metadata.name, why: reasons.join(', '), notReady: ready !== 'True' });
  }
  return { uncordoned: uncordoned.length, waiting };
}

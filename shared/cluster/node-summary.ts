import { z } from 'zod';

/** A cluster's nodes as the e2e tests see them. */
export interface NodeSummary {
  total: number;
  /** Ready, not cordoned, and without a NoSchedule or NoExecute taint: where test pods can land. */
  schedulable: number;
  /** The most common "os/arch" of the schedulable nodes (of all nodes when none is schedulable). */
  osArch: string;
  /** Every node's name, in the order kubectl listed them. */
  names: string[];
}

// Only the fields read here; kubectl's many others pass unchecked.
const NodeListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string() }),
      spec: z
        .object({
          unschedulable: z.boolean().optional(),
          taints: z.array(z.object({ key: z.string(), effect: z.string() })).optional(),
        })
        .optional(),
      status: z
        .object({
          conditions: z.array(z.object({ type: z.string(), status: z.string() })).optional(),
          nodeInfo: z.object({ operatingSystem: z.string(), architecture: z.string() }).optional(),
        })
        .optional(),
    }),
  ),
});
/** One node of `kubectl get nodes -o json`, the fields the app reads. */
export type NodeListItem = z.infer<typeof NodeListSchema>['items'][number];

/** The status of a node's condition of this type ('True', 'False', 'Unknown'), if it reports one. */
export const conditionStatus = (node: NodeListItem, type: string): string | undefined => node.status?.conditions?.find((condition) => condition.type === type)?.status;

/** A taint that keeps pods without a toleration off the node (PreferNoSchedule only discourages). */
export const repelsPods = (taint: { effect: string }): boolean => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';

function isSchedulable(node: NodeListItem): boolean {
  const repels = node.spec?.taints?.some(repelsPods) ?? false;
  return conditionStatus(node, 'Ready') === 'True' && node.spec?.unschedulable !== true && !repels;
}

/** The most frequent os/arch of `nodes`; on a tie, the one listed first. */
function commonOsArch(nodes: readonly NodeListItem[]): string | undefined {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const info = node.status?.nodeInfo;
    if (!info) continue;
    const osArch = `${info.operatingSystem}/${info.architecture}`;
    counts.set(osArch, (counts.get(osArch) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [osArch, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = osArch;
  return best;
}

/** Reads the nodes of `kubectl get nodes -o json`, or says in plain words why it is not that. */
export function parseNodeList(nodeListJson: string): NodeListItem[] {
  let data: unknown;
  try {
    data = JSON.parse(nodeListJson);
  } catch {
    throw new Error(`The node list is not JSON (expected the output of kubectl get nodes -o json): ${nodeListJson.trim().slice(0, 80) || '(empty)'}`);
  }
  const parsed = NodeListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The node list is not what kubectl get nodes -o json prints: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unexpected shape'}`);
  }
  return parsed.data.items;
}

/** Reads `kubectl get nodes -o json`: how many nodes, how many take test pods, and their platform. */
export function summarizeNodes(nodeListJson: string): NodeSummary {
  return summarizeNodeList(parseNodeList(nodeListJson));
}

/** The same summary of nodes already read with parseNodeList. */
export function summarizeNodeList(nodes: readonly NodeListItem[]): NodeSummary {
  const schedulable = nodes.filter(isSchedulable);
  const osArch = commonOsArch(schedulable) ?? commonOsArch(nodes);
  if (osArch === undefined) {
    throw new Error(nodes.length === 0 ? 'The cluster has no nodes.' : 'No node reports its operating system and architecture (status.nodeInfo).');
  }
  return { total: nodes.length, schedulable: schedulable.length, osArch, names: nodes.map((node) => node.metadata.name) };
}

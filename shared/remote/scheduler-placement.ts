import { z } from 'zod';

/** Where the cluster's own kube-scheduler runs, as far as kubectl can see from kube-system. */
export type SchedulerPlacement =
  | { kind: 'deployment'; namespace: string; name: string; replicas: number; readyReplicas: number; foundBy: 'name' | 'label' }
  | { kind: 'static-pod'; pods: string[]; nodes: string[] }
  | { kind: 'not-visible' };

const Labels = z.record(z.string(), z.string()).nullish();

// Only the fields read here; kubectl's many others pass unchecked.
const DeploymentListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string(), namespace: z.string().optional(), labels: Labels }),
      spec: z
        .object({
          replicas: z.number().int().nonnegative().optional(),
          selector: z.object({ matchLabels: Labels }).nullish(),
          template: z.object({ metadata: z.object({ labels: Labels }).nullish() }).nullish(),
        })
        .optional(),
      status: z.object({ readyReplicas: z.number().int().nonnegative().optional() }).optional(),
    }),
  ),
});
type Deployment = z.infer<typeof DeploymentListSchema>['items'][number];

const PodListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({
        name: z.string(),
        labels: Labels,
        annotations: Labels,
        ownerReferences: z.array(z.object({ kind: z.string(), name: z.string() })).nullish(),
      }),
      spec: z.object({ nodeName: z.string().optional() }).optional(),
    }),
  ),
});

const LeaseSchema = z.object({
  kind: z.literal('Lease').optional(),
  spec: z
    .object({
      holderIdentity: z.string().nullish(),
      renewTime: z.string().nullish(),
      leaseDurationSeconds: z.number().int().nullish(),
    })
    .optional(),
});

/** Parses kubectl's JSON output against `schema`, or throws naming the command whose output it should be. */
function read<T>(json: string, schema: z.ZodType<T>, command: string): T {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`The output of ${command} is not JSON: ${json.trim().slice(0, 80) || '(empty)'}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The output is not what ${command} prints: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unexpected shape'}`);
  }
  return parsed.data;
}

const schedulerNames = ['kube-scheduler', 'scheduler'];

function hasSchedulerLabel(labels: Record<string, string> | null | undefined): boolean {
  return labels?.component === 'kube-scheduler' || labels?.app === 'kube-scheduler';
}

function asDeployment(deployment: Deployment, foundBy: 'name' | 'label'): SchedulerPlacement {
  return {
    kind: 'deployment',
    namespace: deployment.metadata.namespace ?? 'kube-system',
    name: deployment.metadata.name,
    replicas: deployment.spec?.replicas ?? 1, // the API server's default when the field is left out
    readyReplicas: deployment.status?.readyReplicas ?? 0,
    foundBy,
  };
}

/**
 * Where the in-cluster scheduler runs, from `kubectl get deployments -n kube-system -o json` and
 * `kubectl get pods -n kube-system -o json`: a Deployment (by its name first, else by its
 * component/app label), static pods on control-plane nodes, or nowhere kubectl can see (a managed
 * control plane).
 */
export function schedulerPlacement(deploymentsJson: string, podsJson: string): SchedulerPlacement {
  const deployments = read(deploymentsJson, DeploymentListSchema, 'kubectl get deployments -n kube-system -o json').items;
  const pods = read(podsJson, PodListSchema, 'kubectl get pods -n kube-system -o json').items;

  for (const name of schedulerNames) {
    const byName = deployments.find((deployment) => deployment.metadata.name === name);
    if (byName) return asDeployment(byName, 'name');
  }
  const byLabel = deployments.find((d) => hasSchedulerLabel(d.spec?.template?.metadata?.labels) || hasSchedulerLabel(d.spec?.selector?.matchLabels));
  if (byLabel) return asDeployment(byLabel, 'label');

  const staticPods = pods.filter((pod) => {
    const { name, labels, annotations, ownerReferences } = pod.metadata;
    const isScheduler = labels?.component === 'kube-scheduler' || name.startsWith('kube-scheduler-');
    const isMirror = (ownerReferences ?? []).some((owner) => owner.kind === 'Node') || annotations?.['kubernetes.io/config.mirror'] !== undefined;
    return isScheduler && isMirror;
  });
  if (staticPods.length === 0) return { kind: 'not-visible' };
  const nodes = staticPods.map((pod) => pod.spec?.nodeName ?? pod.metadata.ownerReferences?.find((owner) => owner.kind === 'Node')?.name).filter((node): node is string => node !== undefined && node !== '');
  return { kind: 'static-pod', pods: staticPods.map((pod) => pod.metadata.name), nodes: [...new Set(nodes)] };
}

/** Who holds the kube-scheduler leader lease, from `kubectl get lease kube-scheduler -n kube-system -o json`. */
export function leaseHolder(leaseJson: string): { holder?: string; renewTime?: string; durationSeconds?: number } {
  const spec = read(leaseJson, LeaseSchema, 'kubectl get lease kube-scheduler -n kube-system -o json').spec ?? {};
  return {
    ...(spec.holderIdentity ? { holder: spec.holderIdentity } : {}),
    ...(spec.renewTime ? { renewTime: spec.renewTime } : {}),
    ...(typeof spec.leaseDurationSeconds === 'number' ? { durationSeconds: spec.leaseDurationSeconds } : {}),
  };
}

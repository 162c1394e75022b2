import { pinnedRelease } from './pinned-release.js';

export const schedulerDeployment = { namespace: 'kube-system', name: 'scheduler' } as const;
export const schedulerDeploymentPath = `/apis/apps/v1/namespaces/${schedulerDeployment.namespace}/deployments/${schedulerDeployment.name}`;

/**
 * The in-cluster face of the scheduler: a kube-system Deployment like a self-hosted control plane
 * has. Its pods carry nodeName, so they are bound straight to the control-plane node without any
 * scheduler (like static pods are), and kwok reports them Running. The real kube-scheduler is a
 * process the harness runs while this Deployment wants replicas (see SchedulerFollower).
 */
export function schedulerDeploymentObject(controlPlaneNode: string): Record<string, unknown> {
  const labels = { component: 'kube-scheduler', tier: 'control-plane' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...schedulerDeployment, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { component: 'kube-scheduler' } },
      template: {
        metadata: { labels },
        spec: {
          nodeName: controlPlaneNode,
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: 'kube-scheduler',
              image: `registry.k8s.io/kube-scheduler:${pinnedRelease.kubernetes}`,
              command: ['kube-scheduler', '--leader-elect=true'],
              resources: { requests: { cpu: '100m' } },
            },
          ],
        },
      },
    },
  };
}

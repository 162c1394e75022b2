import { describe, expect, it } from 'vitest';
import { leaseHolder, schedulerPlacement } from '../../../shared/remote/scheduler-placement.js';

interface DeploymentOptions {
  labels?: Record<string, string>;
  templateLabels?: Record<string, string>;
  selector?: Record<string, string>;
  replicas?: number;
  readyReplicas?: number;
}

/** A Deployment as `kubectl get deployments -n kube-system -o json` prints it. */
function deployment(name: string, { labels, templateLabels = { 'k8s-app': name }, selector = { 'k8s-app': name }, replicas, readyReplicas }: DeploymentOptions = {}): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'kube-system', uid: `uid-${name}`, generation: 3, ...(labels ? { labels } : {}), annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: { metadata: { labels: templateLabels, creationTimestamp: null }, spec: { containers: [{ name, image: `registry.k8s.io/${name}:v1.35.4` }] } },
    },
    status: { observedGeneration: 3, replicas: replicas ?? 1, ...(readyReplicas === undefined ? {} : { readyReplicas, availableReplicas: readyReplicas }) },
  };
}

/** A pod; a static one is mirrored by the kubelet: owned by its Node, with the config.mirror annotation. */
function pod(name: string, { labels = {}, node = 'cp-1', mirror = 'owner' as 'owner' | 'annotation' | 'none', owner = { kind: 'ReplicaSet', name: `${name}-rs` } } = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels,
      ...(mirror === 'annotation' ? { annotations: { 'kubernetes.io/config.mirror': 'abc123', 'kubernetes.io/config.source': 'file' } } : {}),
      ownerReferences: mirror === 'owner' ? [{ apiVersion: 'v1', kind: 'Node', name: node, uid: 'n1', controller: true }] : [{ apiVersion: 'apps/v1', ...owner, uid: 'o1', controller: true }],
    },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }] },
    status: { phase: 'Running' },
  };
}

const list = (...items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } });
const corePods = list(pod('coredns-668d6bf9bc-x8m2k', { labels: { 'k8s-app': 'kube-dns' } }), pod('kube-proxy-7l9qf', { labels: { 'k8s-app': 'kube-proxy' }, owner: { kind: 'DaemonSet', name: 'kube-proxy' } }));

describe('schedulerPlacement', () => {
  it('finds the scheduler Deployment by its name', () => {
    const deployments = list(deployment('coredns', { replicas: 2, readyReplicas: 2 }), deployment('kube-scheduler', { replicas: 2, readyReplicas: 1 }));
    expect(schedulerPlacement(deployments, corePods)).toEqual({ kind: 'deployment', namespace: 'kube-system', name: 'kube-scheduler', replicas: 2, readyReplicas: 1, foundBy: 'name' });
    expect(schedulerPlacement(list(deployment('scheduler')), corePods)).toEqual({ kind: 'deployment', namespace: 'kube-system', name: 'scheduler', replicas: 1, readyReplicas: 0, foundBy: 'name' });
  });

  it('prefers the name over a label, and kube-scheduler over scheduler', () => {
    const deployments = list(deployment('sched-ha', { templateLabels: { component: 'kube-scheduler' } }), deployment('scheduler'), deployment('kube-scheduler', { replicas: 3, readyReplicas: 3 }));
    expect(schedulerPlacement(deployments, corePods)).toMatchObject({ name: 'kube-scheduler', foundBy: 'name' });
    expect(schedulerPlacement(list(deployment('sched-ha', { templateLabels: { component: 'kube-scheduler' } }), deployment('scheduler')), corePods)).toMatchObject({ name: 'scheduler', foundBy: 'name' });
  });

  it('finds it by the template or selector label', () => {
    expect(schedulerPlacement(list(deployment('coredns'), deployment('cp-sched', { templateLabels: { component: 'kube-scheduler', tier: 'control-plane' }, replicas: 0 })), corePods)).toEqual({
      kind: 'deployment',
      namespace: 'kube-system',
      name: 'cp-sched',
      replicas: 0,
      readyReplicas: 0,
      foundBy: 'label',
    });
    expect(schedulerPlacement(list(deployment('ks', { selector: { app: 'kube-scheduler' } })), corePods)).toMatchObject({ name: 'ks', foundBy: 'label' });
    // A label on the Deployment itself says nothing about what it runs.
    expect(schedulerPlacement(list(deployment('metrics', { labels: { component: 'kube-scheduler' } })), corePods)).toEqual({ kind: 'not-visible' });
  });

  it('finds static scheduler pods of a kubeadm control plane', () => {
    const pods = list(
      pod('kube-scheduler-cp-1', { labels: { component: 'kube-scheduler', tier: 'control-plane' }, node: 'cp-1' }),
      pod('kube-scheduler-cp-2', { labels: { component: 'kube-scheduler', tier: 'control-plane' }, node: 'cp-2', mirror: 'annotation' }),
      pod('kube-scheduler-cp-3', { node: 'cp-3' }),
      pod('kube-apiserver-cp-1', { labels: { component: 'kube-apiserver' }, node: 'cp-1' }),
    );
    expect(schedulerPlacement(list(deployment('coredns')), pods)).toEqual({ kind: 'static-pod', pods: ['kube-scheduler-cp-1', 'kube-scheduler-cp-2', 'kube-scheduler-cp-3'], nodes: ['cp-1', 'cp-2', 'cp-3'] });
  });

  it('does not take a scheduler pod owned by a ReplicaSet for a static pod', () => {
    const pods = list(pod('kube-scheduler-5d9c7b-abcde', { labels: { component: 'kube-scheduler' }, mirror: 'none' }));
    expect(schedulerPlacement(list(), pods)).toEqual({ kind: 'not-visible' });
  });

  it('says not-visible on a managed cluster', () => {
    expect(schedulerPlacement(list(deployment('coredns'), deployment('metrics-server')), corePods)).toEqual({ kind: 'not-visible' });
  });

  it('throws a clear error on garbage', () => {
    expect(() => schedulerPlacement('Error from server (Forbidden): deployments.apps is forbidden', corePods)).toThrow(/kubectl get deployments -n kube-system -o json is not JSON/);
    expect(() => schedulerPlacement(list(), '')).toThrow(/kubectl get pods.*not JSON: \(empty\)/);
    expect(() => schedulerPlacement('{"kind":"List"}', corePods)).toThrow(/not what kubectl get deployments.*items/);
    expect(() => schedulerPlacement(list({ metadata: {} }), corePods)).toThrow(/items\.0\.metadata\.name/);
    expect(() => schedulerPlacement(list(), '[]')).toThrow(/kubectl get pods/);
  });
});

describe('leaseHolder', () => {
  it('reads the holder, renew time and duration', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
      spec: { acquireTime: '2026-11-25T19:00:00.000000Z', holderIdentity: 'cp-1_6f1c2a7e-1b2c-4d5e-8f90-123456789abc', leaseDurationSeconds: 15, leaseTransitions: 3, renewTime: '2026-11-25T19:24:26.123456Z' },
    };
    expect(leaseHolder(JSON.stringify(lease))).toEqual({ holder: 'cp-1_6f1c2a7e-1b2c-4d5e-8f90-123456789abc', renewTime: '2026-11-25T19:24:26.123456Z', durationSeconds: 15 });
  });

  it('leaves out what the lease does not have', () => {
    expect(leaseHolder(JSON.stringify({ kind: 'Lease', metadata: { name: 'kube-scheduler' }, spec: { holderIdentity: null, leaseDurationSeconds: 15 } }))).toEqual({ durationSeconds: 15 });
    expect(leaseHolder('{"kind": "Lease", "metadata": {}}')).toEqual({});
  });

  it('throws on what is not a lease', () => {
    expect(() => leaseHolder('Error from server (NotFound): leases.coordination.k8s.io "kube-scheduler" not found')).toThrow(/not JSON/);
    expect(() => leaseHolder(JSON.stringify({ kind: 'Deployment', spec: {} }))).toThrow(/kind/);
    expect(() => leaseHolder(JSON.stringify({ kind: 'Lease', spec: { leaseDurationSeconds: '15' } }))).toThrow(/spec\.leaseDurationSeconds/);
  });
});

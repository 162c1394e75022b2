import { describe, expect, it } from 'vitest';
import { summarizeNodes } from '../../../shared/cluster/node-summary.js';

interface NodeOptions {
  arch?: string;
  os?: string;
  ready?: 'True' | 'False' | 'Unknown' | 'absent';
  unschedulable?: boolean;
  taints?: { key: string; value?: string; effect: string }[];
}

/** A node as `kubectl get nodes -o json` prints it, with the fields kubectl adds that the summary ignores. */
function node(name: string, { arch = 'arm64', os = 'linux', ready = 'True', unschedulable, taints }: NodeOptions = {}): unknown {
  const conditions = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: '2026-11-25T19:24:26Z' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
    ...(ready === 'absent' ? [] : [{ type: 'Ready', status: ready, reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady', message: 'kubelet is posting ready status' }]),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: { 'kubernetes.io/arch': arch, 'kubernetes.io/os': os, 'kubernetes.io/hostname': name }, creationTimestamp: '2026-11-25T19:24:26Z' },
    spec: { podCIDR: '10.244.0.0/24', providerID: `kind://docker/kind/${name}`, ...(unschedulable === undefined ? {} : { unschedulable }), ...(taints ? { taints } : {}) },
    status: {
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
      allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
      conditions,
      nodeInfo: { architecture: arch, operatingSystem: os, kernelVersion: '6.8.0', kubeletVersion: 'v1.35.4', containerRuntimeVersion: 'containerd://2.1.1', osImage: 'Debian GNU/Linux 12 (bookworm)' },
    },
  };
}

const list = (...items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4);
const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('summarizeNodes', () => {
  it('reads a kind cluster: a tainted control plane and two arm64 workers', () => {
    const json = list(node('kind-control-plane', { taints: [controlPlaneTaint] }), node('kind-worker'), node('kind-worker2'));
    expect(summarizeNodes(json)).toEqual({ total: 3, schedulable: 2, osArch: 'linux/arm64', names: ['kind-control-plane', 'kind-worker', 'kind-worker2'] });
  });

  it('does not count a node that is not Ready', () => {
    for (const ready of ['False', 'Unknown', 'absent'] as const) {
      const json = list(node('kind-control-plane', { taints: [controlPlaneTaint] }), node('kind-worker'), node('kind-worker2', { ready }));
      expect(summarizeNodes(json)).toMatchObject({ total: 3, schedulable: 1 });
    }
  });

  it('does not count a cordoned node or one with a NoExecute taint, but does one that only prefers not to', () => {
    const json = list(
      node('a', { unschedulable: true }),
      node('b', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
      node('c', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }),
      node('d', { unschedulable: false }),
    );
    expect(summarizeNodes(json)).toEqual({ total: 4, schedulable: 2, osArch: 'linux/arm64', names: ['a', 'b', 'c', 'd'] });
  });

  it('names the platform of the nodes tests can use, else of all nodes', () => {
    const mixed = list(node('cp', { arch: 'arm64', taints: [controlPlaneTaint] }), node('old-1', { arch: 'arm64', ready: 'False' }), node('w1', { arch: 'amd64' }));
    expect(summarizeNodes(mixed).osArch).toBe('linux/amd64');
    const noneSchedulable = list(node('cp', { arch: 'amd64', taints: [controlPlaneTaint] }), node('w1', { arch: 's390x', unschedulable: true }), node('w2', { arch: 's390x', ready: 'False' }));
    expect(summarizeNodes(noneSchedulable)).toMatchObject({ schedulable: 0, osArch: 'linux/s390x' });
    const windows = list(node('win-1', { os: 'windows', arch: 'amd64' }), node('win-2', { os: 'windows', arch: 'amd64' }), node('lin', { arch: 'arm64' }));
    expect(summarizeNodes(windows).osArch).toBe('windows/amd64');
  });

  it('throws a clear error on what is not a node list', () => {
    expect(() => summarizeNodes('error: the server doesn\'t have a resource type "nodes"')).toThrow(/not JSON/);
    expect(() => summarizeNodes('')).toThrow(/not JSON.*\(empty\)/);
    expect(() => summarizeNodes('{"items": [')).toThrow(/not JSON/);
    expect(() => summarizeNodes('[]')).toThrow(/kubectl get nodes -o json/);
    expect(() => summarizeNodes('{"kind": "List"}')).toThrow(/items/);
    expect(() => summarizeNodes('{"items": [{"metadata": {}}]}')).toThrow(/items\.0\.metadata\.name/);
    expect(() => summarizeNodes(list())).toThrow(/no nodes/);
    expect(() => summarizeNodes(JSON.stringify({ items: [{ metadata: { name: 'bare' } }] }))).toThrow(/nodeInfo/);
  });
});

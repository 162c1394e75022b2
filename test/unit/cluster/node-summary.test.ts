import { describe, expect, it } from 'vitest';
import { summarizeNodes } from '../../../shared/cluster/node-summary.js';
import { controlPlaneTaint, list, node } from './node-list-json.js';

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

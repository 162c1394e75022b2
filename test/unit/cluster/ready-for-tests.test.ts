import { describe, expect, it } from 'vitest';
import { parseNodeList } from '../../../shared/cluster/node-summary.js';
import { readinessForTests } from '../../../shared/cluster/ready-for-tests.js';
import { controlPlaneTaint, list, node, type NodeOptions } from './node-list-json.js';

const readiness = (...nodes: Array<[string, NodeOptions?]>) => readinessForTests(parseNodeList(list(...nodes.map(([name, options]) => node(name, options)))));

// The rule is e2e.test's: kubernetes v1.35.4 test/e2e/framework/node/wait.go readyForTests.
describe('readinessForTests', () => {
  it('a kind cluster whose nodes are Ready is ready: the control plane taint does not hold e2e.test back', () => {
    expect(readiness(['kind-control-plane', { taints: [controlPlaneTaint] }], ['kind-worker'])).toEqual({ uncordoned: 2, waiting: [] });
  });

  it('waits for a node that is not Ready, or reports no Ready condition yet', () => {
    expect(readiness(['a'], ['b', { ready: 'False' }], ['c', { ready: 'Unknown' }], ['d', { ready: 'absent' }]).waiting).toEqual([
      { name: 'b', why: 'Ready is False', notReady: true },
      { name: 'c', why: 'Ready is Unknown', notReady: true },
      { name: 'd', why: 'no Ready condition yet', notReady: true },
    ]);
  });

  it('waits for the taints the node controller leaves for a moment after Ready or uncordon, and for any other NoSchedule or NoExecute taint', () => {
    const { waiting } = readiness(
      ['just-ready', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }],
      ['just-uncordoned', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }],
      ['evicting', { taints: [{ key: 'example.com/drain', value: 'x', effect: 'NoExecute' }, controlPlaneTaint] }],
      ['preferring', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }],
    );
    expect(waiting).toEqual([
      { name: 'just-ready', why: 'taint node.kubernetes.io/not-ready:NoSchedule', notReady: false },
      { name: 'just-uncordoned', why: 'taint node.kubernetes.io/unschedulable:NoSchedule', notReady: false },
      { name: 'evicting', why: 'taint example.com/drain:NoExecute', notReady: false },
    ]);
  });

  it('waits for a node whose network is unavailable, and names every reason', () => {
    expect(readiness(['a', { network: 'False' }], ['b', { network: 'True', ready: 'False', taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }]).waiting).toEqual([
      { name: 'b', why: 'Ready is False, NetworkUnavailable, taint node.kubernetes.io/network-unavailable:NoSchedule', notReady: true },
    ]);
  });

  it('does not wait for a cordoned node, Ready or not, and counts only the uncordoned', () => {
    expect(readiness(['a', { unschedulable: true, ready: 'False' }], ['b', { unschedulable: false }])).toEqual({ uncordoned: 1, waiting: [] });
    expect(readiness(['a', { unschedulable: true }])).toEqual({ uncordoned: 0, waiting: [] });
  });

  it('takes the non-blocking taints it is given in place of the default', () => {
    const nodes = parseNodeList(list(node('a', { taints: [controlPlaneTaint, { key: 'example.com/gpu', effect: 'NoSchedule' }] })));
    expect(readinessForTests(nodes).waiting.map((n) => n.why)).toEqual(['taint example.com/gpu:NoSchedule']);
    expect(readinessForTests(nodes, ['node-role.kubernetes.io/control-plane', 'example.com/gpu']).waiting).toEqual([]);
    expect(readinessForTests(nodes, []).waiting.map((n) => n.why)).toEqual(['taint node-role.kubernetes.io/control-plane:NoSchedule, taint example.com/gpu:NoSchedule']);
  });
});

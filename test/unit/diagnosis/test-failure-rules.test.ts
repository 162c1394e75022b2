import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseTestFailure, testFailureRules } from '../../../shared/diagnosis/test-failure-rules.js';
import { fixture } from '../../support/fixtures.js';

const ids = (text: string): string[] => diagnoseTestFailure(text).map((d) => d.id);
const one = (text: string, id: string) => {
  const found = diagnoseTestFailure(text).find((d) => d.id === id);
  if (!found) throw new Error(`no ${id} diagnosis for: ${text}`);
  return found;
};

// The FailedScheduling event of the real v1.35.4 run in the verbose-log fixture.
const realEvent = readFileSync(fixture('ginkgo-verbose-run.log'), 'utf8')
  .split('\n')
  .find((line) => line.includes('Reason = [FailedScheduling]'));

const pendingTimeout = `[FAILED] Unexpected error:
    <*fmt.wrapError | 0xc000d1e0a0>:
    error while waiting for pod sched-pred-3121/filler-pod to be running: Timed out after 300.001s.
    Expected Pod to be in <v1.PodPhase>: "Running"
    Got instead:
        <*v1.Pod | 0xc001ba2480>:
        metadata:
          name: filler-pod
          namespace: sched-pred-3121
        status:
          conditions:
          - lastProbeTime: null
            message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'
            reason: Unschedulable
            status: "False"
            type: PodScheduled
          phase: Pending
          qosClass: Burstable
In [It] at: k8s.io/kubernetes/test/e2e/scheduling/predicates.go:331 @ 11/25/26 19:30:11.4`;

describe('testFailureRules', () => {
  it('explains the scheduler’s reasons from a real FailedScheduling event', () => {
    expect(realEvent).toBeDefined();
    const found = one(realEvent ?? '', 'no-node-for-pod');
    expect(found.title).toBe('The scheduler found no node for a pod');
    expect(found.explanation).toContain('all 4 nodes');
    expect(found.explanation).toContain('1 node: a taint the pod does not tolerate');
    expect(found.explanation).toContain("3 nodes: the pod's nodeSelector/affinity matches none of their labels");
    expect(found.explanation).not.toMatch(/Preemption|claims to deallocate/i);
    expect(found.fix).toMatch(/toleration/);
    expect(found.fix).toMatch(/--show-labels/);
  });

  it('puts every kind of reason into plain words', () => {
    const message =
      "0/10 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu, 1 Insufficient memory, " +
      '1 node(s) didn\'t have free ports for the requested pod ports, node(s) had volume node affinity conflict, 1 node(s) were unschedulable, 1 Insufficient example.com/gpu. preemption: 0/10 nodes are available: 10 Preemption is not helpful for scheduling.';
    const { explanation, fix } = one(message, 'no-node-for-pod');
    expect(explanation).toContain('all 10 nodes');
    expect(explanation).toContain('1 node: a taint the pod does not tolerate (node-role.kubernetes.io/control-plane)');
    expect(explanation).toContain("3 nodes: the pod's nodeSelector/affinity matches none of their labels");
    expect(explanation).toContain("2 nodes: not enough free CPU for the pod's requests");
    expect(explanation).toContain("1 node: not enough free memory for the pod's requests");
    expect(explanation).toContain('1 node: another pod already holds a hostPort the pod asks for');
    expect(explanation).toContain('every node: the PersistentVolume the pod needs can only be used on other nodes');
    expect(explanation).toContain('1 node: cordoned');
    expect(explanation).toContain("1 node: not enough free example.com/gpu for the pod's requests");
    expect(explanation).not.toContain('Preemption');
    expect(fix).toContain('kubectl uncordon');
  });

  it('reads the older taint wording, whose reason has a comma of its own', () => {
    const { explanation } = one("0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 Insufficient memory.", 'no-node-for-pod');
    expect(explanation).toContain('1 node: a taint the pod does not tolerate (node-role.kubernetes.io/master); 2 nodes: not enough free memory');
    expect(explanation).not.toContain("the scheduler's words");
  });

  it('leaves out what preemption and DRA said when the scheduler gave no reasons of its own', () => {
    for (const text of [
      '0/3 nodes are available: preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      '0/4 nodes are available: no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    ]) {
      expect(one(text, 'no-node-for-pod').explanation).toMatch(/^The scheduler checked all \d nodes and none could take the pod\. Each/);
    }
  });

  it('quotes a reason it does not know', () => {
    const { explanation } = one('0/2 nodes are available: 2 node(s) were hit by a cosmic ray.', 'no-node-for-pod');
    expect(explanation).toContain('2 nodes: "node(s) were hit by a cosmic ray" (the scheduler\'s words)');
  });

  it('reads a reason that applies to every node, and the claim behind it', () => {
    const text = '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(ids(text)).toEqual(['no-node-for-pod', 'unbound-immediate-pvc']);
    expect(one(text, 'no-node-for-pod').explanation).toContain("every node: the pod's PersistentVolumeClaims are not bound");
    expect(one(text, 'unbound-immediate-pvc').explanation).toMatch(/volumeBindingMode: Immediate/);
  });

  it('tells a filter plugin’s error from a pod that does not fit', () => {
    const text = 'Warning  FailedScheduling  3s  default-scheduler  running "VolumeBinding" filter plugin for pod "pvc-tester-8kq2x": pod has unbound immediate PersistentVolumeClaims';
    expect(ids(text)).toEqual(['scheduler-plugin-error', 'unbound-immediate-pvc']);
    const found = one(text, 'scheduler-plugin-error');
    expect(found.title).toBe("The scheduler's VolumeBinding filter plugin returned an error");
    expect(found.explanation).toMatch(/error/);
    expect(found.explanation).toMatch(/not a finding that the pod does not fit/);
    expect(found.explanation).toMatch(/PersistentVolumeClaims.*StorageClass.*volumeBindingMode/);
    expect(found.explanation).toContain('The plugin said: pod has unbound immediate PersistentVolumeClaims');
    expect(found.fix).toMatch(/kube-scheduler log/);
    expect(found.fix).toMatch(/VolumeBinding plugin's code and configuration in your change/);
  });

  it('explains any other filter plugin’s error without storage talk', () => {
    const text = 'Message = [running "NodeResourcesFit" filter plugin: node "kind-worker" not found in snapshot] @ 11/25/26';
    const found = one(text, 'scheduler-plugin-error');
    expect(found.title).toBe("The scheduler's NodeResourcesFit filter plugin returned an error");
    expect(found.explanation).toContain('The plugin said: node "kind-worker" not found in snapshot');
    expect(found.explanation).not.toMatch(/StorageClass/);
  });

  it('sees pods that stayed Pending until the test gave up', () => {
    expect(ids(pendingTimeout)).toEqual(['no-node-for-pod', 'pods-stayed-pending']);
    expect(one(pendingTimeout, 'no-node-for-pod').explanation).toContain('1 node: a taint the pod does not tolerate; 2 nodes: not enough free CPU');
    expect(one(pendingTimeout, 'pods-stayed-pending').title).toBe('Pods never started');
    expect(ids('pod "web-0" is Pending\nerror: timed out waiting for the condition')).toEqual(['pods-stayed-pending']);
  });

  it.each([
    ['a passing spec', 'STEP: creating pod @ 11/25/26 19:25:16.423\nPod pod-hostip-9b2b5e11 has hostIP: 127.0.0.1'],
    ['a scheduled pod', 'Scheduled: Successfully assigned pods-1207/pod-exec-websocket to kwok-worker-1'],
    ['the real websocket failure', '[FAILED] Failed to open websocket to wss://127.0.0.1:40709/api/v1/namespaces/pods-1207/pods/pod-exec/exec?command=echo: websocket.Dial: bad status'],
    ['a timeout next to ginkgo’s "0 Pending" count', '[FAILED] Timed out after 30.001s.\nExpected <int>: 1 to equal 2\nFAIL! -- 3 Passed | 1 Failed | 0 Pending | 7351 Skipped'],
    ['ginkgo’s "0 Pending" count before a timeout', 'FAIL! -- 3 Passed | 1 Failed | 0 Pending | 7351 Skipped\n[FAILED] timed out waiting for the condition'],
    ['a Pending pod without a timeout', 'pod "web-0" is Pending'],
    ['a timeout without Pending pods', 'error: timed out waiting for the condition on deployments/web'],
    ['a node count that is not a failure', '10/10 nodes are available: all Ready'],
    ['a prefilter plugin', 'running PreScore plugin "InterPodAffinity": boom'],
  ])('says nothing about %s', (_what, text) => {
    expect(diagnoseTestFailure(text)).toEqual([]);
  });

  it('has one rule per id', () => {
    expect(new Set(testFailureRules.map((rule) => rule.id)).size).toBe(testFailureRules.length);
  });
});

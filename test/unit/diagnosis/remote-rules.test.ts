import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/diagnosis/diagnose.js';
import { remoteRules } from '../../../shared/diagnosis/remote-rules.js';
import { skewWarning } from '../../../shared/remote/version-skew.js';

const mac = { os: 'darwin', arch: 'arm64' };
const find = (text: string) => diagnose(text, mac, remoteRules);

describe('remote diagnoses', () => {
  it('names user, verb, resource and namespace of an RBAC refusal, with the can-i command', () => {
    const [diagnosis, ...rest] = find(
      'Error from server (Forbidden): deployments.apps "kube-scheduler" is forbidden: User "ada@example.com" cannot patch resource "deployments/scale" in API group "apps" in the namespace "kube-system"',
    );
    expect(rest).toEqual([]);
    expect(diagnosis?.id).toBe('remote-rbac-forbidden');
    expect(diagnosis?.explanation).toMatch(/ada@example\.com patch deployments\/scale \(API group apps\) in namespace kube-system/);
    expect(diagnosis?.fix).toMatch(/Role that allows patch on deployments\/scale/);
    expect(diagnosis?.fix).toMatch(/kubectl auth can-i patch deployments\.apps --subresource=scale -n kube-system$/);
  });

  it('asks for a ClusterRole for a cluster-scoped refusal', () => {
    const [diagnosis] = find('Error from server (Forbidden): pods "p" is forbidden: User "system:serviceaccount:ci:runner" cannot create resource "pods/binding" in API group "" at the cluster scope');
    expect(diagnosis?.explanation).toMatch(/at cluster scope/);
    expect(diagnosis?.fix).toMatch(/ClusterRole/);
    expect(diagnosis?.fix).toMatch(/kubectl auth can-i create pods --subresource=binding$/);
  });

  it.each([
    ['no kube-scheduler Deployment found in kube-system (kubectl get deployments -n kube-system)', 'remote-scheduler-not-found'],
    ['No kube-scheduler static pod was found either: the control plane is managed by the provider.', 'remote-scheduler-not-found'],
    ['3 pods were bound while the local scheduler was stopped', 'remote-schedulers-racing'],
    ['pod e2e-sched-4821/pause-7 was bound by another scheduler (node kind-worker2)', 'remote-schedulers-racing'],
    ['local kube-scheduler exited with code 1 after 2.3s', 'remote-local-scheduler-crashed'],
    ['The local kube-scheduler crashed (signal SIGSEGV)', 'remote-local-scheduler-crashed'],
    [skewWarning('v1.35.4-gke.100', 'v1.36.0-alpha.1') ?? '', 'remote-version-skew'],
    [skewWarning('v1.35.4', 'v1.32.0') ?? '', 'remote-version-skew'],
  ])('%s', (text, id) => {
    expect(find(text).map((d) => d.id)).toEqual([id]);
  });

  it('tells that the crashed scheduler\'s last log lines are above', () => {
    expect(find('local kube-scheduler died')[0]?.explanation).toMatch(/last log lines are above/);
  });

  it('stays quiet on look-alikes', () => {
    for (const text of [
      'I1125 19:24:26.1 scheduler.go:449] "Successfully bound pod to node" pod="default/p" node="kind-worker"',
      'kube-scheduler Deployment found: kube-system/kube-scheduler (2 replicas)',
      'x509: certificate has expired; clock skew between hosts',
      'the kube-scheduler in the cluster exited',
      'Error from server (Forbidden): something else',
    ]) {
      expect(find(text)).toEqual([]);
    }
  });
});

import type { DiagnosisRule } from './diagnosis-rules.js';

/** `kubectl auth can-i` for a verb on "resource[/subresource]" in an API group and, when namespaced, a namespace. */
function canICommand(verb: string, resource: string, group: string, namespace: string | undefined): string {
  const [plural = resource, subresource] = resource.split('/');
  const qualified = group ? `${plural}.${group}` : plural;
  return ['kubectl auth can-i', verb, qualified, subresource ? `--subresource=${subresource}` : '', namespace ? `-n ${namespace}` : ''].filter((part) => part !== '').join(' ');
}

/** The failure signatures of remote mode: swapping the scheduler of a real cluster for a local one. */
export const remoteRules: DiagnosisRule[] = [
  {
    id: 'remote-rbac-forbidden',
    pattern: /User "([^"]*)" cannot (\S+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/,
    explain: (match) => {
      const [, user = '', verb = '', resource = '', group = '', namespace] = match;
      const where = namespace ? `in namespace ${namespace}` : 'at cluster scope';
      return {
        title: `Not allowed to ${verb} ${resource}`,
        explanation:
          `The cluster's RBAC does not let ${user} ${verb} ${resource}${group ? ` (API group ${group})` : ''} ${where}. ` +
          'Swapping the scheduler needs to scale the kube-system scheduler Deployment and to read, bind and update pods, nodes and events cluster-wide.',
        fix: `ask a cluster admin for a ${namespace ? 'Role' : 'ClusterRole'} that allows ${verb} on ${resource}; check with: ${canICommand(verb, resource, group, namespace)}`,
      };
    },
  },
  {
    id: 'remote-scheduler-not-found',
    pattern: /no kube-scheduler (?:Deployment|static pod) (?:was )?found/i,
    explain: () => ({
      title: 'The cluster\'s scheduler is out of reach',
      explanation:
        'kube-system has no kube-scheduler Deployment the app could scale to 0. Managed clusters (GKE, EKS, AKS…) run the control plane where kubectl cannot touch it; ' +
        'kubeadm clusters run the scheduler as a static pod that only the node\'s manifest file controls.',
      fix: 'use a cluster whose scheduler runs as a Deployment in kube-system, or a local kind cluster; on a kubeadm node, moving /etc/kubernetes/manifests/kube-scheduler.yaml away stops the static pod',
    }),
  },
  {
    id: 'remote-schedulers-racing',
    pattern: /bound by another scheduler|pods were bound while the local scheduler was stopped/i,
    explain: () => ({
      title: 'Another scheduler is placing pods too',
      explanation:
        'Pods were bound by a scheduler other than the local one: the cluster\'s own scheduler is still running (a static pod, or something such as an addon manager or operator scaled its Deployment back up), ' +
        'so test results mix both schedulers\' decisions.',
      fix: 'kubectl get deploy,pods -n kube-system | grep scheduler; kubectl get lease kube-scheduler -n kube-system -o yaml   # who holds the lease',
    }),
  },
  {
    id: 'remote-local-scheduler-crashed',
    pattern: /local kube-scheduler (?:exited|crashed|died)/i,
    explain: () => ({
      title: 'The local kube-scheduler stopped',
      explanation:
        'The kube-scheduler built from your tree exited while it should have been scheduling; its last log lines are above. ' +
        'Common causes: the scheduler settings were rejected (an unknown field or plugin), its port is taken, or the kubeconfig\'s credentials expired.',
      fix: 'read the last log lines above, fix the scheduler settings or free the port, and start the run again; the cluster\'s own scheduler is restored when the run ends',
    }),
  },
  {
    id: 'remote-version-skew',
    pattern: /is newer than the API server|\bversion skew\b/i,
    explain: () => ({
      title: 'The local scheduler and the cluster are of different versions',
      explanation:
        'A kube-scheduler may be at the API server\'s minor version or one older, never newer. Outside that skew it may use APIs the server lacks, or miss fields it needs, and tests fail for reasons that are not in your change.',
      fix: 'check out the release branch matching the cluster (kubectl version shows the server\'s), rebuild, and run again',
    }),
  },
];

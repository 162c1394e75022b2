import type { DiagnosisRule } from './diagnosis-rules.js';

/** The failure signatures of `kind create cluster` and kind configs. */
export const kindRules: DiagnosisRule[] = [
  {
    id: 'kind-config-apiversion',
    pattern: /unknown apiVersion: ?(\S*)/,
    explain: (match) => ({
      title: 'kind does not know the config\'s apiVersion',
      explanation: `The config says apiVersion: ${match[1] || '(nothing)'}; kind accepts only kind.x-k8s.io/v1alpha4 (kind.sigs.k8s.io/… is the group's old name, dropped in kind v0.9).`,
      fix: 'apiVersion: kind.x-k8s.io/v1alpha4',
    }),
  },
  {
    id: 'kind-config-field',
    pattern: /line (\d+): field (\S+) not found in type v1alpha4\.(\w+)/,
    explain: (match) => ({
      title: 'The kind config has a field kind does not know',
      explanation: `Line ${match[1]}: ${match[2]} is not a field of ${match[3]} (misspelled, wrongly indented, or newer than this kind). kind reads configs strictly.`,
      fix: 'fix the field on that line; the Cluster step shows the config with each problem on its line',
    }),
  },
  {
    id: 'kind-cluster-exists',
    pattern: /node\(s\) already exist for a cluster with the name "([^"]+)"/,
    explain: (match) => ({
      title: `A kind cluster named ${match[1]} already exists`,
      explanation: 'kind will not create a second cluster with the same name. The app reuses an existing cluster only when it runs the same node image and answers.',
      fix: `kind delete cluster --name ${match[1]}   # or the Teardown step with "delete", or another name: in the config`,
    }),
  },
  {
    id: 'port-taken',
    pattern: /port is already allocated|address already in use|bind: address already in use/i,
    explain: () => ({
      title: 'A port the cluster needs is taken',
      explanation: 'Docker could not publish a port of the cluster (the API server port or an extraPortMappings hostPort) because another program, or another kind cluster, already listens on it.',
      fix: 'stop what listens there (lsof -iTCP -sTCP:LISTEN -n -P), or change hostPort / networking.apiServerPort in the config',
    }),
  },
  {
    id: 'kubeadm-init-failed',
    pattern: /failed to init node with kubeadm/,
    explain: () => ({
      title: 'kubeadm could not start the control plane',
      explanation: 'The node container started, but kubeadm init failed inside it: often a node image built for another CPU, too little memory in the Docker VM, or a kubeadm patch the node\'s Kubernetes rejects. The exported logs have kubelet\'s and the API server\'s own words.',
      fix: 'read the kubelet.log of the control-plane node in the exported logs; check the image architecture in the Build step',
    }),
  },
];

/**
 * The fields kind's v1alpha4 types accept (sigs.k8s.io/kind pkg/apis/config/v1alpha4/types.go),
 * as this app checks them: every type's known fields, and what each field holds.
 */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'stringMap' }
  | { kind: 'boolMap' }
  | { kind: 'stringList' }
  | { kind: 'object'; type: string }
  | { kind: 'objectList'; type: string };

export const kindTypes: Record<string, Record<string, FieldType>> = {
  Cluster: {
    kind: { kind: 'string' },
    apiVersion: { kind: 'string' },
    name: { kind: 'string' },
    nodes: { kind: 'objectList', type: 'Node' },
    networking: { kind: 'object', type: 'Networking' },
    featureGates: { kind: 'boolMap' },
    runtimeConfig: { kind: 'stringMap' },
    kubeadmConfigPatches: { kind: 'stringList' },
    kubeadmConfigPatchesJSON6902: { kind: 'objectList', type: 'PatchJSON6902' },
    containerdConfigPatches: { kind: 'stringList' },
    containerdConfigPatchesJSON6902: { kind: 'stringList' },
  },
  Node: {
    role: { kind: 'enum', values: ['control-plane', 'worker'] },
    image: { kind: 'string' },
    labels: { kind: 'stringMap' },
    extraMounts: { kind: 'objectList', type: 'Mount' },
    extraPortMappings: { kind: 'objectList', type: 'PortMapping' },
    kubeadmConfigPatches: { kind: 'stringList' },
    kubeadmConfigPatchesJSON6902: { kind: 'objectList', type: 'PatchJSON6902' },
  },
  Networking: {
    ipFamily: { kind: 'enum', values: ['ipv4', 'ipv6', 'dual'] },
    apiServerPort: { kind: 'int' },
    apiServerAddress: { kind: 'string' },
    podSubnet: { kind: 'string' },
    serviceSubnet: { kind: 'string' },
    disableDefaultCNI: { kind: 'bool' },
    kubeProxyMode: { kind: 'enum', values: ['iptables', 'ipvs', 'nftables', 'none'] },
    dnsSearch: { kind: 'stringList' },
  },
  Mount: {
    containerPath: { kind: 'string' },
    hostPath: { kind: 'string' },
    readOnly: { kind: 'bool' },
    selinuxRelabel: { kind: 'bool' },
    propagation: { kind: 'enum', values: ['None', 'HostToContainer', 'Bidirectional'] },
  },
  PortMapping: {
    containerPort: { kind: 'int' },
    hostPort: { kind: 'int' },
    listenAddress: { kind: 'string' },
    protocol: { kind: 'enum', values: ['TCP', 'UDP', 'SCTP'] },
  },
  PatchJSON6902: {
    group: { kind: 'string' },
    version: { kind: 'string' },
    kind: { kind: 'string' },
    patch: { kind: 'string' },
  },
};

export const kindApiVersion = 'kind.x-k8s.io/v1alpha4';

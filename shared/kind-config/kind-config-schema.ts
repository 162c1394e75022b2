/**
 * The fields of kind's v1alpha4 config types (sigs.k8s.io/kind pkg/apis/config/v1alpha4/types.go,
 * identical in v0.30.0, v0.31.0 and v0.32.0) and the Go type each one decodes into. Field names are
 * the yaml tags, matched exactly (yaml.v3 is case-sensitive). Enums such as role, ipFamily and
 * kubeProxyMode are plain Go strings at decode time; kind checks them later, in Validate.
 */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int32' }
  | { kind: 'stringMap' }
  | { kind: 'boolMap' }
  | { kind: 'stringList' }
  | { kind: 'struct'; type: KindType }
  | { kind: 'structList'; type: KindType };

export type KindType = 'Cluster' | 'Node' | 'Networking' | 'Mount' | 'PortMapping' | 'PatchJSON6902';

export const kindTypes: Record<KindType, Record<string, FieldType>> = {
  Cluster: {
    kind: { kind: 'string' },
    apiVersion: { kind: 'string' },
    name: { kind: 'string' },
    nodes: { kind: 'structList', type: 'Node' },
    networking: { kind: 'struct', type: 'Networking' },
    featureGates: { kind: 'boolMap' },
    runtimeConfig: { kind: 'stringMap' },
    kubeadmConfigPatches: { kind: 'stringList' },
    kubeadmConfigPatchesJSON6902: { kind: 'structList', type: 'PatchJSON6902' },
    containerdConfigPatches: { kind: 'stringList' },
    containerdConfigPatchesJSON6902: { kind: 'stringList' },
  },
  Node: {
    role: { kind: 'string' },
    image: { kind: 'string' },
    labels: { kind: 'stringMap' },
    extraMounts: { kind: 'structList', type: 'Mount' },
    extraPortMappings: { kind: 'structList', type: 'PortMapping' },
    kubeadmConfigPatches: { kind: 'stringList' },
    kubeadmConfigPatchesJSON6902: { kind: 'structList', type: 'PatchJSON6902' },
  },
  Networking: {
    ipFamily: { kind: 'string' },
    apiServerPort: { kind: 'int32' },
    apiServerAddress: { kind: 'string' },
    podSubnet: { kind: 'string' },
    serviceSubnet: { kind: 'string' },
    disableDefaultCNI: { kind: 'bool' },
    kubeProxyMode: { kind: 'string' },
    dnsSearch: { kind: 'stringList' },
  },
  Mount: {
    containerPath: { kind: 'string' },
    hostPath: { kind: 'string' },
    readOnly: { kind: 'bool' },
    selinuxRelabel: { kind: 'bool' },
    propagation: { kind: 'string' },
  },
  PortMapping: {
    containerPort: { kind: 'int32' },
    hostPort: { kind: 'int32' },
    listenAddress: { kind: 'string' },
    protocol: { kind: 'string' },
  },
  PatchJSON6902: {
    group: { kind: 'string' },
    version: { kind: 'string' },
    kind: { kind: 'string' },
    patch: { kind: 'string' },
  },
};

export const kindApiVersion = 'kind.x-k8s.io/v1alpha4';

/** Values kind's Validate (pkg/internal/apis/config/validate.go) accepts, after its defaulting. */
export const nodeRoles = ['control-plane', 'worker'] as const;
export const ipFamilies = ['ipv4', 'ipv6', 'dual'] as const;
export const kubeProxyModes = ['iptables', 'ipvs', 'nftables', 'none'] as const;
/** Checked while decoding, by the UnmarshalYAML hooks in pkg/apis/config/v1alpha4/yaml.go ("" is unset). */
export const mountPropagations = ['None', 'HostToContainer', 'Bidirectional'] as const;
/** Compared after kind upper-cases what was written (yaml.go PortMapping.UnmarshalYAML). */
export const portProtocols = ['TCP', 'UDP', 'SCTP'] as const;

import { pinnedRelease } from './pinned-release.js';

export interface SimulatedNode {
  name: string;
  zone: string;
  controlPlane: boolean;
}

/** One control-plane node (tainted, like kubeadm's) and three workers spread over three zones. */
export const simulatedNodes: readonly SimulatedNode[] = [
  { name: 'kwok-control-plane', zone: 'zone-a', controlPlane: true },
  { name: 'kwok-worker-1', zone: 'zone-a', controlPlane: false },
  { name: 'kwok-worker-2', zone: 'zone-b', controlPlane: false },
  { name: 'kwok-worker-3', zone: 'zone-c', controlPlane: false },
];

/** The annotation kwok is told to look for: it manages (heartbeats, runs pods on) only these nodes. */
export const kwokNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

const resources = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };

/** The Node object to create; kwok fills in conditions, addresses and heartbeats once it sees it. */
export function nodeObject(node: SimulatedNode): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      annotations: { [kwokNodeAnnotation.key]: kwokNodeAnnotation.value, 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'arm64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'arm64',
        'topology.kubernetes.io/region': 'local',
        'topology.kubernetes.io/zone': node.zone,
        'node.kubernetes.io/instance-type': 'kwok.arm64.4x16',
        type: 'kwok',
        ...(node.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: node.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: {
      capacity: resources,
      allocatable: resources,
      nodeInfo: {
        architecture: 'arm64',
        operatingSystem: 'linux',
        osImage: 'kwok simulated node',
        kernelVersion: 'kwok',
        kubeletVersion: pinnedRelease.kubernetes,
        kubeProxyVersion: pinnedRelease.kubernetes,
        containerRuntimeVersion: 'kwok',
      },
    },
  };
}

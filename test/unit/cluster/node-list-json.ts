/** Node lists as `kubectl get nodes -o json` prints them, for the tests of what reads them. */
export interface NodeOptions {
  arch?: string;
  os?: string;
  ready?: 'True' | 'False' | 'Unknown' | 'absent';
  unschedulable?: boolean;
  taints?: { key: string; value?: string; effect: string }[];
  /** The NetworkUnavailable condition's status, when the node reports one. */
  network?: 'True' | 'False';
}

/** A node as `kubectl get nodes -o json` prints it, with the fields kubectl adds that the summary ignores. */
export function node(name: string, { arch = 'arm64', os = 'linux', ready = 'True', unschedulable, taints, network }: NodeOptions = {}): unknown {
  const conditions = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: '2026-11-25T19:24:26Z' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
    ...(network ? [{ type: 'NetworkUnavailable', status: network, reason: network === 'True' ? 'NoRouteCreated' : 'RouteCreated' }] : []),
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

export const list = (...items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4);
export const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

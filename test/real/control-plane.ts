import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from './api-client.js';
import { createControlPlanePki } from './control-plane-pki.js';
import { freePort } from '../../electron/engine/net/free-port.js';
import { k8sBinaries, type K8sBinaries } from './k8s-binaries.js';
import { writeKubeconfig } from './kubeconfig.js';
import { ManagedProcess } from './managed-process.js';
import { schedulerDeploymentObject } from './scheduler-deployment.js';
import { SchedulerFollower } from './scheduler-follower.js';
import { serverCommands } from './server-commands.js';
import { nodeObject, simulatedNodes } from './simulated-nodes.js';
import { stopOnExit } from './stop-on-exit.js';

export interface ControlPlane {
  /** The temp folder holding etcd's data, the certificates, the logs and the kubeconfig. */
  dir: string;
  kubeconfig: string;
  /** A kubeconfig for "studio-viewer": may read nodes, pods, Deployments and leases, may change nothing. */
  viewerKubeconfig: string;
  server: string;
  api: ApiClient;
  binaries: K8sBinaries;
  scheduler: SchedulerFollower;
  /** pids of every server process the harness started and that still runs. */
  pids(): number[];
  /** Stops everything (scheduler first, etcd last) and removes the temp folder unless keepDir. */
  stop(): Promise<void>;
}

export interface ControlPlaneOptions {
  binaries?: K8sBinaries;
  log?: (line: string) => void;
  /** Keep the temp folder after stop() (logs for a post-mortem). */
  keepDir?: boolean;
}

interface NodeLike {
  metadata: { name: string };
  status?: { conditions?: Array<{ type: string; status: string }> };
}
interface DeploymentLike {
  status?: { availableReplicas?: number };
}

/**
 * A real Kubernetes control plane on 127.0.0.1, built from the pinned release: etcd,
 * kube-apiserver, kube-controller-manager and kwok, with simulated arm64 nodes that are Ready,
 * the kube-system/scheduler Deployment and a real kube-scheduler that follows it. If anything
 * fails on the way up, what was started is stopped again before the error is thrown.
 */
export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[control-plane] ${line}\n`));
  const binaries = options.binaries ?? (await k8sBinaries({ log }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-k8s-real-'));
  const logDir = path.join(dir, 'logs');
  await mkdir(logDir);
  const processes: ManagedProcess[] = [];
  let follower: SchedulerFollower | undefined;
  let stopping: Promise<void> | undefined;
  let keepDir = options.keepDir ?? false;

  // Once only, however many callers (a test's afterAll, a signal) ask at the same time.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await follower?.stop();
      // Clients before servers: kwok and the controller manager, then the apiserver, then etcd.
      for (const child of [...processes].reverse()) await child.stop();
      if (!keepDir) await rm(dir, { recursive: true, force: true });
    })());
  const release = stopOnExit(stop);

  const start = async (name: string, argv: string[]): Promise<ManagedProcess> => {
    const child = await ManagedProcess.start(name, argv, path.join(logDir, `${name}.log`));
    processes.push(child);
    log(`started ${name} (pid ${child.pid})`);
    return child;
  };

  try {
    const pki = await createControlPlanePki(await mkdirIn(dir, 'pki'));
    const [etcdClient, etcdPeer, apiPort, kcmPort] = [await freePort(), await freePort(), await freePort(), await freePort()];

    const etcd = await start('etcd', serverCommands.etcd(binaries, { dataDir: path.join(dir, 'etcd'), clientPort: etcdClient, peerPort: etcdPeer }));
    await until(etcd, 'etcd to be healthy', 90_000, async () => {
      const answer = await fetch(`http://127.0.0.1:${etcdClient}/health`).then((response) => response.text(), () => '');
      return answer.includes('"health":"true"');
    });

    const server = `https://127.0.0.1:${apiPort}`;
    const apiserver = await start('kube-apiserver', serverCommands.kubeApiserver(binaries, { pki, port: apiPort, etcdPort: etcdClient, certDir: path.join(dir, 'pki') }));
    const caPem = await readFile(pki.caCert, 'utf8');
    const api = new ApiClient(server, caPem, pki.adminToken);
    await until(apiserver, 'kube-apiserver to be ready (/readyz)', 300_000, async () => (await api.health('/readyz')).ok);

    const kubeconfig = path.join(dir, 'kubeconfig');
    await writeKubeconfig(kubeconfig, { server, caPem, token: pki.adminToken });
    const viewerKubeconfig = path.join(dir, 'viewer-kubeconfig');
    await writeKubeconfig(viewerKubeconfig, { server, caPem, token: pki.viewerToken, name: 'studio-viewer' });
    for (const [collection, object] of restrictedUser) await api.post(collection, object);

    await start('kube-controller-manager', serverCommands.kubeControllerManager(binaries, { pki, kubeconfig, port: kcmPort }));
    await start('kwok', serverCommands.kwok(binaries, { kubeconfig }));

    for (const node of simulatedNodes) await api.post('/api/v1/nodes', nodeObject(node));
    await until(apiserver, `${simulatedNodes.length} simulated nodes to be Ready`, 180_000, async () => {
      const list = await api.get<{ items: NodeLike[] }>('/api/v1/nodes');
      const ready = list.items.filter((node) => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      return ready.length === simulatedNodes.length;
    });
    // Pods need their namespace's default ServiceAccount, which the controller manager creates.
    await until(apiserver, 'the default ServiceAccount', 180_000, async () => (await api.find('/api/v1/namespaces/default/serviceaccounts/default')) !== undefined);

    const controlPlaneNode = simulatedNodes.find((node) => node.controlPlane)?.name ?? '';
    await api.post('/apis/apps/v1/namespaces/kube-system/deployments', schedulerDeploymentObject(controlPlaneNode));
    follower = new SchedulerFollower(api, { binary: binaries.kubeScheduler, kubeconfig, logDir, log });
    await follower.start();
    await until(apiserver, 'kube-system/scheduler to be available', 180_000, async () => {
      const deployment = await api.get<DeploymentLike>('/apis/apps/v1/namespaces/kube-system/deployments/scheduler');
      return (deployment.status?.availableReplicas ?? 0) > 0;
    });
    log(`ready: ${server}, kubeconfig ${kubeconfig}`);

    const schedulerFollower = follower;
    return {
      dir,
      kubeconfig,
      viewerKubeconfig,
      server,
      api,
      binaries,
      scheduler: schedulerFollower,
      pids: () => [...processes.filter((child) => child.exit === undefined).map((child) => child.pid), ...(schedulerFollower.pid ? [schedulerFollower.pid] : [])],
      stop: async () => {
        release();
        await stop();
      },
    };
  } catch (error) {
    const tails = await Promise.all(processes.map(async (child) => `--- ${child.name} (${child.exit ?? 'running'}), ${child.logFile}:\n${await child.logTail(15)}`));
    release();
    keepDir = true;
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nlogs kept in ${logDir}\n${tails.join('\n')}`, { cause: error });
  }
}

/** Polls `ready` until true; fails early, with the reason, if `watched` exits meanwhile. */
async function until(watched: ManagedProcess, what: string, timeoutMs: number, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (watched.exit !== undefined) throw new Error(`${watched.name} ${watched.exit} while waiting for ${what}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function mkdirIn(parent: string, name: string): Promise<string> {
  const dir = path.join(parent, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** RBAC for the harness's restricted user: read what a preflight reads, change nothing. */
const restrictedUser: Array<[string, Record<string, unknown>]> = [
  [
    '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'studio-viewer' },
      rules: [
        { apiGroups: [''], resources: ['nodes', 'pods'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch'] },
      ],
    },
  ],
  [
    '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'studio-viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'studio-viewer' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'studio-viewer' }],
    },
  ],
];

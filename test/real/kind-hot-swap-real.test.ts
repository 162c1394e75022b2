import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildRecords, hotSwapRecord } from '../../electron/engine/build/build-records.js';
import { Engine } from '../../electron/engine/engine.js';
import { clusterDir } from '../../electron/engine/kind/kind-cluster-files.js';
import { hotSwapJournal } from '../../electron/engine/kind/scheduler-hot-swap.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { hotSwapPaths } from '../../shared/kind/hot-swap.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { goCommand } from '../support/go-command.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { k8sBinaries, type K8sBinaries } from './k8s-binaries.js';
import { goCaches, hotSwapMakefile, schedulerBuildModule } from './kind-hot-swap-real-build.js';
import { kindNodeImage, type KindNodeImage } from './kind-node-image.js';
import { bridgeCniDirs, pointAtTestEngine, rememberNodeImage, removeKindCluster, runStep, stepFailure, type StepOfEngine, testKindConfig } from './kind-test-cluster.js';
import { pinnedRelease } from './pinned-release.js';

const arch = normalizeArch(os.machine());

interface PodJson {
  metadata: { name: string; uid: string; annotations?: Record<string, string> };
  spec: { nodeName?: string; containers: Array<{ command?: string[] }> };
  status?: { conditions?: Array<{ type: string; status: string }>; containerStatuses?: Array<{ ready: boolean; containerID?: string; restartCount: number; state?: { running?: { startedAt: string } } }> };
}

/** What the cluster and the node say about the kube-scheduler that runs, all read at one moment. */
interface SchedulerSeen {
  pods: string[];
  /** The mirror pod's UID, which the API server gives each mirror pod the kubelet creates. */
  uid?: string;
  /**
   * The static pod's own UID, a hash of its manifest, node and source, which the kubelet puts on the
   * mirror pod as kubernetes.io/config.hash (kubernetes v1.35.4 pkg/kubelet/config/common.go applyDefaults).
   */
  staticUid?: string;
  ready: boolean;
  command?: string;
  containerId?: string;
  /** Scheduler processes in the node: pid and command line. */
  processes: Array<{ pid: number; args: string }>;
  /** sha256 of /proc/<pid>/exe, when exactly one runs. */
  exe?: string;
  /** What it logged as it started (cmd/kube-scheduler/app/server.go: "Starting Kubernetes Scheduler" version=…). */
  version?: string;
  problem?: string;
}

/** What a wait for a scheduler expects: every field given must hold. */
interface SchedulerWanted {
  command: string;
  exe: string;
  version: string;
  /** The pod and process it replaced: a new mirror pod, a new static pod (a different manifest), a new process. */
  notPid?: number;
  notUid?: string;
  notStaticUid?: string;
  /** The static pod it must be (the original manifest back). */
  staticUid?: string;
}

const sha256 = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

/**
 * Issue #16 stage 3: the kind-mode scheduler hot-swap (electron/engine/kind/scheduler-hot-swap.ts)
 * against a real kubelet. The app's own Build step decides the change is scheduler-only and runs
 * `make all WHAT=cmd/kube-scheduler KUBE_BUILD_PLATFORMS=linux/<arch>` in the checkout, whose
 * Makefile builds the real kube-scheduler from the harness's v1.35.4 sources with its own version
 * stamp (kind-hot-swap-real-build.ts); the app's Cluster step swaps it into the control-plane node
 * of a real kind cluster, where the real kubelet restarts the static pod; Teardown (keep) puts the
 * original back. Which binary runs is read from the node (sha256 of the process's /proc/<pid>/exe)
 * and from the scheduler itself: it logs its version as it starts ("Starting Kubernetes Scheduler"
 * version=…, kubernetes v1.35.4 cmd/kube-scheduler/app/server.go Run; the value is
 * component-base/version.Get(), whose GitVersion is the -X k8s.io/component-base/version.gitVersion
 * the build stamps, printed by klog through apimachinery's version.Info String()).
 */
describe(`the kube-scheduler hot-swap through a real kubelet (kind ${testKindVersion})`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let kind: string;
  let binaries: K8sBinaries;
  let node: KindNodeImage;
  let work: { dir: string; remove: () => Promise<void> };
  let app: Engine;
  let checkout = '';
  let dataDir = '';
  let kubeconfig = '';
  const name = `studio-swap-${process.pid}`;
  const nodeName = `${name}-control-plane`;
  /** The version the swapped-in build is stamped with: this run's own, so nothing from an earlier run can pass for it. */
  const swapVersion = `${pinnedRelease.kubernetes}-studio.hotswap.r${randomBytes(4).toString('hex')}`;
  let restoreEnv = (): void => undefined;
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });
  const kubectl = (args: string[]) => execa(binaries.kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=10s', ...args], { reject: false });
  const kindClusters = async () => (await execa(kind, ['get', 'clusters'], { env: engine.env, reject: false })).stdout.split('\n').filter(Boolean);
  /** What the first test saw run: the image's own scheduler. */
  let original = { uid: '', staticUid: '', exe: '', version: '', pid: 0, manifest: '' };
  let swapped = { pid: 0, uid: '', staticUid: '', exe: '' };

  beforeAll(async () => {
    kind = await realKind();
    binaries = await k8sBinaries();
    lease = await acquireDockerEngine();
    engine = lease.engine;
    const started = Date.now();
    node = await kindNodeImage(engine);
    console.log(`kind node image ${node.image} ready in ${Date.now() - started} ms`);
    const module = await schedulerBuildModule();

    work = await tempDir('kind-hot-swap-real');
    checkout = await createMiniKubernetes(path.join(work.dir, 'kubernetes'));
    await writeFile(path.join(checkout, 'Makefile'), hotSwapMakefile({ module, version: swapVersion, go: goCommand(), caches: await goCaches() }));
    const git = (...args: string[]) => execa('git', ['-C', checkout, '-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid', ...args]);
    await git('commit', '-q', '-am', 'the Makefile builds the real kube-scheduler');
    const commit = (await git('rev-parse', 'HEAD')).stdout.trim();

    // One control-plane node and nothing else: kind removes the control-plane taint of a cluster
    // without workers (sigs.k8s.io/kind@v0.32.0 pkg/cluster/internal/create/actions/kubeadminit/init.go),
    // and a single node needs no routes between nodes' pod subnets, which this image has not.
    const cniDirs = await bridgeCniDirs(work.dir, 1);
    dataDir = path.join(work.dir, 'data');
    await mkdir(dataDir);
    const settings = { sourceDir: checkout, mode: 'kind', keepCluster: true, kindConfig: testKindConfig(name, cniDirs), toolPaths: { kind, docker: engine.client, kubectl: binaries.kubectl } };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
    await rememberNodeImage(dataDir, checkout, commit, node);
    restoreEnv = pointAtTestEngine(engine);
    app = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, shellEnv: { HOME: work.dir } });
  }, 60 * 60_000);

  afterAll(async () => {
    await app?.shutdown();
    restoreEnv();
    if (engine) await removeKindCluster(engine, kind, name, work.dir);
    await lease?.release();
    await work?.remove();
  }, 10 * 60_000);

  const step = (stepId: StepOfEngine): Promise<StepInfo> => runStep(app, stepId);
  const failure = stepFailure;
  const journal = () => hotSwapJournal(clusterDir(dataDir, name));

  /** The scheduler pod (by its label, as kubeadm sets it), the scheduler process in the node, the binary it runs and the version it logged. */
  const schedulerNow = async (): Promise<SchedulerSeen> => {
    const seen: SchedulerSeen = { pods: [], ready: false, processes: [] };
    const pods = await kubectl(['--namespace', 'kube-system', 'get', 'pods', '-l', 'component=kube-scheduler', '-o', 'json']);
    if (pods.exitCode !== 0) return { ...seen, problem: `kubectl get pods: ${pods.stderr.trim()}` };
    const items = (JSON.parse(pods.stdout) as { items: PodJson[] }).items;
    seen.pods = items.map((pod) => pod.metadata.name);
    const pod = items[0];
    if (pod) {
      const container = pod.status?.containerStatuses?.[0];
      seen.uid = pod.metadata.uid;
      seen.staticUid = pod.metadata.annotations?.['kubernetes.io/config.hash'];
      seen.command = pod.spec.containers[0]?.command?.[0];
      seen.containerId = container?.containerID;
      seen.ready = (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false) && container?.ready === true && Boolean(container.state?.running);
    }
    const ps = await docker(['exec', nodeName, 'ps', '-eo', 'pid=,args=']);
    seen.processes = ps.stdout
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ pid: Number(match[1]), args: match[2] ?? '' }))
      .filter((p) => path.basename(p.args.split(' ')[0] ?? '').startsWith('kube-scheduler') && p.args.includes('--kubeconfig=/etc/kubernetes/scheduler.conf'));
    const only = seen.processes.length === 1 ? seen.processes[0] : undefined;
    if (only) {
      const sum = await docker(['exec', nodeName, 'sha256sum', `/proc/${only.pid}/exe`]);
      if (sum.exitCode === 0) seen.exe = sum.stdout.split(' ')[0];
    }
    if (pod) {
      const logs = await kubectl(['--namespace', 'kube-system', 'logs', pod.metadata.name]);
      seen.version = /"Starting Kubernetes Scheduler" version="([^"]+)"/.exec(logs.stdout)?.[1];
    }
    return seen;
  };
  const summary = (seen: SchedulerSeen | undefined): string => JSON.stringify(seen ?? 'nothing read yet');

  /** Waits until exactly the wanted scheduler runs and is Ready, and returns what was seen then. */
  const waitForScheduler = async (wanted: SchedulerWanted, what: string): Promise<SchedulerSeen & { pid: number }> => {
    let last: SchedulerSeen | undefined;
    return waitFor(
      async () => {
        last = await schedulerNow();
        const pid = last.processes.length === 1 ? last.processes[0]?.pid : undefined;
        const holds =
          last.pods.length === 1 &&
          last.pods[0] === `kube-scheduler-${nodeName}` &&
          last.ready &&
          last.command === wanted.command &&
          pid !== undefined &&
          pid !== wanted.notPid &&
          last.uid !== wanted.notUid &&
          last.staticUid !== undefined &&
          last.staticUid !== wanted.notStaticUid &&
          (wanted.staticUid === undefined || last.staticUid === wanted.staticUid) &&
          last.exe === wanted.exe &&
          last.version === wanted.version;
        return holds && { ...last, pid };
      },
      what,
      { timeoutMs: 4 * 60_000, intervalMs: 2_000, describe: () => summary(last) },
    );
  };

  it("creates a one-node cluster with the app's Cluster step; the real kubelet runs the image's own kube-scheduler, Ready", async () => {
    const created = await step('cluster');
    expect(created.outcome, failure(created)).toBe('success');
    const facts = created.result?.kind === 'cluster' ? created.result.cluster : undefined;
    expect(facts).toMatchObject({ reused: false });
    expect(facts?.schedulerSwapped).toBeUndefined();
    kubeconfig = facts?.kubeconfig ?? '';
    expect(await kindClusters()).toContain(name);

    // The image's kube-scheduler is the harness's v1.35.4 build (kind-node-image.ts copies it in).
    const seen = await waitForScheduler({ command: 'kube-scheduler', exe: await sha256(binaries.kubeScheduler), version: node.kubernetesVersion }, "the image's kube-scheduler to run and be Ready");
    expect(seen.version).toBe(pinnedRelease.kubernetes);
    expect(seen.exe).toBe(await sha256(binaries.kubeScheduler));
    const manifest = await docker(['exec', nodeName, 'cat', hotSwapPaths.manifest]);
    expect(manifest.exitCode).toBe(0);
    expect(manifest.stdout).not.toContain(hotSwapPaths.binary);
    original = { uid: seen.uid ?? '', staticUid: seen.staticUid ?? '', exe: seen.exe ?? '', version: seen.version ?? '', pid: seen.pid, manifest: manifest.stdout };
  }, 15 * 60_000);

  it("a scheduler-only change: the Build step builds kube-scheduler for linux/<arch> from the harness's sources, and no node image", async () => {
    const file = path.join(checkout, 'pkg/scheduler/scheduler.go');
    await writeFile(file, (await readFile(file, 'utf8')).replace('default-scheduler', 'studio-hot-swap'));
    const build = await step('build');
    expect(build.outcome, failure(build)).toBe('success');
    const states = build.result?.kind === 'build' ? Object.fromEntries(build.result.build.artefacts.map((a) => [a.id, a.state])) : {};
    expect(states).toEqual({ 'node-image': 'hot-swap', 'test-binaries': 'built' });
    const argvs = build.commands.map((c) => c.argv.join(' '));
    expect(argvs).toContain(`make all WHAT=cmd/kube-scheduler KUBE_BUILD_PLATFORMS=linux/${arch}`);
    expect(argvs.some((argv) => argv.includes('build node-image'))).toBe(false);

    // What the Build step recorded for the Cluster step: the binary, for the image the cluster runs.
    const { records } = await BuildRecords.open(dataDir, checkout);
    const record = records.get(hotSwapRecord);
    expect(record?.image).toBe(node.image);
    expect(record?.outputs.map((o) => o.path)).toEqual([`_output/local/bin/linux/${arch}/kube-scheduler`]);
    const binary = path.join(checkout, record?.outputs[0]?.path ?? '');
    // component-base/version/verflag prints "Kubernetes <gitVersion>" for --version.
    expect((await execa(binary, ['--version'])).stdout.trim()).toBe(`Kubernetes ${swapVersion}`);
    swapped.exe = await sha256(binary);
    expect(swapped.exe).not.toBe(original.exe);
  }, 15 * 60_000);

  it('the Cluster step swaps it in: the real kubelet restarts the static pod on the new binary, which is Ready, reports the new version and schedules a pod', async () => {
    expect(original.uid, 'the cluster was not created').not.toBe('');
    expect(swapped.exe, 'the scheduler was not built').not.toBe('');
    const cluster = await step('cluster');
    expect(cluster.outcome, failure(cluster)).toBe('success');
    const binary = path.join(checkout, `_output/local/bin/linux/${arch}/kube-scheduler`);
    expect(cluster.result?.kind === 'cluster' && cluster.result.cluster).toMatchObject({ reused: true, schedulerSwapped: true, schedulerBinary: { path: binary, from: 'build' } });
    expect(cluster.commands.map((c) => c.argv.slice(1))).toContainEqual(['cp', binary, `${nodeName}:${hotSwapPaths.binary}`]);
    expect(JSON.parse(await readFile(journal(), 'utf8'))).toMatchObject({ node: nodeName, state: 'swapped', binary });

    const seen = await waitForScheduler({ command: hotSwapPaths.binary, exe: swapped.exe, version: swapVersion, notPid: original.pid, notUid: original.uid, notStaticUid: original.staticUid }, 'the swapped-in kube-scheduler to run in a new static pod and be Ready');
    expect(seen.version).toBe(swapVersion);
    expect(seen.exe).toBe(swapped.exe);
    expect(seen.staticUid).not.toBe(original.staticUid);
    expect(seen.uid).not.toBe(original.uid);
    expect(seen.pid).not.toBe(original.pid);
    swapped = { ...swapped, pid: seen.pid, uid: seen.uid ?? '', staticUid: seen.staticUid ?? '' };
    // The node keeps the original manifest, and the live one runs the binary copied in.
    expect((await docker(['exec', nodeName, 'cat', hotSwapPaths.original])).stdout).toBe(original.manifest);
    expect((await docker(['exec', nodeName, 'cat', hotSwapPaths.manifest])).stdout).toContain(`- ${hotSwapPaths.binary}`);

    // It is the scheduler of the cluster: a new pod gets bound to the node (the old scheduler is gone, see above).
    const pod = `swap-probe-${process.pid}`;
    const created = await kubectl(['run', pod, '--image', 'registry.k8s.io/pause:3.10', '--image-pull-policy', 'IfNotPresent', '--restart', 'Never']);
    expect(created.exitCode, created.stderr).toBe(0);
    let last = '';
    const boundTo = await waitFor(
      async () => {
        const out = await kubectl(['get', 'pod', pod, '-o', 'json']);
        last = out.stdout || out.stderr;
        if (out.exitCode !== 0) return false;
        const found = JSON.parse(out.stdout) as PodJson;
        return found.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'True') === true && found.spec.nodeName;
      },
      `the pod ${pod} to be scheduled`,
      { timeoutMs: 2 * 60_000, intervalMs: 1_000, describe: () => last },
    );
    expect(boundTo).toBe(nodeName);
    await kubectl(['delete', 'pod', pod, '--wait=false']);
  }, 15 * 60_000);

  it('Teardown (keep) puts the original back: the image’s kube-scheduler runs again, Ready, with its own version, and the journal is gone', async () => {
    expect(swapped.pid, 'the swap did not happen').not.toBe(0);
    const down = await step('teardown');
    expect(down.outcome, failure(down)).toBe('success');
    expect(down.result).toMatchObject({ kind: 'teardown', action: 'kept', name });
    expect(await kindClusters()).toContain(name);
    await expect(readFile(journal(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await docker(['exec', nodeName, 'cat', hotSwapPaths.manifest])).stdout).toBe(original.manifest);

    const seen = await waitForScheduler({ command: 'kube-scheduler', exe: original.exe, version: original.version, notPid: swapped.pid, notUid: swapped.uid, notStaticUid: swapped.staticUid, staticUid: original.staticUid }, "the image's own kube-scheduler to run again and be Ready");
    expect(seen.version).toBe(pinnedRelease.kubernetes);
    expect(seen.exe).toBe(original.exe);
    expect(seen.pid).not.toBe(swapped.pid);
    // The same manifest, byte for byte, is the same static pod to the kubelet: its UID is the
    // original's, which the kubelet let start again (pkg/kubelet/pod_workers.go forgets a finished
    // pod's UID once it is no longer desired, SyncKnownPods), in a mirror pod of its own.
    expect(seen.staticUid).toBe(original.staticUid);
    expect(seen.uid).not.toBe(swapped.uid);
  }, 15 * 60_000);
});

import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildRecords } from '../../electron/engine/build/build-records.js';
import { Engine } from '../../electron/engine/engine.js';
import { kindCreateArgv, kindDeleteArgv } from '../../shared/kind/kind-argv.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { k8sBinaries } from './k8s-binaries.js';
import { kindNodeImage, type KindNodeImage } from './kind-node-image.js';
import { controlPlaneInspectArgv } from '../../shared/kind/kind-node-container.js';
import { bridgeCniDirs, clusterLabel, pointAtTestEngine, removeKindCluster, runStep, type StepOfEngine, testKindConfig } from './kind-test-cluster.js';

const roles = ['control-plane', 'worker'] as const;

interface NodeList {
  items: Array<{ metadata: { name: string }; status?: { conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> } }>;
}

/**
 * The app's own Cluster and Teardown steps (electron/engine/kind/kind-target.ts, argv from
 * shared/kind/kind-argv.ts) with the real kind v0.32.0 on the tests' own Docker engine, from a node
 * image assembled here. The Build step's `kind build node-image --type source` cannot run offline,
 * so the node image's build record is written as the Build step writes it, naming that image.
 */
describe(`a real kind ${testKindVersion} cluster made by the app's Cluster step`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let kind: string;
  let kubectl: string;
  let node: KindNodeImage;
  let work: { dir: string; remove: () => Promise<void> };
  let app: Engine;
  let kubeconfig = '';
  const name = `studio-real-${process.pid}`;
  /** The cluster of the failure test: kind's default CNI on, which this image cannot serve. */
  const failing = `studio-nocni-${process.pid}`;
  let restoreEnv = (): void => undefined;
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });
  const kindClusters = async () => (await execa(kind, ['get', 'clusters'], { env: engine.env, reject: false })).stdout.split('\n').filter(Boolean);

  beforeAll(async () => {
    kind = await realKind();
    kubectl = (await k8sBinaries()).kubectl;
    lease = await acquireDockerEngine();
    engine = lease.engine;
    const started = Date.now();
    node = await kindNodeImage(engine);
    console.log(`kind node image ${node.image} ready in ${Date.now() - started} ms`);

    work = await tempDir('kind-real');
    const checkout = await createMiniKubernetes(path.join(work.dir, 'kubernetes'));
    const cniDirs = await bridgeCniDirs(work.dir, roles.length);
    const dataDir = path.join(work.dir, 'data');
    await mkdir(dataDir);
    const settings = { sourceDir: checkout, mode: 'kind', keepCluster: false, kindConfig: testKindConfig(name, cniDirs), toolPaths: { kind, docker: engine.client, kubectl } };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
    const { records } = await BuildRecords.open(dataDir, checkout);
    await records.remember('node-image', { fingerprint: node.image, builtAt: Date.now(), commit: 'offline', outputs: [], image: node.image, kubernetesVersion: node.kubernetesVersion });
    restoreEnv = pointAtTestEngine(engine);
    app = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, shellEnv: { HOME: work.dir } });
  }, 60 * 60_000);

  afterAll(async () => {
    await app?.shutdown();
    restoreEnv();
    if (engine) for (const cluster of [name, failing]) await removeKindCluster(engine, kind, cluster, work.dir);
    await lease?.release();
    await work?.remove();
  }, 10 * 60_000);

  const request = async (channel: 'steps:run' | 'settings:update', input: object): Promise<void> => {
    const reply = await app.connect(new RecordingClient()).request(channel, input as never);
    if (!reply.ok) throw new Error(reply.error.message);
  };
  const step = (stepId: StepOfEngine): Promise<StepInfo> => runStep(app, stepId);
  /** What a failed step said, kind's stderr, and where the logs it exported are kept (copied out of the temp folder that afterAll removes). */
  const failure = async (info: StepInfo): Promise<string> => {
    if (info.outcome === 'success') return '';
    let logs = '';
    const logsDir = info.result?.kind === 'cluster' ? info.result.cluster.logsDir : undefined;
    if (logsDir) {
      const kept = path.join(os.tmpdir(), `studio-kind-real-logs-${process.pid}-${path.basename(logsDir)}`);
      await cp(logsDir, kept, { recursive: true }).catch(() => undefined);
      logs = `\nkind's exported logs are kept in ${kept}`;
    }
    return `${info.error?.message ?? ''}\n${info.error?.stderrTail ?? ''}${logs}`;
  };

  it("creates the cluster with the app's argv through the real kind; the app's kubeconfig has its context and every node becomes Ready", async () => {
    const created = await step('cluster');
    expect(created.outcome, await failure(created)).toBe('success');
    const facts = created.result?.kind === 'cluster' ? created.result.cluster : undefined;
    expect(facts?.reused).toBe(false);
    kubeconfig = facts?.kubeconfig ?? '';
    const argvs = created.commands.map((c) => c.argv);
    expect(argvs).toContainEqual([kind, ...kindCreateArgv({ name, image: node.image, config: facts?.configPath ?? '', kubeconfig, wait: '5m' }).slice(1)]);
    expect(await kindClusters()).toContain(name);

    const contexts = await execa(kubectl, ['--kubeconfig', kubeconfig, 'config', 'get-contexts', '-o', 'name'], { reject: false });
    expect(contexts.stdout.split('\n')).toContain(`kind-${name}`);
    expect((await execa(kubectl, ['--kubeconfig', kubeconfig, 'config', 'current-context'])).stdout.trim()).toBe(`kind-${name}`);
    expect(facts?.context).toBe(`kind-${name}`);

    // kind's --wait waits for the control plane only; the worker joins and becomes Ready after.
    const expected = roles.map((role) => `${name}-${role}`).sort();
    let seen = '';
    const ready = await waitFor(
      async () => {
        const out = await execa(kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=10s', 'get', 'nodes', '-o', 'json'], { reject: false });
        if (out.exitCode !== 0) {
          seen = out.stderr;
          return false;
        }
        const list = JSON.parse(out.stdout) as NodeList;
        const states = list.items.map((item) => ({ name: item.metadata.name, ready: item.status?.conditions?.find((c) => c.type === 'Ready') }));
        seen = states.map((s) => `${s.name}: Ready=${s.ready?.status ?? '?'} ${s.ready?.reason ?? ''} ${s.ready?.message ?? ''}`).join('; ');
        const names = states.map((s) => s.name).sort();
        return JSON.stringify(names) === JSON.stringify(expected) && states.every((s) => s.ready?.status === 'True') && names;
      },
      `nodes ${expected.join(', ')} to be Ready`,
      { timeoutMs: 5 * 60_000, intervalMs: 2_000, describe: () => seen },
    );
    expect(ready).toEqual(expected);
    // The nodes run the image the app was given and report the release it was built at.
    const versions = await execa(kubectl, ['--kubeconfig', kubeconfig, 'get', 'nodes', '-o', 'jsonpath={.items[*].status.nodeInfo.kubeletVersion}']);
    expect(versions.stdout.split(' ')).toEqual(expected.map(() => node.kubernetesVersion));
    for (const container of expected) expect((await docker(['inspect', '--format', '{{.Config.Image}}', container])).stdout.trim()).toBe(node.image);
  }, 15 * 60_000);

  it("kube-system's pods run from the images built into the node: CoreDNS becomes available through the pod network and the API server's Service", async () => {
    expect(kubeconfig, 'the cluster was not created').not.toBe('');
    let seen = '';
    const available = await waitFor(
      async () => {
        const out = await execa(kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=10s', '--namespace', 'kube-system', 'get', 'deployment', 'coredns', '-o', 'jsonpath={.spec.replicas} {.status.availableReplicas}'], { reject: false });
        const pods = await execa(kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=10s', '--namespace', 'kube-system', 'get', 'pods', '-o', 'wide'], { reject: false });
        seen = `${out.stdout || out.stderr}\n${pods.stdout}`;
        const [wanted, ready] = out.stdout.split(' ');
        return out.exitCode === 0 && Number(wanted) > 0 && wanted === ready && Number(ready);
      },
      'the coredns Deployment to have all its replicas available',
      { timeoutMs: 4 * 60_000, intervalMs: 2_000, describe: () => seen },
    );
    expect(available).toBeGreaterThan(0);
  }, 6 * 60_000);

  it('a second run reuses the cluster: nothing is created, the API server answered /readyz', async () => {
    expect(kubeconfig, 'the cluster was not created').not.toBe('');
    const reused = await step('cluster');
    expect(reused.outcome, await failure(reused)).toBe('success');
    expect(reused.result?.kind === 'cluster' && reused.result.cluster.reused).toBe(true);
    const argvs = reused.commands.map((c) => c.argv);
    expect(argvs.some((argv) => argv[1] === 'create')).toBe(false);
    expect(argvs).toContainEqual([kubectl, '--kubeconfig', kubeconfig, '--request-timeout=10s', 'get', '--raw', '/readyz']);
    // The real docker read the real kind's cluster label off the control-plane container, so kind
    // was not asked (kind-target.ts controlPlaneInspectArgv); had the template or the label been
    // wrong, the step would have fallen back to `kind get clusters`.
    expect(argvs.map((argv) => argv.slice(1))).toContainEqual(controlPlaneInspectArgv(name).slice(1));
    expect(argvs.filter((argv) => argv[1] === 'get' && argv[2] === 'clusters')).toEqual([]);
  }, 5 * 60_000);

  it("Teardown (delete) deletes it with the app's kubeconfig: kind lists no such cluster and no node container is left", async () => {
    expect(kubeconfig, 'the cluster was not created').not.toBe('');
    const down = await step('teardown');
    expect(down.outcome, down.error?.message).toBe('success');
    expect(down.result).toMatchObject({ kind: 'teardown', action: 'deleted', name });
    expect(down.commands.map((c) => c.argv)).toContainEqual([kind, ...kindDeleteArgv({ name, kubeconfig }).slice(1)]);
    expect(await kindClusters()).not.toContain(name);
    expect((await docker(['ps', '-aq', '--filter', `label=${clusterLabel}=${name}`])).stdout.trim()).toBe('');
    expect(await readFile(kubeconfig, 'utf8').catch(() => 'gone')).toBe('gone');
  }, 5 * 60_000);

  it("a create that fails exports kind's logs and lists them; Teardown deletes what --retain kept", async () => {
    // The image has no /kind/manifests/default-cni.yaml (no kindnetd), so with the default CNI on,
    // kind fails after the control plane is up (installcni/cni.go: "failed to read CNI manifest").
    const config = ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', `name: ${failing}`, 'kubeadmConfigPatches:', '- |', '  apiVersion: kubelet.config.k8s.io/v1beta1', '  kind: KubeletConfiguration', '  failCgroupV1: false', 'nodes:', '- role: control-plane', ''].join('\n');
    await request('settings:update', { kindConfig: config });
    const failed = await step('cluster');
    expect(failed.outcome).toBe('failure');
    expect(failed.error?.stderrTail ?? '').toContain('failed to read CNI manifest');
    const facts = failed.result?.kind === 'cluster' ? failed.result.cluster : undefined;
    const logsDir = facts?.logsDir ?? '';
    expect(logsDir).not.toBe('');
    expect(failed.commands.map((c) => c.argv)).toContainEqual([kind, 'export', 'logs', logsDir, '--name', failing]);
    // What kind export logs writes (pkg/cluster/provider.go CollectLogs writes kind-version.txt; pkg/cluster/internal/providers/docker/provider.go CollectLogs the rest).
    expect(facts?.logFiles).toEqual(expect.arrayContaining(['docker-info.txt', 'kind-version.txt', `${failing}-control-plane/kubelet.log`, `${failing}-control-plane/containerd.log`, `${failing}-control-plane/journal.log`]));
    expect(await readFile(path.join(logsDir, 'kind-version.txt'), 'utf8')).toContain(testKindVersion);
    // --retain kept the node; kind lists the cluster, and Teardown (delete) removes it.
    expect(await kindClusters()).toContain(failing);
    const down = await step('teardown');
    expect(down.outcome, down.error?.message).toBe('success');
    expect(down.result).toMatchObject({ kind: 'teardown', action: 'deleted', name: failing });
    expect(await kindClusters()).not.toContain(failing);
    expect((await docker(['ps', '-aq', '--filter', `label=${clusterLabel}=${failing}`])).stdout.trim()).toBe('');
  }, 15 * 60_000);
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { BuildRecords } from '../../electron/engine/build/build-records.js';
import type { Engine } from '../../electron/engine/engine.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import type { DockerEngine } from '../support/docker-engine.js';
import { RecordingClient } from '../support/recording-client.js';
import { bridgeCniConfig, type KindNodeImage } from './kind-node-image.js';

/** The label kind puts on every container of a cluster, with the cluster's name as its value. */
export const clusterLabel = 'io.x-k8s.kind.cluster';

/** A step id as the engine takes it (whatever type the engine gives it). */
export type StepOfEngine = Parameters<Engine['steps']['settled']>[0];

/**
 * The tests' kind config, as a user would type it into the Cluster step's YAML: a control-plane
 * node, then a worker for each further CNI folder. Three things in it are for this machine and
 * this image, never app defaults: the image has no kindnetd (see kind-node-image.ts), so the default
 * CNI is off and each node gets a bridge CNI config of its own by extraMounts; and containers here
 * see cgroup v1, which kubelet >= 1.35 refuses unless its configuration says failCgroupV1: false (a
 * kubeadm patch of the KubeletConfiguration, which kind applies to every node's kubeadm config).
 */
export function testKindConfig(name: string, cniDirs: readonly string[]): string {
  const nodes = cniDirs.map((dir, index) => [`- role: ${index === 0 ? 'control-plane' : 'worker'}`, '  extraMounts:', `  - hostPath: ${dir}`, '    containerPath: /etc/cni/net.d', '    readOnly: true'].join('\n'));
  return [
    'kind: Cluster',
    'apiVersion: kind.x-k8s.io/v1alpha4',
    `name: ${name}`,
    'networking:',
    '  disableDefaultCNI: true',
    'kubeadmConfigPatches:',
    '- |',
    '  apiVersion: kubelet.config.k8s.io/v1beta1',
    '  kind: KubeletConfiguration',
    '  failCgroupV1: false',
    'nodes:',
    ...nodes,
    '',
  ].join('\n');
}

/** One folder per node under `parent`, each with that node's bridge CNI config (its own pod subnet). */
export async function bridgeCniDirs(parent: string, nodes: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 0; index < nodes; index += 1) {
    const dir = path.join(parent, `cni-${index}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, '10-studio-bridge.conflist'), bridgeCniConfig(index));
    dirs.push(dir);
  }
  return dirs;
}

/**
 * The node image as the Build step records one it built from `checkout` at `commit` with no
 * uncommitted changes: `kind build node-image --type source` cannot run offline, so the image is
 * the one assembled here from the pinned release.
 */
export async function rememberNodeImage(dataDir: string, checkout: string, commit: string, node: KindNodeImage): Promise<void> {
  const { records } = await BuildRecords.open(dataDir, checkout);
  await records.remember('node-image', { fingerprint: `offline ${node.image}`, builtAt: Date.now(), commit, outputs: [], image: node.image, kubernetesVersion: node.kubernetesVersion, source: { commit, changes: {} } });
}

/**
 * kind runs `docker` from PATH (never the app's docker setting) against DOCKER_HOST: both point at
 * the tests' engine before the app composes its search path. Returns what puts them back.
 */
export function pointAtTestEngine(engine: DockerEngine): () => void {
  const saved = { DOCKER_HOST: process.env.DOCKER_HOST, PATH: process.env.PATH };
  process.env.DOCKER_HOST = engine.host;
  process.env.PATH = engine.env.PATH;
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Whatever a failed test left of cluster `name`: the cluster (kind deletes its nodes), then any container of it. */
export async function removeKindCluster(engine: DockerEngine, kind: string, name: string, scratchDir: string): Promise<void> {
  const clusters = (await execa(kind, ['get', 'clusters'], { env: engine.env, reject: false })).stdout.split('\n').filter(Boolean);
  if (clusters.includes(name)) await execa(kind, ['delete', 'cluster', '--name', name, '--kubeconfig', path.join(scratchDir, 'leftover-kubeconfig')], { env: engine.env, reject: false });
  const left = (await execa(engine.client, ['ps', '-aq', '--filter', `label=${clusterLabel}=${name}`], { env: engine.env, reject: false })).stdout.split('\n').filter(Boolean);
  if (left.length > 0) await execa(engine.client, ['rm', '-f', '-v', ...left], { env: engine.env, reject: false });
}

/** Runs a step through the app's request, as the window does, and waits for it to settle. */
export async function runStep(app: Engine, stepId: StepOfEngine): Promise<StepInfo> {
  const reply = await app.connect(new RecordingClient()).request('steps:run', { stepId });
  if (!reply.ok) throw new Error(reply.error.message);
  return app.steps.settled(stepId);
}

/** What a step that did not succeed said, for an assertion's message. */
export const stepFailure = (info: StepInfo): string => (info.outcome === 'success' ? '' : `${info.error?.message ?? ''}\n${info.error?.stderrTail ?? ''}`);

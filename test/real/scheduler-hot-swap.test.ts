import { execFile } from 'node:child_process';
import type { StepId } from '../../shared/steps/step-id.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { hotSwapPaths } from '../../shared/kind/hot-swap.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { RecordingClient } from '../support/recording-client.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { kindOnPlane, useEnv } from './kind-on-plane.js';

const run = promisify(execFile);
const arch = normalizeArch(os.machine());

/**
 * The scheduler hot-swap of kind mode against a real API server: the stand-in kind and docker keep
 * the control-plane node's files in a folder and, acting as its kubelet, mirror the kube-scheduler
 * static pod into the real API server, where kwok reports it Running and Ready.
 */
describe('swapping a locally built kube-scheduler into a kind control plane', () => {
  let plane: ControlPlane;
  let dir: string;
  let checkout: string;
  let engine: Engine;
  let state: string;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-hot-swap-'));
    checkout = await createMiniKubernetes(path.join(dir, 'kubernetes'));
    const kind = kindOnPlane(plane, dir);
    state = kind.env.STUDIO_STANDIN_STATE ?? '';
    restoreEnv = useEnv(kind.env);
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ sourceDir: checkout, mode: 'kind', keepCluster: true, toolPaths: kind.toolPaths }));
    engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true });
  }, 120 * 60_000);
  afterAll(async () => {
    restoreEnv?.();
    await engine?.shutdown();
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const step = async (stepId: StepId): Promise<StepInfo> => {
    const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId });
    if (!reply.ok) throw new Error(reply.error.message);
    const info = await engine.steps.settled(stepId);
    expect(info.outcome, `${stepId}: ${info.error?.message ?? ''}`).toBe('success');
    return info;
  };
  const artefacts = (info: StepInfo) => (info.result?.kind === 'build' ? Object.fromEntries(info.result.build.artefacts.map((a) => [a.id, a.state])) : {});
  const schedulerCommand = async (): Promise<string> => {
    const pod = JSON.parse((await run(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, 'get', '--raw', '/api/v1/namespaces/kube-system/pods/kube-scheduler-e2e-control-plane'])).stdout);
    return pod.spec.containers[0].command[0];
  };
  const nodeManifest = (): Promise<string> => readFile(path.join(state, 'nodes', 'e2e-control-plane', hotSwapPaths.manifest.slice(1)), 'utf8');

  it('builds the image and creates the cluster; the cluster runs the image’s scheduler', async () => {
    expect(artefacts(await step('build'))).toEqual({ 'node-image': 'built', 'test-binaries': 'built' });
    await step('cluster');
    expect(await schedulerCommand()).toBe('kube-scheduler');
  });

  it('a scheduler-only change builds kube-scheduler for linux/<arch> and no image', async () => {
    const file = path.join(checkout, 'pkg/scheduler/scheduler.go');
    await writeFile(file, (await readFile(file, 'utf8')).replace('default-scheduler', 'my-scheduler'));
    const build = await step('build');
    expect(artefacts(build)).toEqual({ 'node-image': 'hot-swap', 'test-binaries': 'up-to-date' });
    const argvs = build.commands.map((c) => c.argv.join(' '));
    expect(argvs).toContain(`make all WHAT=cmd/kube-scheduler KUBE_BUILD_PLATFORMS=linux/${arch}`);
    expect(argvs.some((argv) => argv.includes('build node-image'))).toBe(false);
    const again = await step('build');
    expect(artefacts(again)).toEqual({ 'node-image': 'hot-swap', 'test-binaries': 'up-to-date' });
    expect(again.commands.some((c) => c.argv[0] === 'make')).toBe(false);
  });

  it('the Cluster step swaps it in, recorded in a journal first, and waits for the new scheduler pod to be Ready', async () => {
    const cluster = await step('cluster');
    expect(cluster.result?.kind === 'cluster' && cluster.result.cluster).toMatchObject({ reused: true, schedulerSwapped: true });
    const binary = path.join(checkout, '_output', 'local', 'bin', 'linux', arch, 'kube-scheduler');
    expect(cluster.commands.map((c) => c.argv.slice(1))).toContainEqual(['cp', binary, `e2e-control-plane:${hotSwapPaths.binary}`]);
    expect(await schedulerCommand()).toBe(hotSwapPaths.binary);
    expect(await nodeManifest()).toContain(`- ${hotSwapPaths.binary}`);
    expect((await run(path.join(state, 'nodes', 'e2e-control-plane', hotSwapPaths.binary.slice(1)))).stdout.trim()).toBe('kube-scheduler v1.99.0-mini my-scheduler');
    const journal = JSON.parse(await readFile(path.join(dir, 'data', 'clusters', 'e2e', 'scheduler-hot-swap.json'), 'utf8'));
    expect(journal).toMatchObject({ node: 'e2e-control-plane', state: 'swapped', binary });
  });

  it('keeping the cluster at teardown puts the original scheduler back and clears the journal', async () => {
    await step('teardown');
    expect(await schedulerCommand()).toBe('kube-scheduler');
    expect(await nodeManifest()).not.toContain(hotSwapPaths.binary);
    await expect(readFile(path.join(dir, 'data', 'clusters', 'e2e', 'scheduler-hot-swap.json'))).rejects.toThrow();
  });

  it('a journal found corrupt at start-up is set aside, and Teardown (keep) still restores the node, which says it runs ours', async () => {
    await step('cluster');
    expect(await schedulerCommand()).toBe(hotSwapPaths.binary);
    const journal = path.join(dir, 'data', 'clusters', 'e2e', 'scheduler-hot-swap.json');
    await engine.shutdown();
    await writeFile(journal, '{"node": "e2e-control-plane", "state": ');
    engine = await Engine.start({ dataDir: path.join(dir, 'data'), shell: 'browser', version: 'test', skipLoginShell: true });
    const info = await engine.connect(new RecordingClient()).request('app:info', {});
    expect(info.ok && (info.result as { notices: Array<{ message: string }> }).notices.map((n) => n.message).join('\n')).toMatch(/hot-swap on the kind cluster e2e was interrupted \(journal unreadable, kept as .*corrupt/);
    await expect(readFile(journal)).rejects.toThrow();
    const teardown = await step('teardown');
    expect(teardown.commands.map((c) => c.argv.slice(1, 4))).toContainEqual(['exec', 'e2e-control-plane', 'cat']);
    expect(await schedulerCommand()).toBe('kube-scheduler');
    expect(await nodeManifest()).not.toContain(hotSwapPaths.binary);
  });
});

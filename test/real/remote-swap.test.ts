import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.js';
import { faultPoints } from '../../electron/engine/remote/fault-point.js';
import type { RemoteStatus } from '../../shared/remote/remote-facts.js';
import { diagnose } from '../../shared/diagnosis/diagnose.js';
import { tailOf } from '../support/tail-of.js';
import { waitFor } from '../support/wait-for.js';
import { waitForText } from '../support/wait-for-text.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { focusFor } from './e2e-spec-run.js';
import { knownSpecs } from './known-specs.js';
import { schedulerDeployment } from './scheduler-deployment.js';
import { planeContext, remoteEngineFixture } from './remote-engine-fixture.js';

const execFileAsync = promisify(execFile);

/**
 * Remote mode against the real control plane: its kube-system/scheduler Deployment is the
 * in-cluster scheduler (the harness runs a real kube-scheduler while it has replicas), and the
 * local kube-scheduler is the release's own binary.
 */
describe('remote mode: swapping the scheduler of a real cluster, and giving it back', () => {
  let plane: ControlPlane;
  let dir: string;
  const fx = remoteEngineFixture(() => ({ plane, dir }), { shellHome: true });
  const { client, freshData, open, request, step, kubectl, replicas } = fx;
  const context = planeContext;

  const podNode = async (name: string): Promise<string> => JSON.parse(await kubectl('get', 'pod', name, '-o', 'json')).spec.nodeName ?? '';
  const podStatus = async (name: string): Promise<string> => JSON.stringify(JSON.parse(await kubectl('get', 'pod', name, '-o', 'json')).status);
  const noticesSince = (before: number): string => JSON.stringify(client.payloads('app:notice').slice(before).map((n) => n.message)) || 'no notice';
  const createPod = async (name: string): Promise<void> => {
    const manifest = path.join(dir, `${name}.json`);
    await writeFile(manifest, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] } }));
    await kubectl('apply', '-f', manifest);
  };
  const strayScheduler = async (dataDir: string): Promise<string[]> => {
    const { stdout } = await execFileAsync('ps', ['-eo', 'args=']);
    return stdout.split('\n').filter((l) => l.includes(`--config=${path.join(dataDir, 'remote')}`));
  };
  /** The cluster as the harness started it: one ready scheduler replica, and the harness's scheduler running. */
  const expectOriginal = async (): Promise<void> => {
    expect(await replicas()).toEqual({ spec: 1, ready: 1 });
    await waitFor(() => plane.scheduler.pid !== undefined, 'the in-cluster scheduler to run again', { timeoutMs: 60_000, describe: async () => `the harness runs no kube-scheduler; the Deployment: ${JSON.stringify(await replicas())}` });
  };

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-remote-'));
  }, 120 * 60_000);
  afterAll(async () => {
    await fx.shutdown();
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('bad input gets a clear message at the Mode step, and the cluster is untouched', async () => {
    const broken = path.join(dir, 'broken-kubeconfig');
    await writeFile(broken, 'apiVersion: v1\nclusters: [\n  - name: x\n');
    const foreign = path.join(dir, 'foreign-kubeconfig');
    const text = await readFile(plane.kubeconfig, 'utf8');
    await writeFile(foreign, text.replace(/https:\/\/127\.0\.0\.1:\d+/, 'https://10.255.255.1:6443').replaceAll(context, 'prod-cluster'));
    const unreachable = path.join(dir, 'unreachable-kubeconfig');
    await writeFile(unreachable, text.replace(/https:\/\/127\.0\.0\.1:\d+/, 'https://127.0.0.1:1'));

    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ kubeconfig: broken }, /is not a kubeconfig the app can read/],
      [{ kubeconfig: path.join(dir, 'nothing-here') }, /There is no kubeconfig at .*nothing-here/],
      [{ context: 'no-such-context' }, /has no context named "no-such-context" \(it has: k8s-e2e-studio-real\)/],
      [{ context: '' }, /never uses the current context silently/],
      [{ kubeconfig: foreign, context: 'prod-cluster' }, /"prod-cluster" is not a local cluster: type its name in the Mode step to confirm/],
      [{ kubeconfig: foreign, context: 'prod-cluster', confirmedContext: 'prod' }, /type its name in the Mode step to confirm/],
      [{ kubeconfig: unreachable }, /does not answer: Nothing accepts connections at 127\.0\.0\.1:1/],
      [{ kubeconfig: foreign, context: 'prod-cluster', confirmedContext: 'prod-cluster' }, /The cluster at https:\/\/10\.255\.255\.1:6443 does not answer: \S/],
    ];
    for (const [index, [remote, message]] of cases.entries()) {
      await open(await freshData(`bad-${index}`, remote));
      const info = await step('mode');
      expect(info.outcome, JSON.stringify(remote)).toBe('failure');
      expect(info.error?.message).toMatch(message);
    }
    await expectOriginal();
  }, 10 * 60_000);

  it('a user without the right to scale is told which right is missing, before anything changes', async () => {
    const dataDir = await freshData('viewer', { kubeconfig: plane.viewerKubeconfig, context: 'studio-viewer' });
    await open(dataDir);
    const mode = await step('mode');
    expect(mode.outcome).toBe('failure');
    expect(mode.error?.message).toMatch(/Forbidden: User "studio-viewer" cannot patch resource "deployments\/scale" in API group "apps" in the namespace "kube-system"/);
    const cluster = await step('cluster');
    expect(cluster.outcome).toBe('failure');
    expect(cluster.diagnoses?.map((d) => d.id)).toContain('remote-rbac-forbidden');
    await expect(access(path.join(dataDir, 'remote', 'swap-journal.json'))).rejects.toThrow();
    await expectOriginal();
  }, 5 * 60_000);

  it('swaps: the pods are bound by the local scheduler alone, the specs run against it, and Teardown gives the cluster back', async () => {
    const dataDir = await freshData('swap');
    await open(dataDir);
    const mode = await step('mode');
    expect(mode.outcome, mode.error?.message).toBe('success');
    expect(mode.result?.kind === 'mode' && mode.result.remote).toMatchObject({ context, scheduler: expect.stringMatching(/^Deployment kube-system\/scheduler, 1 replica/), swappable: true, nodes: { osArch: expect.stringMatching(/^linux\//) } });
    expect((await readFile(path.join(dataDir, 'remote', 'kubeconfig'), 'utf8')).length).toBeGreaterThan(0);
    expect(((await stat(path.join(dataDir, 'remote', 'kubeconfig'))).mode & 0o777).toString(8)).toBe('600');

    const cluster = await step('cluster');
    expect(cluster.outcome, cluster.error?.message).toBe('success');
    expect(await replicas()).toEqual({ spec: 0, ready: 0 });
    expect(plane.scheduler.pid).toBeUndefined();
    const status = await request<RemoteStatus>('remote:status', {});
    expect(status).toMatchObject({ schedulerRunning: true, interrupted: false, journal: { state: 'scheduler-started', originalReplicas: 1 } });

    await createPod('bound-by-ours');
    await waitFor(async () => (await podNode('bound-by-ours')) !== '', 'the pod to be bound', { timeoutMs: 120_000, intervalMs: 250, describe: async () => `pod bound-by-ours: ${await podStatus('bound-by-ours')}` });
    // Its log says so (kube-scheduler -v=2 logs each binding), and no other scheduler was running.
    await waitFor(async () => /Successfully bound pod to node.*bound-by-ours/.test(await schedulerLogOf(fx.engine(), status)), 'the local scheduler to log the binding', { timeoutMs: 60_000, describe: async () => tailOf(await schedulerLogOf(fx.engine(), status)) });
    expect(plane.scheduler.pid).toBeUndefined();

    // The Shell tab talks to the cluster through the private copy too.
    const opened = await request<{ sessionId: string; streamId: string }>('shell:open', { cwd: dir, cols: 200, rows: 40 });
    await request('output:attach', { streamId: opened.streamId });
    await request('shell:write', { sessionId: opened.sessionId, data: 'echo "KUBECONFIG=$KUBECONFIG"\r' });
    const shellText = (): string => client.payloads('output:data').filter((b) => b.streamId === opened.streamId).map((b) => b.data).join('');
    // The journal's own copy of the kubeconfig the swap was made with (a later Mode step cannot change it).
    await waitForText(shellText, `KUBECONFIG=${path.join(dataDir, 'remote', 'swap-kubeconfig')}\r`, 'the shell to show KUBECONFIG', 60_000);
    await request('shell:close', { sessionId: opened.sessionId });

    // The Test step runs against the remote cluster through the private kubeconfig.
    await request('settings:update', { e2eFilters: { focus: focusFor(knownSpecs().passing[0]?.name ?? ''), skip: '', labelFilter: '', failFast: false, nodes: 1, flakeAttempts: 0, timeoutMinutes: 10 } });
    const test = await step('test');
    expect(test.outcome, test.error?.message).toBe('success');
    expect(test.commands.at(-1)?.argv).toContain(`--kubeconfig=${path.join(dataDir, 'remote', 'swap-kubeconfig')}`);

    const teardown = await step('teardown');
    expect(teardown.outcome, teardown.error?.message).toBe('success');
    expect(teardown.result).toMatchObject({ kind: 'teardown', action: 'restored' });
    await expectOriginal();
    expect(await strayScheduler(dataDir)).toEqual([]);
    await createPod('bound-by-theirs');
    await waitFor(async () => (await podNode('bound-by-theirs')) !== '', 'the in-cluster scheduler to bind a pod', { timeoutMs: 120_000, intervalMs: 250, describe: async () => `pod bound-by-theirs: ${await podStatus('bound-by-theirs')}` });
  }, 15 * 60_000);

  it('quitting the app restores the cluster before it exits', async () => {
    const dataDir = await freshData('quit');
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    expect(await replicas()).toEqual({ spec: 0, ready: 0 });
    const said: string[] = [];
    await fx.shutdown((line) => said.push(line));
    expect(said[0]).toBe(`Restoring the scheduler of ${context} before quitting…`);
    await expectOriginal();
    await expect(access(path.join(dataDir, 'remote', 'swap-journal.json'))).rejects.toThrow();
  }, 5 * 60_000);

  it('a local scheduler that dies is reported at once; the Test step will not run until Teardown restores', async () => {
    const dataDir = await freshData('dies');
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    const before = client.payloads('app:notice').length;
    const { stdout } = await execFileAsync('ps', ['-eo', 'pid=,args=']);
    // The kube-scheduler itself, not the supervisor that runs it.
    const pid = Number(stdout.split('\n').find((l) => l.trim().split(/\s+/)[1] === plane.binaries.kubeScheduler && l.includes(`--config=${path.join(dataDir, 'remote')}`))?.trim().split(/\s+/)[0]);
    process.kill(pid, 'SIGKILL');
    const notice = await waitFor(() => client.payloads('app:notice').slice(before).find((n) => n.message.includes('local kube-scheduler died (it was killed by SIGKILL)')), 'a notice that the local kube-scheduler died', { describe: () => noticesSince(before) });
    expect(notice.level).toBe('error');
    await expect(request('steps:run', { stepId: 'test' })).rejects.toThrow(/local kube-scheduler died \(it was killed by SIGKILL\)/);
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal();
  }, 5 * 60_000);

  it('someone scaling the in-cluster scheduler back up while ours runs is reported as two schedulers racing', async () => {
    const dataDir = await freshData('race');
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    const before = client.payloads('app:notice').length;
    await kubectl('-n', schedulerDeployment.namespace, 'scale', `deployment/${schedulerDeployment.name}`, '--replicas=1');
    const notice = await waitFor(() => client.payloads('app:notice').slice(before).find((n) => n.message.startsWith('Pods may be bound by another scheduler')), 'the race to be reported', { timeoutMs: 60_000, describe: () => noticesSince(before) });
    expect(notice.message).toContain('kube-system/scheduler was scaled back to 1 while your kube-scheduler runs');
    expect(diagnose(notice.message, { os: 'linux', arch: 'amd64' }).map((d) => d.id)).toContain('remote-schedulers-racing');
    await expect(request('steps:run', { stepId: 'test' })).rejects.toThrow(/Pods may be bound by another scheduler/);
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal();
  }, 5 * 60_000);

  it(`an engine killed at any point of the swap (${faultPoints.length} points) leaves a journal the next start restores from, every time`, async () => {
    const results: string[] = [];
    for (const point of faultPoints) {
      const dataDir = await freshData(`fault-${point}`);
      await fx.shutdown();
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/real/swap-child.ts'), dataDir], { env: { ...process.env, STUDIO_FAULT_POINT: point }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const signal = await new Promise<string | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      expect(signal, `${point}: ${output}`).toBe('SIGKILL');
      expect(output, point).not.toMatch(/cluster step: success/);
      // The local scheduler does not outlive the app: its supervisor ends it once the app is gone.
      await waitFor(async () => (await strayScheduler(dataDir)).length === 0, `${point}: the local kube-scheduler to end with the app`, { timeoutMs: 30_000, describe: async () => (await strayScheduler(dataDir)).join('\n') });

      await open(dataDir);
      const status = await request<RemoteStatus>('remote:status', {});
      expect(status.interrupted, point).toBe(true);
      expect(status.leftoverScheduler, point).toBeUndefined();
      await expect(request('steps:run', { stepId: 'test' }), point).rejects.toThrow(/not restored yet: run the Teardown step first/);
      const teardown = await step('teardown');
      expect(teardown.outcome, `${point}: ${teardown.error?.message ?? ''}`).toBe('success');
      await expectOriginal();
      expect(await strayScheduler(dataDir), point).toEqual([]);
      await expect(access(path.join(dataDir, 'remote', 'swap-journal.json'))).rejects.toThrow();
      results.push(point);
    }
    console.log(`fault injection: the next start restored the cluster in ${results.length} of ${faultPoints.length} cases (${results.join(', ')})`);
    expect(results).toHaveLength(faultPoints.length);
  }, 30 * 60_000);
});

async function schedulerLogOf(engine: Engine, status: RemoteStatus): Promise<string> {
  return readFile(path.join(engine.logDir, `${status.schedulerStreamId ?? ''}.log`), 'utf8').catch(() => '');
}

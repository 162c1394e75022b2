import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RemoteStatus } from '../../shared/remote/remote-facts.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import type { TestRunSummary } from '../../shared/e2e/test-run.js';
import { waitFor } from '../support/wait-for.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { focusFor } from './e2e-spec-run.js';
import { knownSpecs } from './known-specs.js';
import { schedulerDeployment } from './scheduler-deployment.js';
import { planeContext, remoteEngineFixture } from './remote-engine-fixture.js';

const execFileAsync = promisify(execFile);
const context = planeContext;

/** One line per fault case: how the cluster came out of it. */
const outcomes: Array<{ name: string; restored: boolean; orphans: number }> = [];

/**
 * The fault matrix of the remote swap against the real control plane: every way the app can end
 * (signals to the real browser-mode CLI's process group, kill -9), every order a user can click
 * (changing the target while swapped, a rerun with a rival scheduler), and every way the machine
 * can fail it (the API server unreachable during the restore, a corrupt journal). Each case checks
 * the Deployment's replicas, the scheduler lease, `ps` for a local kube-scheduler, and what the
 * app says.
 */
describe('the cluster is always given back (remote swap fault matrix)', () => {
  let plane: ControlPlane;
  let dir: string;
  const fx = remoteEngineFixture(() => ({ plane, dir }));
  const { client, settingsFor, freshData, open, request, step, kubectl, replicas } = fx;

  const leaseHolder = async (): Promise<string> => JSON.parse(await kubectl('-n', 'kube-system', 'get', 'lease', 'kube-scheduler', '-o', 'json').catch(() => '{}')).spec?.holderIdentity ?? '';
  /** Local kube-schedulers of a data folder: the binary itself, not its supervisor. */
  const localSchedulers = async (dataDir: string): Promise<string[]> => {
    const { stdout } = await execFileAsync('ps', ['-eo', 'pid=,args=']);
    return stdout.split('\n').filter((l) => l.trim().split(/\s+/)[1] === plane.binaries.kubeScheduler && l.includes(`--config=${path.join(dataDir, 'remote')}`));
  };
  const journalGone = async (dataDir: string): Promise<boolean> => access(path.join(dataDir, 'remote', 'swap-journal.json')).then(() => false, () => true);
  /** The cluster as the harness started it: one ready replica, the harness's scheduler running and holding the lease. */
  const expectOriginal = async (what: string): Promise<void> => {
    expect(await replicas(), what).toEqual({ spec: 1, ready: 1 });
    await waitFor(() => plane.scheduler.pid !== undefined, `${what}: the in-cluster scheduler to run again`, { timeoutMs: 60_000 });
    const holder = await waitFor(async () => (await leaseHolder()) || false, `${what}: the in-cluster scheduler to hold the lease`, { timeoutMs: 90_000, intervalMs: 500, describe: async () => `lease: ${await kubectl('-n', 'kube-system', 'get', 'lease', 'kube-scheduler', '-o', 'json').catch((e: Error) => e.message)}` });
    expect(holder, what).not.toBe('');
  };
  const record = async (name: string, dataDir: string): Promise<void> => {
    const orphans = (await localSchedulers(dataDir)).length;
    const restored = (await replicas()).ready === 1 && (await journalGone(dataDir));
    outcomes.push({ name, restored, orphans });
    console.log(`fault case "${name}": ${restored ? 'restored' : 'NOT restored'}, ${orphans} orphan local kube-scheduler${orphans === 1 ? '' : 's'}`);
  };

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-faults-'));
  }, 120 * 60_000);
  afterAll(async () => {
    await fx.shutdown();
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal} to the browser-mode app's process group gives the cluster back before it exits`, async () => {
      const dataDir = await freshData(`signal-${signal}`);
      const app = await startCli(dataDir);
      try {
        const cluster = await app.runStep('cluster');
        expect(cluster.outcome, cluster.error?.message).toBe('success');
        expect(await replicas()).toEqual({ spec: 0, ready: 0 });
        expect(await localSchedulers(dataDir)).toHaveLength(1);
        process.kill(-app.pid, signal);
        const exit = await app.exited;
        expect(exit.code, app.output()).toBe(0);
        expect(app.output()).toContain(`Restoring the scheduler of ${context} before quitting…`);
        expect(app.output()).toContain('runs its own scheduler again');
      } finally {
        app.kill();
      }
      await expectOriginal(signal);
      expect(await localSchedulers(dataDir)).toEqual([]);
      expect(await journalGone(dataDir)).toBe(true);
      await record(signal, dataDir);
    }, 10 * 60_000);
  }

  it('kill -9 of the app: its local kube-scheduler ends with it, the next start says so and restores', async () => {
    const dataDir = await freshData('sigkill');
    const app = await startCli(dataDir);
    const cluster = await app.runStep('cluster');
    expect(cluster.outcome, cluster.error?.message).toBe('success');
    process.kill(-app.pid, 'SIGKILL');
    await app.exited;
    await waitFor(async () => (await localSchedulers(dataDir)).length === 0, 'the local kube-scheduler to end with the app', { timeoutMs: 30_000, intervalMs: 250, describe: async () => (await localSchedulers(dataDir)).join('\n') });
    expect(await replicas()).toEqual({ spec: 0, ready: 0 });

    await open(dataDir);
    const status = await request<RemoteStatus>('remote:status', {});
    expect(status).toMatchObject({ interrupted: true, schedulerRunning: false });
    expect(status.leftoverScheduler).toBeUndefined();
    const notices = await request<{ notices: Array<{ message: string }> }>('app:info', {});
    expect(notices.notices.map((n) => n.message).join('\n')).toContain('no local kube-scheduler of that session runs: the cluster has no scheduler now');
    await expect(request('steps:run', { stepId: 'build' })).rejects.toThrow(/not restored yet: run the Teardown step first/);
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal('SIGKILL');
    // The banner and the notice about the swap are gone with it.
    expect((await request<RemoteStatus>('remote:status', {})).journal).toBeUndefined();
    expect(client.payloads('app:noticeRemoved').length).toBeGreaterThan(0);
    await record('SIGKILL', dataDir);
  }, 10 * 60_000);

  it('while swapped, changing the mode, kubeconfig or context is refused; the Mode step cannot break the restore', async () => {
    const dataDir = await freshData('change-target');
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    const swapKubeconfig = await readFile(path.join(dataDir, 'remote', 'swap-kubeconfig'), 'utf8');
    for (const patch of [{ mode: 'kind' }, { remote: { ...(settingsFor({}).remote as object), context: 'elsewhere' } }, { remote: { ...(settingsFor({}).remote as object), kubeconfig: path.join(dir, 'other-kubeconfig') } }]) {
      await expect(request('settings:update', patch), JSON.stringify(patch)).rejects.toThrow(/Not changed: the scheduler of k8s-e2e-studio-real is swapped out/);
    }
    // A Mode step on the same target rewrites the private copy; the journal's copy stays as it was.
    expect((await step('mode')).outcome).toBe('success');
    expect(await readFile(path.join(dataDir, 'remote', 'swap-kubeconfig'), 'utf8')).toBe(swapKubeconfig);
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal('target change');
    await record('target change while swapped', dataDir);
  }, 10 * 60_000);

  it('an API server that cannot be reached during the restore leaves the cluster with our scheduler, never with none', async () => {
    const proxy = await startProxy(Number(new URL(plane.server).port));
    const viaProxy = path.join(dir, 'via-proxy-kubeconfig');
    await writeFile(viaProxy, (await readFile(plane.kubeconfig, 'utf8')).replace(plane.server, `https://127.0.0.1:${proxy.port}`));
    const dataDir = await freshData('unreachable', { kubeconfig: viaProxy });
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    await proxy.pause();
    const teardown = await step('teardown');
    expect(teardown.outcome).toBe('failure');
    expect(teardown.error?.message).toMatch(/The restore did not finish: .*\nYour local kube-scheduler keeps scheduling for k8s-e2e-studio-real/s);
    // Nothing of ours was stopped: the cluster keeps a scheduler (ours), and the app says so.
    expect(await localSchedulers(dataDir)).toHaveLength(1);
    expect(await replicas()).toEqual({ spec: 0, ready: 0 });
    const status = await request<RemoteStatus>('remote:status', {});
    expect(status).toMatchObject({ schedulerRunning: true, problemKind: 'restore-failed', journal: { state: 'scheduler-started' } });
    expect(status.byHand?.[0]).toContain('scale deployment/scheduler --replicas=1');
    await proxy.resume();
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal('unreachable during restore');
    expect(await localSchedulers(dataDir)).toEqual([]);
    await proxy.close();
    await record('API server unreachable during restore', dataDir);
  }, 10 * 60_000);

  it('a rival scheduler during a run marks the run, and Rerun last focus is refused while it races', async () => {
    const dataDir = await freshData('rival');
    await open(dataDir);
    expect((await step('cluster')).outcome).toBe('success');
    await request('settings:update', { e2eFilters: { focus: focusFor(knownSpecs().passing[0]?.name ?? ''), skip: '', labelFilter: '', failFast: false, nodes: 1, flakeAttempts: 0, timeoutMinutes: 10 } });
    // The rival appears while the specs run.
    await request('steps:run', { stepId: 'test' });
    await kubectl('-n', schedulerDeployment.namespace, 'scale', `deployment/${schedulerDeployment.name}`, '--replicas=1');
    const test = await fx.engine().steps.settled('test');
    expect(test.result?.kind === 'test' && test.result.run.rivalScheduler).toMatch(/scaled back to 1 during the run/);
    const history = await request<TestRunSummary[]>('runs:list', {});
    expect(history[0]?.rivalScheduler).toMatch(/scaled back to 1 during the run/);
    // While it races, neither a rerun nor the Test step starts, whoever asks.
    await expect(request('runs:rerun', {})).rejects.toThrow(/Not rerun: Pods may be bound by another scheduler/);
    await expect(request('steps:run', { stepId: 'test' })).rejects.toThrow(/Pods may be bound by another scheduler/);
    expect(fx.engine().steps.get('build').state).toBe('pending');
    expect((await step('teardown')).outcome).toBe('success');
    await expectOriginal('rival');
    await record('rival during rerun', dataDir);
  }, 15 * 60_000);

  it('a corrupt journal: the app starts, only Teardown runs, the annotation gives the replica count back', async () => {
    const dataDir = await freshData('corrupt-teardown');
    await crashAfterSwap(dataDir);
    const file = path.join(dataDir, 'remote', 'swap-journal.json');
    const text = await readFile(file, 'utf8');
    // Torn right after the Deployment's name: the replica count is lost, the rest can be read.
    await writeFile(file, text.slice(0, text.indexOf('"originalReplicas"')));
    await open(dataDir);
    const status = await request<RemoteStatus>('remote:status', {});
    expect(status.corrupt).toMatchObject({ context, deployment: 'kube-system/scheduler' });
    expect(status.corrupt?.originalReplicas).toBeUndefined();
    await expect(request('steps:run', { stepId: 'cluster' })).rejects.toThrow(/cannot be read .*Only Teardown can run/s);
    const teardown = await step('teardown');
    expect(teardown.outcome, teardown.error?.message).toBe('success');
    await expectOriginal('corrupt journal, Teardown');
    expect(await journalGone(dataDir)).toBe(true);
    await record('corrupt journal (Teardown)', dataDir);
  }, 10 * 60_000);

  it('a corrupt journal: the commands the app gives to finish by hand work when pasted into a shell', async () => {
    const dataDir = await freshData('corrupt-by-hand');
    await crashAfterSwap(dataDir);
    const file = path.join(dataDir, 'remote', 'swap-journal.json');
    const text = await readFile(file, 'utf8');
    // Torn inside the scheduler's part: the cluster, the Deployment and its replica count can still be read.
    await writeFile(file, `${text.slice(0, text.indexOf('"scheduler": {'))}\u0000`);
    await open(dataDir);
    const status = await request<RemoteStatus>('remote:status', {});
    expect(status.byHand?.length).toBeGreaterThan(2);
    // The app is left as a crash leaves it: quitting would restore by itself (which is the point of
    // quitting), and here the user finishes by hand instead.
    fx.abandon();
    for (const line of status.byHand ?? []) {
      // Exactly what a user does with them: paste each line into a shell.
      // eslint-disable-next-line studio/no-shell-command
      await execFileAsync('bash', ['-c', line], { env: { ...process.env, PATH: `${path.dirname(plane.binaries.kubectl)}${path.delimiter}${process.env.PATH ?? ''}` } });
    }
    await expectOriginal('corrupt journal, by hand');
    expect(await journalGone(dataDir)).toBe(true);
    await open(dataDir);
    expect((await request<RemoteStatus>('remote:status', {})).corrupt).toBeUndefined();
    await record('corrupt journal (by hand)', dataDir);
  }, 10 * 60_000);

  it('prints the matrix', () => {
    const restored = outcomes.filter((o) => o.restored).length;
    const orphans = outcomes.reduce((sum, o) => sum + o.orphans, 0);
    console.log(`${outcomes.length} fault cases, ${restored} restored, ${orphans} orphans`);
    expect(outcomes.length).toBe(9);
    expect(restored).toBe(outcomes.length);
    expect(orphans).toBe(0);
  });

  /** A swap completed by an engine in a process of its own, which then dies by SIGKILL (as a crash would). */
  async function crashAfterSwap(dataDir: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/real/swap-child.ts'), dataDir], { env: { ...process.env, STUDIO_FAULT_POINT: 'swapped' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<string | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal, output).toBe('SIGKILL');
    expect(await replicas()).toEqual({ spec: 0, ready: 0 });
  }

  /** The real browser-mode CLI (electron/web/cli.ts) in a process group of its own, driven over its WebSocket. */
  async function startCli(dataDir: string): Promise<{ pid: number; runStep(stepId: string): Promise<StepInfo>; output(): string; exited: Promise<{ code: number | null; signal: string | null }>; kill(): void }> {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/web/cli.ts'), '--web', '--port', '0', '--data-dir', dataDir], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const url = new URL(await waitFor(() => /Open: (\S+)/.exec(output)?.[1], 'the app to print its URL', { timeoutMs: 120_000, describe: () => output }));
    const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, { headers: { origin: `http://${url.host}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const steps: StepInfo[] = [];
    const replies = new Map<number, (envelope: { ok: boolean; result?: unknown; error?: { message: string } }) => void>();
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.kind === 'reply') replies.get(frame.id)?.(frame.envelope);
      if (frame.kind === 'event' && frame.event === 'steps:updated') steps.push(frame.payload);
    });
    let id = 0;
    const ask = (channel: string, input: unknown): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const mine = ++id;
        replies.set(mine, (envelope) => (envelope.ok ? resolve(envelope.result) : reject(new Error(envelope.error?.message))));
        ws.send(JSON.stringify({ id: mine, channel, input }));
      });
    return {
      pid: child.pid ?? -1,
      output: () => output,
      exited,
      runStep: async (stepId) => {
        const started = (await ask('steps:run', { stepId })) as StepInfo;
        return waitFor(() => steps.find((s) => s.id === stepId && s.streamId === started.streamId && s.state === 'done'), `the ${stepId} step to finish`, { timeoutMs: 300_000, describe: () => output.slice(-2000) });
      },
      kill: () => {
        ws.terminate();
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
  }
});

/** A TCP proxy to the API server that the test can cut (refusing connections) and restore, on the same port. */
async function startProxy(target: number): Promise<{ port: number; pause(): Promise<void>; resume(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const make = (): net.Server =>
    net.createServer((inbound) => {
      const outbound = net.connect(target, '127.0.0.1');
      for (const socket of [inbound, outbound]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      inbound.pipe(outbound).pipe(inbound);
    });
  let server = make();
  const listen = (port: number): Promise<number> =>
    new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const port = await listen(0);
  const stop = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    pause: stop,
    resume: async () => {
      server = make();
      await listen(port);
    },
    close: stop,
  };
}

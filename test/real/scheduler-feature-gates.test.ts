import { execFile } from 'node:child_process';
import type { StepId } from '../../shared/steps/step-id.js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { Engine } from '../../electron/engine/engine.js';
import { freePort } from '../../electron/engine/net/free-port.js';
import { localSchedulerArgv } from '../../shared/remote/local-scheduler-argv.js';
import { schedulerConfig } from '../../shared/remote/scheduler-config.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { RecordingClient } from '../support/recording-client.js';
import { waitFor } from '../support/wait-for.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { schedulerDeployment } from './scheduler-deployment.js';

/** GET https://127.0.0.1:<port>/healthz of a kube-scheduler (self-signed): its body when 200, else undefined. */
function healthz(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? body.trim() : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.end();
  });
}

/**
 * The real kube-scheduler (v1.35.4, built by the harness) started the way the app starts its local
 * scheduler: localSchedulerArgv with the generated KubeSchedulerConfiguration. Feature gates go on
 * the command line; the old way, a featureGates field in the config, is shown to kill it at start
 * (k8s.io/kube-scheduler v0.35.4 config/v1/types.go has no such field, and the file is decoded strictly).
 */
describe('kube-scheduler feature gates, against the real binary', () => {
  let plane: ControlPlane;
  let dir: string;
  const running: ResultPromise[] = [];

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-gates-'));
  }, 120 * 60_000);
  afterAll(async () => {
    for (const child of running) {
      child.kill('SIGTERM');
      await child.catch(() => undefined);
    }
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Starts kube-scheduler with this config text and argv options; resolves when /healthz says ok or it exits. */
  const start = async (name: string, configText: string, featureGates?: Record<string, boolean>): Promise<{ outcome: 'healthy' | 'exited'; output: () => string; argv: string[] }> => {
    const config = path.join(dir, `${name}.yaml`);
    await writeFile(config, configText);
    const port = await freePort();
    const argv = localSchedulerArgv({ binary: plane.binaries.kubeScheduler, config, kubeconfig: plane.kubeconfig, port, featureGates });
    const child = execa(argv[0] ?? '', argv.slice(1), { all: true, reject: false });
    running.push(child);
    let output = '';
    child.all?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited = false;
    void child.then(() => (exited = true));
    const outcome = await waitFor(async () => (exited ? 'exited' : (await healthz(port)) === 'ok' ? 'healthy' : undefined), `kube-scheduler (${name}) to answer /healthz ok or exit`, {
      timeoutMs: 120_000,
      intervalMs: 250,
      describe: () => output.split('\n').slice(-20).join('\n'),
    });
    return { outcome, output: () => output, argv };
  };

  it('starts with gates on its command line and the generated config, and answers /healthz ok', async () => {
    const gates = { SchedulerPopFromBackoffQ: false, SchedulerAsyncPreemption: false };
    const started = await start('gates-on-argv', schedulerConfig({ kubeconfig: plane.kubeconfig }), gates);
    expect(started.argv).toContain('--feature-gates=SchedulerAsyncPreemption=false,SchedulerPopFromBackoffQ=false');
    expect(started.outcome, started.output()).toBe('healthy');
    // kube-scheduler logs every flag it parsed (component-base v0.35.4 cli/flag/flags.go PrintFlags;
    // the flag's value prints each gate as "component:name=value", the component empty here).
    expect(started.output()).toMatch(/FLAG: --feature-gates=":SchedulerAsyncPreemption=false,:SchedulerPopFromBackoffQ=false"/);
  }, 5 * 60_000);

  it('reads the gates it is given: an unknown one stops it at start, so the flag is really read', async () => {
    const started = await start('unknown-gate', schedulerConfig({ kubeconfig: plane.kubeconfig }), { NoSuchGateInKubernetes: true });
    expect(started.outcome).toBe('exited');
    expect(started.output()).toContain('unrecognized feature gate: NoSuchGateInKubernetes');
  }, 5 * 60_000);

  it('refuses the old form, featureGates in the config file, with its strict decoding error', async () => {
    // What the app wrote before: the generated configuration with the gates merged in as a field.
    const old = { ...(parse(schedulerConfig({ kubeconfig: plane.kubeconfig })) as Record<string, unknown>), featureGates: { SchedulerPopFromBackoffQ: false } };
    const started = await start('gates-in-config', stringify(old));
    expect(started.outcome).toBe('exited');
    // klog quotes the error, so its inner quotes come escaped: err="strict decoding error: unknown field \"featureGates\"".
    expect(started.output()).toMatch(/strict decoding error: unknown field \\?"featureGates\\?"/);
  }, 5 * 60_000);

  describe('through the app: remote mode swaps in the local kube-scheduler with the gates from the settings', () => {
    let engine: Engine | undefined;
    const client = new RecordingClient();
    const open = async (name: string, remote: Record<string, unknown>): Promise<void> => {
      const dataDir = path.join(dir, name);
      await mkdir(dataDir, { recursive: true });
      const settings = { mode: 'remote', remote: { kubeconfig: plane.kubeconfig, context: 'k8s-e2e-studio-real', ...remote }, toolPaths: { kubectl: plane.binaries.kubectl, 'kube-scheduler': plane.binaries.kubeScheduler, 'e2e-test': plane.binaries.e2eTest } };
      await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
      await engine?.shutdown();
      engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, shellEnv: { HOME: dir } });
    };
    const step = async (stepId: StepId): Promise<StepInfo> => {
      const reply = await engine!.connect(client).request('steps:run', { stepId });
      if (!reply.ok) throw new Error(reply.error.message);
      return engine!.steps.settled(stepId);
    };
    const replicas = async (): Promise<number> => JSON.parse((await promisify(execFile)(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, '-n', schedulerDeployment.namespace, 'get', `deployment/${schedulerDeployment.name}`, '-o', 'json'])).stdout).spec.replicas;
    afterAll(async () => {
      await engine?.shutdown();
    });

    it('passes the gates as --feature-gates, the scheduler answers /healthz, and Teardown gives the cluster back', async () => {
      await open('app-gates', { featureGates: { SchedulerPopFromBackoffQ: false, SchedulerAsyncPreemption: false } });
      expect((await step('mode')).outcome).toBe('success');
      const cluster = await step('cluster');
      expect(cluster.outcome, cluster.error?.message).toBe('success');
      // The step waited for /healthz before it said success; the process runs with the gates on its command line.
      const { stdout } = await promisify(execFile)('ps', ['-eo', 'args=']);
      const ours = stdout.split('\n').filter((line) => line.includes(plane.binaries.kubeScheduler) && line.includes(path.join(dir, 'app-gates')));
      expect(ours.some((line) => line.includes(' --feature-gates=SchedulerAsyncPreemption=false,SchedulerPopFromBackoffQ=false '))).toBe(true);
      const teardown = await step('teardown');
      expect(teardown.outcome, teardown.error?.message).toBe('success');
      expect(await replicas()).toBe(1);
    }, 5 * 60_000);

    it('refuses featureGates in the extra YAML before anything changes, pointing at the Feature gates field', async () => {
      await open('yaml-gates', { schedulerConfigExtra: 'featureGates:\n  SchedulerPopFromBackoffQ: false\n' });
      expect((await step('mode')).outcome).toBe('success');
      const cluster = await step('cluster');
      expect(cluster.outcome).toBe('failure');
      expect(cluster.error?.message).toMatch(/featureGates is not part of the scheduler configuration.*Feature gates field/);
      expect(await replicas()).toBe(1);
    }, 5 * 60_000);
  });
});

import { execFile } from 'node:child_process';
import type { StepId } from '../../shared/steps/step-id.js';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { parseJUnit } from '../../shared/e2e/parse-junit.js';
import type { TestRun, TestRunSummary } from '../../shared/e2e/test-run.js';
import type { RerunState } from '../../shared/ipc/run-channels.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { RecordingClient } from '../support/recording-client.js';
import { waitFor } from '../support/wait-for.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { focusFor } from './e2e-spec-run.js';
import { knownSpecs } from './known-specs.js';
import { kindOnPlane, useEnv } from './kind-on-plane.js';
import { pinnedRelease } from './pinned-release.js';
import { ginkgoCli } from '../support/ginkgo-cli.js';

const execFileAsync = promisify(execFile);

/**
 * The Test step with the real e2e.test against the real control plane: the stand-in kind hands out
 * the control plane's kubeconfig as the kind cluster's, so Build, Cluster and Test run as in kind
 * mode, and e2e.test talks to a real API server, scheduler and controllers.
 */
describe('running e2e specs from the Test step', () => {
  let plane: ControlPlane;
  let dir: string;
  let dataDir: string;
  let checkout: string;
  let engine: Engine;
  const client = new RecordingClient();
  let restoreEnv: (() => void) | undefined;

  const known = knownSpecs();
  const passing = known.passing.slice(0, 2).map((s) => s.name);
  const failing = known.failing[0]?.name ?? '';
  const focus = [...passing, failing].map(focusFor).join('|');

  const start = async (): Promise<Engine> => {
    const started = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true });
    return started;
  };
  const request = async <T>(channel: string, input: unknown): Promise<T> => {
    const reply = await engine.connect(client).request(channel, input);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as T;
  };
  const step = async (stepId: StepId): Promise<StepInfo> => {
    await request('steps:run', { stepId });
    return engine.steps.settled(stepId);
  };
  const makeCommands = (info: StepInfo): string[] => info.commands.filter((c) => c.argv[0] === 'make').map((c) => c.argv.join(' '));
  const rerunEnded = async (after: number): Promise<RerunState> =>
    waitFor(() => client.payloads('runs:rerun').slice(after).find((s) => s.state !== 'running'), 'the rerun to end', {
      timeoutMs: 10 * 60_000,
      describe: () => `rerun states: ${JSON.stringify(client.payloads('runs:rerun').slice(after))}; steps: ${(['build', 'cluster', 'test'] as const).map((id) => `${id} ${engine.steps.get(id).state}`).join(', ')}`,
    });

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-test-step-'));
    checkout = await createMiniKubernetes(path.join(dir, 'kubernetes'));
    const kind = kindOnPlane(plane, dir);
    restoreEnv = useEnv(kind.env);
    dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    const toolPaths = { ...kind.toolPaths, 'e2e-test': plane.binaries.e2eTest };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ sourceDir: checkout, mode: 'kind', keepCluster: true, toolPaths, e2eFilters: { focus } }));
    engine = await start();
    for (const id of ['build', 'cluster'] as const) {
      const info = await step(id);
      expect(info.outcome, `${id}: ${info.error?.message ?? ''}`).toBe('success');
    }
  }, 120 * 60_000);
  afterAll(async () => {
    restoreEnv?.();
    await engine?.shutdown();
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let first: TestRun;

  it('previews the focus, runs it, and the results match: the passing specs pass, the known failure fails with its message', async () => {
    const preview = await request<{ preview?: { matched: Array<{ name: string }> } }>('tests:preview', { focus, skip: '', labelFilter: '' });
    expect(preview.preview?.matched.map((s) => s.name).sort()).toEqual([...passing, failing].sort());

    const info = await step('test');
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toBe('1 of 3 specs failed.');
    const argv = info.commands.at(-1)?.argv ?? [];
    expect(argv[0]).toBe(plane.binaries.e2eTest);
    expect(argv).toEqual(expect.arrayContaining(['--provider=skeleton', `--ginkgo.focus=${focus}`, '--num-nodes=3', '--report-prefix=studio']));
    // The arch alone (test/e2e/framework/util.go NodeOSArchIs), the kubectl beside the e2e.test set in settings, no log dump.
    expect(argv.find((a) => a.startsWith('--node-os-arch='))).toMatch(/^--node-os-arch=(amd64|arm64)$/);
    expect(argv).toEqual(expect.arrayContaining([`--kubectl-path=${path.join(path.dirname(plane.binaries.e2eTest), 'kubectl')}`, '--disable-log-dump=true']));
    // The context is the current context of the kubeconfig the Cluster step left.
    const cluster = engine.steps.get('cluster').result;
    expect(argv).toContain(`--context=${cluster?.kind === 'cluster' ? cluster.cluster.context : '?'}`);

    const summary = info.result?.kind === 'test' ? info.result.run : undefined;
    expect(summary?.counts).toEqual({ ran: 3, passed: 2, failed: 1, skipped: expect.any(Number) });
    expect(summary?.counts.skipped).toBeGreaterThan(5000);
    // The counts the run reports agree with the preview: the same three specs.
    first = await request<TestRun>('runs:get', { id: summary?.id });
    // The folder of the built binaries first on the run's PATH, as kind's hack/ci/e2e-k8s.sh does with _output/bin.
    expect(first.commands[0]?.env.PATH?.split(path.delimiter)[0]).toBe(path.dirname(plane.binaries.e2eTest));
    const ran = first.specs.filter((s) => s.name.startsWith('[It] ') && s.state !== 'skipped');
    expect(ran.map((s) => s.name.slice(5)).sort()).toEqual([...passing, failing].sort());
    const failed = ran.find((s) => s.state === 'failed');
    expect(failed?.name).toBe(`[It] ${failing}`);
    expect(failed?.failureDetail).toMatch(/websocket/i);
    expect(failed?.location).toMatch(/test\/e2e\/common\/node\/pods\.go:\d+$/);
    expect(first.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(first.fingerprints).sort()).toEqual(['node-image', 'test-binaries']);

    // The last progress seen counted every spec.
    const progress = client.payloads('steps:updated').filter((s) => s.id === 'test' && s.progress).at(-1)?.progress;
    expect(progress).toMatchObject({ done: 3, total: 3, passed: 2, failed: 1 });
  }, 10 * 60_000);

  it('shows the failed spec where it is in the log', async () => {
    const excerpt = await request<{ line?: number; lines: string[] }>('runs:logExcerpt', { id: first.id, spec: `[It] ${failing}` });
    expect(excerpt.line).toBeGreaterThan(0);
    expect(excerpt.lines[0]).toContain(failing);
    expect(excerpt.lines.some((l) => l.startsWith('• [FAILED]'))).toBe(true);
  });

  it('exports a script that repeats the run outside the app, with the same result', async () => {
    const { script } = await request<{ script: string }>('runs:script', { id: first.id });
    const file = path.join(dir, 'repeat.sh');
    await writeFile(file, script, { mode: 0o700 });
    // The script writes its report where the run did (the same argv), so the run's report goes first.
    const reportDir = path.dirname(first.reportPath ?? '');
    await rm(first.reportPath ?? '', { force: true });
    const outcome = await execFileAsync('bash', [file], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(() => 0, (error: { code?: number }) => error.code ?? -1);
    expect(outcome).toBe(1);
    const report = (await readdir(reportDir)).find((n) => n.endsWith('.xml')) ?? '';
    const again = parseJUnit(await readFile(path.join(reportDir, report), 'utf8'));
    expect(again.specs.filter((s) => s.name.startsWith('[It] ') && s.state !== 'skipped').map((s) => `${s.name} ${s.state}`).sort()).toEqual(
      first.specs.filter((s) => s.name.startsWith('[It] ') && s.state !== 'skipped').map((s) => `${s.name} ${s.state}`).sort(),
    );
  }, 10 * 60_000);

  it('reruns after a restart of the app with no change: not one build command, the same filters', async () => {
    await engine.shutdown();
    engine = await start();
    const latest = (await request<TestRunSummary[]>('runs:list', {}))[0];
    expect(latest?.id).toBe(first.id);
    const before = client.payloads('runs:rerun').length;
    await request('runs:rerun', {});
    expect((await rerunEnded(before)).state).toBe('failed');
    expect(makeCommands(engine.steps.get('build'))).toEqual([]);
    expect(engine.steps.get('cluster').commands.some((c) => c.argv.includes('create'))).toBe(false);
    const test = engine.steps.get('test');
    expect(test.commands.at(-1)?.argv).toContain(`--ginkgo.focus=${focus}`);
    expect(test.result?.kind === 'test' && test.result.run.counts).toMatchObject({ ran: 3, passed: 2, failed: 1 });
  }, 15 * 60_000);

  it('reruns after a scheduler change: only kube-scheduler is built, and swapped in before the specs run', async () => {
    const file = path.join(checkout, 'pkg/scheduler/scheduler.go');
    await writeFile(file, `${await readFile(file, 'utf8')}\n// touched by the rerun test\n`);
    const before = client.payloads('runs:rerun').length;
    await request('runs:rerun', {});
    await rerunEnded(before);
    const made = makeCommands(engine.steps.get('build'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^make all WHAT=cmd\/kube-scheduler KUBE_BUILD_PLATFORMS=linux\//);
    const cluster = engine.steps.get('cluster');
    expect(cluster.result?.kind === 'cluster' && cluster.result.cluster.schedulerSwapped).toBe(true);
    const runs = await request<TestRunSummary[]>('runs:list', {});
    expect(runs[0]?.fingerprints['scheduler-hot-swap']).toBeDefined();
    expect(runs[0]?.counts).toMatchObject({ ran: 3, passed: 2 });

    const comparison = await request<{ comparison: { newlyFailing: string[]; stillFailing: string[] } }>('runs:compare', { before: first.id, after: runs[0]?.id });
    expect(comparison.comparison.newlyFailing).toEqual([]);
    expect(comparison.comparison.stillFailing).toEqual([`[It] ${failing}`]);
  }, 15 * 60_000);

  it('runs specs in parallel through the ginkgo CLI, with one merged report', async () => {
    const ginkgo = await ginkgoCli(pinnedRelease.kubernetes);
    const settings = await request<{ e2eFilters: object; toolPaths: Record<string, string> }>('settings:get', {});
    await request('settings:update', { toolPaths: { ...settings.toolPaths, ginkgo }, e2eFilters: { ...settings.e2eFilters, focus: passing.map(focusFor).join('|'), nodes: 2 } });
    const info = await step('test');
    expect(info.outcome, info.error?.message).toBe('success');
    const argv = info.commands.at(-1)?.argv ?? [];
    expect(argv.slice(0, 3)).toEqual([ginkgo, '--nodes=2', '-v']);
    expect(argv.slice(4, 6)).toEqual([plane.binaries.e2eTest, '--']);
    // The CLI's -v makes it print each passed spec, so the parallel run's progress counted both.
    const progress = client.payloads('steps:updated').filter((s) => s.id === 'test' && s.progress).at(-1)?.progress;
    expect(progress).toMatchObject({ done: 2, total: 2, passed: 2, failed: 0 });
    expect(info.result?.kind === 'test' && info.result.run.counts).toMatchObject({ ran: 2, passed: 2, failed: 0 });
    await request('settings:update', { e2eFilters: { ...settings.e2eFilters, nodes: 1 } });
  }, 10 * 60_000);

  it('cancels a run mid-way: ginkgo gets SIGINT, nothing is left running, the run is kept as cancelled', async () => {
    const slow = known.passing.find((s) => s.name.includes('RollingUpdateDeployment'))?.name ?? '';
    const { e2eFilters } = await request<{ e2eFilters: object }>('settings:get', {});
    await request('settings:update', { e2eFilters: { ...e2eFilters, focus: `${focusFor(slow)}|${focusFor(passing[0] ?? '')}` } });
    await request('steps:run', { stepId: 'test' });
    const started = await waitFor(() => {
      const info = engine.steps.get('test');
      return info.state === 'done' ? `the step ended first: ${info.error?.message ?? info.outcome ?? ''}` : info.progress?.current && 'started';
    }, 'a spec to start', { timeoutMs: 5 * 60_000, describe: () => JSON.stringify({ state: engine.steps.get('test').state, progress: engine.steps.get('test').progress }) });
    expect(started).toBe('started');
    await request('steps:cancel', { stepId: 'test' });
    const info = await engine.steps.settled('test');
    expect(info.outcome).toBe('cancelled');
    expect(info.commands.at(-1)?.endedAt).toBeDefined();
    const { stdout } = await execFileAsync('ps', ['-eo', 'args']);
    expect(stdout.split('\n').filter((l) => l.includes(plane.binaries.e2eTest) && l.includes('--report-prefix=studio'))).toEqual([]);
    const runs = await request<TestRunSummary[]>('runs:list', {});
    expect(runs[0]?.outcome).toBe('cancelled');
  }, 10 * 60_000);
});

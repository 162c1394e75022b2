import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { Engine } from '../../electron/engine/engine.js';
import type { RerunState } from '../../shared/ipc/run-channels.js';
import { startControlPlane } from '../real/control-plane.js';
import { kindOnPlane } from '../real/kind-on-plane.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { RecordingClient } from '../support/recording-client.js';
import { waitFor } from '../support/wait-for.js';
import { benchPaths } from './bench-paths.js';
import { median } from './stats.js';

export interface RerunBenchResult {
  /** Rerun request to the e2e.test process's first instruction, with nothing to rebuild. */
  rerunMs: number[];
  /** Baseline: starting the same program straight from Node (spawn to its first instruction). */
  spawnMs: number[];
  /** The Build step's own time within each rerun: the no-op build check. */
  buildCheckMs: number[];
  /** make commands run by the reruns' Build steps (must be 0). */
  makeCommands: number;
  /** Where a rerun's time goes: each step's time, and each command it ran, per rerun. */
  parts: Map<string, number[]>;
}

export interface RerunBenchOptions {
  /** A Kubernetes checkout to rerun on (the real-shaped tree); by default a mini tree made for the run. */
  checkout?: string;
}

const recorder = path.join(path.dirname(benchPaths.floodChild), 'e2e-start-recorder.mjs');

/**
 * A rerun with nothing changed, the way the app does it: Build (fingerprints only), Cluster (reuse:
 * kind get clusters, docker inspect, the API server's /readyz), Test (the nodes, then e2e.test).
 * The cluster is the real control plane behind the stand-in kind; e2e.test is a recorder that notes
 * when it started.
 */
export async function runRerunBench(repeats: number, log: (line: string) => void, options: RerunBenchOptions = {}): Promise<RerunBenchResult> {
  const plane = await startControlPlane();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-rerun-'));
  const starts = path.join(dir, 'e2e-starts');
  const saved = { ...process.env };
  const client = new RecordingClient();
  let engine: Engine | undefined;
  try {
    const checkout = options.checkout ?? (await createMiniKubernetes(path.join(dir, 'kubernetes')));
    const kind = kindOnPlane(plane, dir);
    Object.assign(process.env, { ...kind.env, STUDIO_BENCH_E2E_STARTS: starts });
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    const toolPaths = { ...kind.toolPaths, 'e2e-test': recorder };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ sourceDir: checkout, mode: 'kind', keepCluster: true, toolPaths, e2eFilters: { focus: 'NodeSelector' } }));
    engine = await Engine.start({ dataDir, shell: 'browser', version: 'bench', skipLoginShell: true });
    const session = engine.connect(client);
    log(`   setting up: build, cluster and a first test run${options.checkout ? ' (the first build of a real tree relinks its binaries: minutes)' : ''}…`);
    for (const stepId of ['build', 'cluster', 'test'] as const) {
      await session.request('steps:run', { stepId });
      const info = await engine.steps.settled(stepId);
      if (info.outcome !== 'success') throw new Error(`${stepId} failed: ${info.error?.message ?? info.outcome}`);
    }
    const rerunMs: number[] = [];
    const buildCheckMs: number[] = [];
    const parts = new Map<string, number[]>();
    let makeCommands = 0;
    for (let i = 0; i < repeats; i += 1) {
      await rm(starts, { force: true });
      const seen = client.payloads('runs:rerun').length;
      const clicked = Date.now();
      const reply = await session.request('runs:rerun', {});
      if (!reply.ok) throw new Error(reply.error.message);
      const ended = await waitFor<RerunState>(() => client.payloads('runs:rerun').slice(seen).find((s) => s.state !== 'running'), 'the rerun to end', 120_000);
      if (ended.state !== 'succeeded') throw new Error(`the rerun ${ended.state} at ${ended.stepId ?? '?'}: ${ended.message ?? ''}`);
      const build = engine.steps.get('build');
      makeCommands += build.commands.filter((c) => c.argv[0] === 'make').length;
      for (const stepId of ['build', 'cluster', 'test'] as const) {
        const info = engine.steps.get(stepId);
        if (info.startedAt !== undefined && info.endedAt !== undefined) addPart(parts, `${stepId} step`, info.endedAt - info.startedAt);
        for (const command of info.commands) {
          if (command.endedAt !== undefined) addPart(parts, `  ${stepId}: ${path.basename(command.argv[0] ?? '')} ${command.argv.slice(1).find((arg) => !arg.startsWith('-') && !arg.includes('/')) ?? ''}`.trimEnd(), command.endedAt - command.startedAt);
        }
      }
      if (build.startedAt !== undefined && build.endedAt !== undefined) buildCheckMs.push(build.endedAt - build.startedAt);
      rerunMs.push(Number((await readFile(starts, 'utf8')).trim()) - clicked);
    }
    const spawnMs: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      await rm(starts, { force: true });
      const spawned = Date.now();
      await execa(recorder, [], { env: { STUDIO_BENCH_E2E_STARTS: starts } });
      spawnMs.push(Number((await readFile(starts, 'utf8')).trim()) - spawned);
    }
    log(`   rerun to e2e.test start, median ${median(rerunMs).toFixed(0)} ms; spawn alone, median ${median(spawnMs).toFixed(0)} ms`);
    return { rerunMs, spawnMs, buildCheckMs, makeCommands, parts };
  } finally {
    await engine?.shutdown();
    process.env = saved;
    await plane.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function addPart(parts: Map<string, number[]>, name: string, ms: number): void {
  parts.set(name, [...(parts.get(name) ?? []), ms]);
}

/** The app's limit for a rerun with nothing changed: at most twice a bare spawn plus the no-op build check. */
export const rerunTargetRatio = 2;

export function formatRerunBench(rerun: RerunBenchResult): string[] {
  const ours = median(rerun.rerunMs);
  const spawn = median(rerun.spawnMs);
  const check = median(rerun.buildCheckMs);
  const ratio = ours / Math.max(spawn + check, 1);
  return [
    `   rerun request → e2e.test start [ours]      ${ours.toFixed(0).padStart(7)} ms  (min ${Math.min(...rerun.rerunMs)}, max ${Math.max(...rerun.rerunMs)}; make commands run by the reruns: ${rerun.makeCommands})`,
    `   spawning e2e.test directly                 ${spawn.toFixed(0).padStart(7)} ms  [baseline]`,
    `   the rerun's no-op Build step               ${check.toFixed(0).padStart(7)} ms`,
    `   ours / baseline                            ${(ours / Math.max(spawn, 1)).toFixed(1).padStart(7)}x`,
    `   ours / (baseline + no-op Build step)       ${ratio.toFixed(2).padStart(7)}x  (target ≤ ${rerunTargetRatio}x: ${ratio <= rerunTargetRatio ? 'met' : 'NOT met'})`,
    '   where a rerun goes (medians; the test step ends after e2e.test does):',
    ...[...rerun.parts].map(([name, ms]) => `     ${name.padEnd(38)} ${median(ms).toFixed(0).padStart(6)} ms`),
  ];
}

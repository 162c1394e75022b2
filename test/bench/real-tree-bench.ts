import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { realTreeRelease } from './real-kubernetes-tree.js';
import { builtArtefacts, openRealTreeEngine } from './real-tree-engine.js';
import { runAsScript } from './run-as-script.js';
import { median } from './stats.js';

export interface RealTreeBenchResult {
  checkout: string;
  /** The Build step (remote mode: kube-scheduler, then kubectl/e2e.test/ginkgo) with nothing changed, request to settled. */
  noopMs: number[];
  /** Baseline: `make all WHAT=cmd/kube-scheduler` on the same up-to-date tree, as the app runs it. */
  makeMs: number[];
  /** make commands the no-op Build steps ran (must be 0). */
  makeCommands: number;
  /** What the one-time set-up did (tree laid out, first builds), for the output. */
  setup: string[];
}

/** The app's limits for a no-op check: ≤ 1 s, and ≤ 0.1× letting make (Go's own cache) decide. */
export const noopTargetMs = 1_000;
export const noopTargetRatio = 0.1;

const buildMakes = (info: StepInfo): number => info.commands.filter((c) => c.argv[0] === 'make').length;

/**
 * The Build step with nothing changed on a real-shaped Kubernetes v1.35.4 checkout, through the
 * app's own engine in remote mode, against `make all WHAT=cmd/kube-scheduler` on the same tree.
 * The tree and its first (cold) builds are made once and cached under
 * ~/.cache/k8s-e2e-studio-test/real-tree/: a cold kube-scheduler alone takes about 12 minutes on 2
 * cores, the test binaries longer. The engine's data folder is cached with it, so the builds it
 * recorded are what later runs check against.
 */
export async function runRealTreeBench(repeats: number, log: (line: string) => void): Promise<RealTreeBenchResult> {
  const setup: string[] = [];
  const tree = await openRealTreeEngine(log);
  const { checkout, build } = tree;
  setup.push(tree.made ? `laid out ${checkout}` : `reused ${checkout}`);
  const noopMs: number[] = [];
  let makeCommands = 0;
  try {
    log('   first Build step: builds whatever is not built yet (cached after; cold, kube-scheduler alone takes ~12 min on 2 cores)…');
    const first = await build();
    const built = builtArtefacts(first.info);
    setup.push(built.length > 0 ? `built ${built.join(', ')} in ${(first.ms / 60_000).toFixed(1)} min (once; cached with the tree)` : 'every artefact was already built (cached)');
    for (let i = 0; i < repeats; i += 1) {
      const { info, ms } = await build();
      makeCommands += buildMakes(info);
      noopMs.push(ms);
      log(`   no-op Build step ${i + 1}/${repeats}: ${ms.toFixed(0)} ms`);
    }
  } finally {
    await tree.shutdown();
  }
  // The make the app runs for kube-scheduler, with the toolchain .go-version asks for, as the Build
  // step sets it when the local go is another version (shared/source/toolchain-plan.ts).
  const goVersion = (await readFile(path.join(checkout, '.go-version'), 'utf8')).trim();
  const env = { ...process.env, GOTOOLCHAIN: `go${goVersion}` };
  const makeMs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    await execa('make', ['all', 'WHAT=cmd/kube-scheduler'], { cwd: checkout, env });
    makeMs.push(performance.now() - started);
    log(`   make all WHAT=cmd/kube-scheduler ${i + 1}/${repeats}: ${makeMs[i]?.toFixed(0)} ms`);
  }
  return { checkout, noopMs, makeMs, makeCommands, setup };
}

export function formatRealTreeBench(result: RealTreeBenchResult): string[] {
  const ours = median(result.noopMs);
  const make = median(result.makeMs);
  const ratio = ours / make;
  const met = ours <= noopTargetMs && ratio <= noopTargetRatio ? 'met' : 'NOT met';
  return [
    `6. Build step with nothing changed, real-shaped kubernetes ${realTreeRelease.kubernetes} tree (${result.noopMs.length} runs each, medians)`,
    ...result.setup.map((line) => `   set-up: ${line}`),
    `   no-op Build step, remote mode [ours]          ${ours.toFixed(0).padStart(7)} ms  (min ${Math.min(...result.noopMs).toFixed(0)}, max ${Math.max(...result.noopMs).toFixed(0)}; make commands run: ${result.makeCommands})`,
    `   make all WHAT=cmd/kube-scheduler, up to date  ${make.toFixed(0).padStart(7)} ms  [baseline]`,
    `   ours / baseline                               ${ratio.toFixed(3).padStart(7)}x  (target ≤ ${noopTargetMs} ms and ≤ ${noopTargetRatio}x: ${met})`,
  ];
}

async function main(): Promise<number> {
  const result = await runRealTreeBench(Number(process.env.BENCH_REPEATS ?? 3), (line) => console.log(line));
  console.log('');
  for (const line of formatRealTreeBench(result)) console.log(line);
  if (result.makeCommands > 0) {
    console.log(`FAILED: Build steps with nothing changed ran ${result.makeCommands} make command(s).`);
    return 1;
  }
  return 0;
}

runAsScript(import.meta.url, main);

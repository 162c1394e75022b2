import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NodeSummary } from '../../../shared/cluster/node-summary.js';
import { currentContext } from '../../../shared/cluster/kubeconfig-context.js';
import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import { diagnoseTestFailure } from '../../../shared/diagnosis/test-failure-rules.js';
import type { Diagnosis } from '../../../shared/diagnosis/diagnosis.js';
import { e2eParallelArgv, e2eRunArgv, nodeArchOf } from '../../../shared/e2e/e2e-argv.js';
import { filterProblems, type E2eFilters } from '../../../shared/e2e/e2e-filters.js';
import { GinkgoProgress } from '../../../shared/e2e/ginkgo-progress.js';
import { parseJUnit } from '../../../shared/e2e/parse-junit.js';
import { isFailing, isSpec, summaryOf, type RunCommand, type RunOutcome, type RunSpec, type TestRun } from '../../../shared/e2e/test-run.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { BuildRecords } from '../build/build-records.js';
import { readyNodes } from '../e2e/ready-nodes.js';
import { locateTestBinaries } from '../e2e/test-binaries.js';
import { currentClusterFor } from '../store/current-cluster.js';
import { newRunId, runDir, TestRunStore } from '../store/test-run-store.js';
import type { CommandSpec } from '../exec/command.js';
import type { Step, StepContext } from './step.js';

/** ginkgo runs its cleanup (AfterEach, DeferCleanup) after the first SIGINT; it gets this long before SIGTERM. */
export const e2eInterruptGraceMs = 90_000;

const reportPrefix = 'studio';

/**
 * Step 8: runs the built e2e.test (through the ginkgo CLI when parallel) against the cluster the
 * Cluster step left, follows ginkgo's output for progress, reads the JUnit report, and keeps the
 * whole run in the history. Failing specs make the step fail, with their diagnoses; the results
 * are kept either way, and a cancelled run is recorded as cancelled.
 */
export class TestStep implements Step {
  readonly id = 'test';

  /** `rivalsDuring` says whether another scheduler raced ours since a moment (remote mode's swap guard knows). */
  constructor(private readonly watch: { rivalsDuring(since: number): Promise<string | undefined> }) {}

  async execute(context: StepContext): Promise<void> {
    const filters = context.settings.e2eFilters;
    const problems = filterProblems(filters);
    if (problems[0]) throw new AppError(`The ${problems[0].field} filter is not a valid Go expression: ${problems[0].message} (at position ${problems[0].position + 1}). Nothing ran.`);
    const cluster = await this.cluster(context);
    const binaries = await locateTestBinaries(context.settings, context.dataDir, context.searchPath);
    if (!binaries.kubectl) throw new AppError('No kubectl for the specs: the Build step made none, and there is none on the search path. Run the Build step (it builds kubectl with e2e.test).');
    context.print(`kubectl for the specs: ${binaries.kubectl.path} (${binaries.kubectl.source}).`);
    if (filters.nodes > 1 && !binaries.ginkgo) throw new AppError('A parallel run needs the ginkgo CLI, and none was built: run the Build step (it builds ginkgo with e2e.test), or set Parallel nodes to 1.');

    const nodes = await readyNodes(context, cluster);
    context.print(`The cluster has ${nodes.total} node${nodes.total === 1 ? '' : 's'}, ${nodes.schedulable} schedulable, ${nodes.osArch}.`);

    const id = newRunId();
    const dir = runDir(context.dataDir, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const target = { e2eTest: binaries.e2eTest, kubeconfig: cluster.kubeconfig, context: cluster.context, numNodes: nodes.schedulable, nodeArch: nodeArchOf(nodes.osArch), kubectl: binaries.kubectl.path, reportDir: dir, reportPrefix };
    const argv = filters.nodes > 1 && binaries.ginkgo ? e2eParallelArgv(binaries.ginkgo, target, filters) : e2eRunArgv(target, filters);
    // The built binaries' folder first on PATH, as kind's hack/ci/e2e-k8s.sh puts _output/bin first.
    const runPath = [...(binaries.binDir ? [binaries.binDir] : []), ...context.searchPath].join(path.delimiter);
    const command: CommandSpec = { argv, cwd: dir, env: { KUBECONFIG: cluster.kubeconfig, PATH: runPath } };
    const run = await this.startRecord(context, { id, filters, cluster, nodes, command });

    const progress = new GinkgoProgress();
    const publish = (): void => {
      const now = progress.snapshot();
      const total = now.total;
      context.setProgress({
        label: total === undefined ? 'Starting e2e.test…' : `${now.done} of ${total} specs · ${now.passed} passed · ${now.failed} failed`,
        done: now.done,
        total,
        passed: now.passed,
        failed: now.failed,
        current: now.current,
      });
    };
    publish();
    let exitCode: number | undefined;
    let failure: unknown;
    try {
      exitCode = (await context.run(command, { acceptExitCodes: [0, 1], grace: { interruptMs: e2eInterruptGraceMs, terminateMs: 5_000 }, onOutput: (text) => progress.feed(text) && publish() })).exitCode;
    } catch (error) {
      failure = error;
    }
    const cancelled = context.signal.aborted;
    const finished = await this.finish(context, run, dir, cancelled ? 'cancelled' : undefined, failure);
    if (failure) throw failure;
    if (finished.outcome === 'error') throw new AppError(finished.message ?? 'e2e.test ended without a report.');
    if (finished.counts.failed > 0) throw new AppError(`${finished.counts.failed} of ${finished.counts.ran} specs failed.`);
    if (exitCode !== 0) throw new AppError(`e2e.test exited with ${exitCode ?? '?'} although no spec failed; a suite node (set-up or report) failed, see the results.`);
  }

  /** The cluster the Cluster step made ready, and only if its kubeconfig still has a current context. */
  private async cluster(context: StepContext): Promise<ClusterFacts> {
    const { cluster, otherMode } = await currentClusterFor(context.dataDir, context.settings.mode);
    if (otherMode) throw new AppError(`The last cluster set up was in ${otherMode} mode, but ${context.settings.mode} mode is chosen: run the Cluster step again.`);
    if (!cluster) throw new AppError('There is no cluster to test against yet: run the Cluster step first.');
    const text = await readFile(cluster.kubeconfig, 'utf8').catch(() => '');
    if (!currentContext(text)) throw new AppError(`The kubeconfig of the cluster ${cluster.name} (${cluster.kubeconfig}) is missing or has no current context: run the Cluster step again.`);
    return cluster;
  }

  private async startRecord(context: StepContext, parts: { id: string; filters: E2eFilters; cluster: ClusterFacts; nodes: NodeSummary; command: CommandSpec }): Promise<TestRun> {
    const checkout = context.settings.sourceDir.trim() ? path.resolve(context.settings.sourceDir.trim()) : undefined;
    const fingerprints: Record<string, string> = {};
    let commit: string | undefined;
    if (checkout) {
      const { records } = await BuildRecords.open(context.dataDir, checkout);
      for (const artefact of ['node-image', 'kube-scheduler', 'test-binaries', 'scheduler-hot-swap']) {
        const record = records.get(artefact);
        if (record) fingerprints[artefact] = record.fingerprint;
        if (record && artefact === 'test-binaries') commit = record.commit;
      }
    }
    const env = Object.fromEntries(Object.entries(parts.command.env ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
    const command: RunCommand = { argv: [...parts.command.argv], cwd: parts.command.cwd, env: { PATH: context.searchPath.join(path.delimiter), ...env } };
    const now = Date.now();
    return {
      id: parts.id,
      startedAt: now,
      endedAt: now,
      outcome: 'error',
      filters: parts.filters,
      mode: parts.cluster.mode,
      cluster: { name: parts.cluster.name, context: parts.cluster.context },
      nodes: { count: parts.nodes.schedulable, osArch: parts.nodes.osArch },
      checkout,
      commit,
      fingerprints,
      counts: { ran: 0, passed: 0, failed: 0, skipped: 0 },
      durationSeconds: 0,
      commands: [command],
      specs: [],
      diagnoses: [],
      logPath: context.logPath,
    };
  }

  /** Reads the JUnit report (if there is one), diagnoses failures, and saves the run. */
  private async finish(context: StepContext, run: TestRun, dir: string, cancelled: RunOutcome | undefined, failure: unknown): Promise<TestRun> {
    const reportName = (await readdir(dir).catch(() => [] as string[])).find((name) => name.startsWith(`junit_${reportPrefix}`) && name.endsWith('.xml'));
    const reportPath = reportName ? path.join(dir, reportName) : undefined;
    const report = reportPath ? parseJUnit(await readFile(reportPath, 'utf8')) : undefined;
    const specs: RunSpec[] = (report?.specs ?? []).map((spec) => {
      if (!isFailing(spec.state)) return spec;
      const diagnoses = diagnoseTestFailure(`${spec.failureMessage ?? ''}\n${spec.failureDetail ?? ''}`);
      return diagnoses.length > 0 ? { ...spec, diagnoses } : spec;
    });
    const ran = specs.filter((s) => isSpec(s.name) && s.state !== 'skipped' && s.state !== 'pending');
    const diagnoses: Diagnosis[] = [];
    for (const d of specs.flatMap((s) => s.diagnoses ?? [])) if (!diagnoses.some((known) => known.id === d.id && known.explanation === d.explanation)) diagnoses.push(d);
    const failedNodes = specs.filter((s) => !isSpec(s.name) && isFailing(s.state)).length;
    const failed = ran.filter((s) => isFailing(s.state)).length + failedNodes;
    const endedAt = Date.now();
    const rivalScheduler = await this.watch.rivalsDuring(run.startedAt);
    if (rivalScheduler) context.print(`\x1b[33mAnother scheduler raced yours during this run: ${rivalScheduler}. The run is marked so in the history.\x1b[0m`);
    const outcome: RunOutcome = cancelled ?? (!report ? 'error' : failed > 0 ? 'failed' : 'passed');
    const finished: TestRun = {
      ...run,
      endedAt,
      outcome,
      message: !report && !cancelled ? `e2e.test wrote no JUnit report to ${dir}${failure instanceof Error ? `: ${failure.message}` : ''}.` : undefined,
      counts: { ran: ran.length, passed: ran.filter((s) => s.state === 'passed').length, failed, skipped: specs.filter((s) => isSpec(s.name)).length - ran.length },
      durationSeconds: (endedAt - run.startedAt) / 1000,
      rivalScheduler,
      specs,
      diagnoses,
      reportPath,
    };
    await new TestRunStore(context.dataDir).save(finished);
    context.setResult({ kind: 'test', run: summaryOf(finished) });
    if (diagnoses.length > 0) context.addDiagnoses(diagnoses);
    return finished;
  }
}

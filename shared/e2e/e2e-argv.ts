import type { E2eFilters } from './e2e-filters.js';

export interface E2eRunTarget {
  e2eTest: string;
  kubeconfig: string;
  context: string;
  /**
   * The schedulable nodes, counted once every node is Ready. Passed rather than left to e2e.test:
   * when --num-nodes is unset, e2e.test counts the nodes in setupSuite (kubernetes v1.35.4
   * test/e2e/e2e.go), which SynchronizedBeforeSuite runs on the first parallel process only, so the
   * other processes keep -1 and SkipUnlessNodeCountIsAtLeast (test/e2e/framework/skipper) skips
   * specs there that should run.
   */
  numNodes: number;
  /**
   * The nodes' architecture alone (amd64, arm64): e2e.test's --node-os-arch (test_context.go,
   * default "amd64") is compared case-insensitively with the arch names that specs pass to
   * SkipUnlessNodeOSArchIs (framework/util.go NodeOSArchIs), never an os/arch pair.
   */
  nodeArch: string;
  /** The kubectl the specs run (e2e.test's --kubectl-path, default "kubectl" from PATH). */
  kubectl: string;
  reportDir: string;
  reportPrefix: string;
}

/** The architecture of an "os/arch" pair (linux/arm64 → arm64), for --node-os-arch. */
export function nodeArchOf(osArch: string): string {
  return osArch.slice(osArch.lastIndexOf('/') + 1);
}

/** The ginkgo flags for the filters, as e2e.test takes them (each value one argv element). */
export function ginkgoFilterArgs(filters: Pick<E2eFilters, 'focus' | 'skip' | 'labelFilter'>, prefix = '--ginkgo.'): string[] {
  return [
    ...(filters.focus ? [`${prefix}focus=${filters.focus}`] : []),
    ...(filters.skip ? [`${prefix}skip=${filters.skip}`] : []),
    ...(filters.labelFilter ? [`${prefix}label-filter=${filters.labelFilter}`] : []),
  ];
}

/** The dry run that lists what the filters match: needs no cluster. */
export function e2ePreviewArgv(e2eTest: string, filters: Pick<E2eFilters, 'focus' | 'skip' | 'labelFilter'>, jsonReport: string): string[] {
  return [e2eTest, '--ginkgo.dry-run', '--ginkgo.no-color', `--ginkgo.json-report=${jsonReport}`, ...ginkgoFilterArgs(filters)];
}

/**
 * The run itself: e2e.test directly, with the provider, cluster and report flags kind's
 * hack/ci/e2e-k8s.sh passes. --disable-log-dump=true: with --report-dir set, e2e.test's AfterSuite
 * otherwise runs <repo-root>/cluster/log-dump/log-dump.sh (kubernetes v1.35.4 test/e2e/suites.go,
 * framework/util.go CoreDump; the flag defaults to false in test_context.go), which fails outside a
 * GCE-style cluster.
 */
export function e2eRunArgv(target: E2eRunTarget, filters: E2eFilters): string[] {
  return [
    target.e2eTest,
    `--kubeconfig=${target.kubeconfig}`,
    `--context=${target.context}`,
    '--provider=skeleton',
    `--num-nodes=${target.numNodes}`,
    `--node-os-arch=${target.nodeArch}`,
    `--kubectl-path=${target.kubectl}`,
    `--report-dir=${target.reportDir}`,
    `--report-prefix=${target.reportPrefix}`,
    '--disable-log-dump=true',
    ...ginkgoFilterArgs(filters),
    ...(filters.failFast ? ['--ginkgo.fail-fast'] : []),
    ...(filters.flakeAttempts > 0 ? [`--ginkgo.flake-attempts=${filters.flakeAttempts}`] : []),
    `--ginkgo.timeout=${filters.timeoutMinutes}m`,
    '--ginkgo.v',
  ];
}

/**
 * A parallel run goes through the ginkgo CLI, which starts `nodes` copies of e2e.test and merges
 * their reports; e2e.test's own flags (the ginkgo.* ones included) follow the "--". The CLI gets
 * -v itself: in a parallel run the CLI's own reporter prints every spec, and without -v it prints
 * a passed spec as a bare "•" (ginkgo v2.27.2 reporters/default_reporter.go DidRun), so progress
 * could not count it.
 */
export function e2eParallelArgv(ginkgo: string, target: E2eRunTarget, filters: E2eFilters): string[] {
  const [e2eTest = target.e2eTest, ...flags] = e2eRunArgv(target, filters);
  return [ginkgo, `--nodes=${filters.nodes}`, '-v', `--timeout=${filters.timeoutMinutes}m`, e2eTest, '--', ...flags];
}

import type { E2eFilters } from './e2e-filters.js';

export interface E2eRunTarget {
  e2eTest: string;
  kubeconfig: string;
  context: string;
  numNodes: number;
  /** The nodes' os/arch, e.g. linux/arm64 (e2e.test's --node-os-arch). */
  nodeOsArch: string;
  reportDir: string;
  reportPrefix: string;
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

/** The run itself: e2e.test directly, with the provider, cluster and report flags hack/ginkgo-e2e.sh would pass. */
export function e2eRunArgv(target: E2eRunTarget, filters: E2eFilters): string[] {
  return [
    target.e2eTest,
    `--kubeconfig=${target.kubeconfig}`,
    `--context=${target.context}`,
    '--provider=skeleton',
    `--num-nodes=${target.numNodes}`,
    `--node-os-arch=${target.nodeOsArch}`,
    `--report-dir=${target.reportDir}`,
    `--report-prefix=${target.reportPrefix}`,
    ...ginkgoFilterArgs(filters),
    ...(filters.failFast ? ['--ginkgo.fail-fast'] : []),
    ...(filters.flakeAttempts > 0 ? [`--ginkgo.flake-attempts=${filters.flakeAttempts}`] : []),
    `--ginkgo.timeout=${filters.timeoutMinutes}m`,
    '--ginkgo.v',
  ];
}

/**
 * A parallel run goes through the ginkgo CLI, which starts `nodes` copies of e2e.test and merges
 * their reports; e2e.test's own flags (the ginkgo.* ones included) follow the "--".
 */
export function e2eParallelArgv(ginkgo: string, target: E2eRunTarget, filters: E2eFilters): string[] {
  const [e2eTest = target.e2eTest, ...flags] = e2eRunArgv(target, filters);
  return [ginkgo, `--nodes=${filters.nodes}`, `--timeout=${filters.timeoutMinutes}m`, e2eTest, '--', ...flags];
}

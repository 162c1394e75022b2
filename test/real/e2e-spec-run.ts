import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { type K8sBinaries } from './k8s-binaries.js';

export interface E2eSpecResult {
  passed: boolean;
  exitCode: number;
  /** The JUnit file e2e.test wrote, and the counts from its <testsuite> element. */
  junit: string | undefined;
  ran: number;
  failures: number;
  /** The tail of e2e.test's output, for failure messages. */
  outputTail: string;
  durationMs: number;
}

/** A ginkgo focus that matches exactly one spec's full name (containers and It text, as listed). */
export function focusFor(fullName: string): string {
  return `^${fullName.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`;
}

/**
 * Runs one e2e spec of the real e2e.test against `kubeconfig` with the skeleton provider (a
 * cluster of unknown make; no cloud calls, no SSH) and reads its JUnit report. It counts as
 * passed only when e2e.test exits 0 and the report says exactly one spec ran and none failed.
 */
export async function runE2eSpec(binaries: K8sBinaries, kubeconfig: string, fullName: string, reportDir: string, timeoutMs = 15 * 60_000): Promise<E2eSpecResult> {
  await mkdir(reportDir, { recursive: true });
  const started = Date.now();
  const argv = [
    '--provider=skeleton',
    `--kubeconfig=${kubeconfig}`,
    `--kubectl-path=${binaries.kubectl}`,
    `--report-dir=${reportDir}`,
    `--e2e-output-dir=${reportDir}`,
    `--ginkgo.focus=${focusFor(fullName)}`,
    `--ginkgo.timeout=${Math.floor(timeoutMs / 1000)}s`,
    '--ginkgo.no-color',
    '--disable-log-dump',
    '--allowed-not-ready-nodes=0',
  ];
  const result = await execa(binaries.e2eTest, argv, { reject: false, all: true, timeout: timeoutMs + 60_000, cwd: reportDir });
  const junitName = (await readdir(reportDir)).find((name) => /^junit.*\.xml$/.test(name));
  const junit = junitName ? path.join(reportDir, junitName) : undefined;
  const counts = junit ? suiteCounts(await readFile(junit, 'utf8')) : { tests: 0, skipped: 0, failures: 0, errors: 0 };
  const ran = counts.tests - counts.skipped;
  const failures = counts.failures + counts.errors;
  const exitCode = result.exitCode ?? -1;
  return {
    passed: exitCode === 0 && ran === 1 && failures === 0,
    exitCode,
    junit,
    ran,
    failures,
    outputTail: (result.all ?? '').split('\n').slice(-60).join('\n'),
    durationMs: Date.now() - started,
  };
}

function suiteCounts(xml: string): { tests: number; skipped: number; failures: number; errors: number } {
  const suite = /<testsuite\s[^>]*>/.exec(xml)?.[0] ?? '';
  const attribute = (name: string): number => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  return { tests: attribute('tests'), skipped: attribute('skipped'), failures: attribute('failures'), errors: attribute('errors') };
}

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

/**
 * A ginkgo focus that matches exactly one spec's full name (containers and It text, as listed).
 * Ginkgo matches against a text with something before the first container's, so `^` would
 * never match; "start or a space" before the name does the same job.
 */
export function focusFor(fullName: string): string {
  return `(?:^|\\s)${fullName.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`;
}

/**
 * Runs one e2e spec of the real e2e.test against `kubeconfig` with the skeleton provider (a
 * cluster of unknown make; no cloud calls, no SSH) and reads its JUnit report. It counts as
 * passed only when e2e.test exits 0 and the report says that exactly one spec ran, the named one,
 * and that nothing failed.
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
  const cases = junit ? testCases(await readFile(junit, 'utf8')) : [];
  // Ginkgo also reports its suite nodes ([SynchronizedBeforeSuite], [ReportAfterSuite] …) as
  // test cases; only the [It] ones are specs. A failed suite node fails the run as well.
  const specs = cases.filter((c) => c.name.startsWith('[It] ') && c.status !== 'skipped');
  const ran = specs.length;
  const ranTheNamedSpec = specs.some((c) => c.name === `[It] ${fullName}`);
  const failures = cases.filter((c) => !['passed', 'skipped', 'pending'].includes(c.status)).length;
  const exitCode = result.exitCode ?? -1;
  return {
    passed: exitCode === 0 && ran === 1 && ranTheNamedSpec && failures === 0,
    exitCode,
    junit,
    ran,
    failures,
    outputTail: (result.all ?? '').split('\n').slice(-60).join('\n'),
    durationMs: Date.now() - started,
  };
}

function testCases(xml: string): Array<{ name: string; status: string }> {
  const cases: Array<{ name: string; status: string }> = [];
  for (const match of xml.matchAll(/<testcase\s[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(match[0])?.[1] ?? '';
    const status = /\sstatus="([^"]*)"/.exec(match[0])?.[1] ?? '';
    cases.push({ name: name.replace(/&#34;|&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), status });
  }
  return cases;
}

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eParallelArgv, e2eRunArgv, type E2eRunTarget } from '../../shared/e2e/e2e-argv.js';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import { GinkgoProgress, type RunProgress } from '../../shared/e2e/ginkgo-progress.js';
import { stripAnsi } from '../../shared/output/strip-ansi.js';
import { pinnedRelease } from '../real/pinned-release.js';
import { fixture } from '../support/fixtures.js';
import { ginkgoCli } from '../support/ginkgo-cli.js';
import { goCommand } from '../support/go-command.js';

/**
 * Progress read from the real ginkgo (v2.27.2, the version Kubernetes v1.35.4 vendors) running a
 * small real suite (test/fixtures/ginkgo-progress-suite: three passing specs, one that passes on its
 * second attempt, one failing, one that skips itself, one left out by the skip filter), serially as
 * the app runs e2e.test and in parallel through the ginkgo CLI as the app runs it. The argv is the
 * app's own (e2eRunArgv / e2eParallelArgv), with the suite in e2e.test's place and only the flags
 * a ginkgo suite has (--ginkgo.*); the others are e2e.test's own and mean nothing to this suite.
 */
describe('run progress from the real ginkgo, serial and parallel', () => {
  let dir: string;
  let suite: string;
  let ginkgo: string;
  const filters = E2eFiltersSchema.parse({ skip: 'excluded', flakeAttempts: 2, timeoutMinutes: 5 });
  const target = (e2eTest: string): E2eRunTarget => ({ e2eTest, kubeconfig: '/nowhere/kubeconfig', context: 'none', numNodes: 3, nodeArch: 'amd64', kubectl: 'kubectl', reportDir: dir, reportPrefix: 'p' });
  // 6 of the 7 specs run; the flaky one counts as passed, the one that skips itself as done.
  const expected: RunProgress = { total: 6, suiteTotal: 7, done: 6, passed: 4, failed: 1 };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-ginkgo-progress-'));
    await cp(path.dirname(fixture('ginkgo-progress-suite/go.mod')), path.join(dir, 'suite'), { recursive: true });
    suite = path.join(dir, 'progress.test');
    const env = { GOFLAGS: '-mod=mod', GOWORK: 'off' };
    ginkgo = await ginkgoCli(pinnedRelease.kubernetes);
    await execa(goCommand(), ['test', '-c', '-o', suite, '.'], { cwd: path.join(dir, 'suite'), env });
  }, 15 * 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Keeps the suite's own flags: the --ginkgo.* ones. */
  const suiteFlags = (flags: readonly string[]): string[] => flags.filter((flag) => flag.startsWith('--ginkgo.'));

  /**
   * Runs argv, feeding its output to a GinkgoProgress as it streams. Each chunk is fed a line at a
   * time, so every state the output goes through is kept, however the pipe happens to cut it.
   */
  const follow = async (argv: string[]): Promise<{ final: RunProgress; seen: RunProgress[]; output: string; exitCode?: number }> => {
    const progress = new GinkgoProgress();
    const seen: RunProgress[] = [];
    let output = '';
    const child = execa(argv[0] ?? '', argv.slice(1), { all: true, reject: false, cwd: dir, timeout: 5 * 60_000 });
    child.all?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const piece of text.split(/(?<=\n)/)) if (progress.feed(piece)) seen.push(progress.snapshot());
    });
    const result = await child;
    return { final: progress.snapshot(), seen, output, exitCode: result.exitCode };
  };

  it('counts every spec of a serial run (e2e.test directly, --ginkgo.v), naming each while it runs', async () => {
    const [, ...flags] = e2eRunArgv(target(suite), filters);
    const run = await follow([suite, ...suiteFlags(flags)]);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.final, run.output).toEqual(expected);
    expect(run.seen.map((s) => s.current).filter(Boolean)).toEqual(expect.arrayContaining(['[sig-test] progress passes one', '[sig-test] progress fails']));
    expect(run.seen.map((s) => s.done)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6]));
  });

  it('counts every spec of a parallel run through the ginkgo CLI, as the app calls it', async () => {
    const argv = e2eParallelArgv(ginkgo, target(suite), { ...filters, nodes: 2 });
    const dashes = argv.indexOf('--');
    const cli = argv.slice(0, dashes);
    expect(cli).toEqual([ginkgo, '--nodes=2', '-v', '--timeout=5m', suite]);
    const run = await follow([...cli, '--', ...suiteFlags(argv.slice(dashes + 1))]);
    expect(run.exitCode, run.output).toBe(1);
    expect(stripAnsi(run.output)).toContain('Running in parallel across 2 processes');
    expect(run.final, run.output).toEqual(expected);
    // Each spec is counted as it ends, not all at once at the end.
    expect(run.seen.map((s) => s.done)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6]));
  });

  it('could not count the passed specs of a parallel run without -v for the CLI (bare dots): the -v is what makes it work', async () => {
    const argv = e2eParallelArgv(ginkgo, target(suite), { ...filters, nodes: 2 }).filter((arg) => arg !== '-v');
    const dashes = argv.indexOf('--');
    const run = await follow([...argv.slice(0, dashes), '--', ...suiteFlags(argv.slice(dashes + 1))]);
    expect(run.output).toMatch(/•/);
    expect(run.final.passed).toBeLessThan(expected.passed);
    // A run of bare denoters is never taken for a spec's name.
    expect(run.seen.every((s) => s.current === undefined || !/^[S•]+$/.test(s.current))).toBe(true);
  });
});

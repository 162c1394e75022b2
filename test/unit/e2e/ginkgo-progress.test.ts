import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GinkgoProgress, type RunProgress } from '../../../shared/e2e/ginkgo-progress.js';
import { fixture } from '../../support/fixtures.js';

// The output of a real `e2e.test --ginkgo.v --ginkgo.no-color` run of 4 specs (Kubernetes v1.35.4), trimmed.
const log = readFileSync(fixture('ginkgo-verbose-run.log'), 'utf8');
const finished: RunProgress = { total: 4, suiteTotal: 7355, done: 4, passed: 3, failed: 1 };
const specs = [
  '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if matching [Conformance]',
  '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if not matching [Conformance]',
  '[sig-node] Pods should get a host IP [NodeConformance] [Conformance]',
  '[sig-node] Pods should support remote command execution over websockets [NodeConformance] [Conformance]',
];

/** Feeds `chunks` in order and returns every snapshot that `feed` reported as a change. */
function changes(chunks: readonly string[]): { progress: GinkgoProgress; seen: RunProgress[] } {
  const progress = new GinkgoProgress();
  const seen: RunProgress[] = [];
  for (const chunk of chunks) if (progress.feed(chunk)) seen.push(progress.snapshot());
  return { progress, seen };
}

/** The log as a colour terminal gets it: ginkgo's colours on separators, headers, labels and results, and CRLF line ends. */
function coloured(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line === '------------------------------') return `\x1b[38;5;243m${line}\x1b[0m`;
      if (line.startsWith('Will run ')) return line.replace(/(\d+)/g, '\x1b[1m$1\x1b[0m');
      if (line.startsWith('• [FAILED]')) return `\x1b[38;5;9m${line}\x1b[0m`;
      if (line.startsWith('• ')) return `\x1b[38;5;10m${line}\x1b[0m`;
      const labels = / (\[[^[\]]*, [^[\]]*\])$/.exec(line);
      if (labels) return `\x1b[0m${line.slice(0, labels.index)}\x1b[0m \x1b[38;5;204m${labels[1]}\x1b[0m`;
      return line;
    })
    .join('\r\n');
}

describe('GinkgoProgress', () => {
  it('counts the specs of a real run', () => {
    const { progress } = changes([log]);
    expect(progress.snapshot()).toEqual(finished);
  });

  it('names each spec while it runs, without its label list, and forgets it when it ends', () => {
    const { seen } = changes(log.split(/(?<=\n)/));
    expect(seen.map((s) => s.current).filter((name) => name !== undefined)).toEqual(specs);
    expect(seen[0]).toEqual({ total: 4, suiteTotal: 7355, done: 0, passed: 0, failed: 0 });
    expect(seen[1]).toEqual({ total: 4, suiteTotal: 7355, done: 0, passed: 0, failed: 0, current: specs[0] });
    expect(seen[2]).toEqual({ total: 4, suiteTotal: 7355, done: 1, passed: 1, failed: 0 });
    expect(seen.at(-1)).toEqual(finished);
    expect(seen).toHaveLength(1 + 2 * specs.length);
  });

  it('reads the same however the output is cut into chunks', () => {
    const byLine = changes(log.split(/(?<=\n)/)).seen;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: log.length }), { maxLength: 60 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), log.length];
        const chunks = points.slice(1).map((end, i) => log.slice(points[i], end));
        const { progress, seen } = changes(chunks);
        expect(progress.snapshot()).toEqual(finished);
        // Every change a chunk reports is one of the states line-by-line reading goes through.
        for (const snapshot of seen) expect(byLine).toContainEqual(snapshot);
      }),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('goes through every state when fed one character at a time', () => {
    expect(changes([...log]).seen).toEqual(changes(log.split(/(?<=\n)/)).seen);
  });

  it('reads CRLF line ends and colour codes', () => {
    const text = coloured(log);
    expect(text).toContain('\x1b[38;5;10m• [4.146 seconds]\x1b[0m\r\n');
    const { progress, seen } = changes(text.match(/[\s\S]{1,97}/g) ?? []);
    expect(progress.snapshot()).toEqual(finished);
    expect(seen.map((s) => s.current).filter((name) => name !== undefined)).toEqual(specs);
  });

  it('waits for the end of a line before reading it', () => {
    const progress = new GinkgoProgress();
    expect(progress.feed('Will run 12 of 7')).toBe(false);
    expect(progress.snapshot()).toEqual({ done: 0, passed: 0, failed: 0 });
    expect(progress.feed('355 specs\n')).toBe(true);
    expect(progress.snapshot()).toEqual({ total: 12, suiteTotal: 7355, done: 0, passed: 0, failed: 0 });
    expect(progress.feed('  some spec output\n')).toBe(false);
  });

  it('counts every way a spec can end', () => {
    const results = [
      ['• [1.000 seconds]', 'passed'],
      ['↺ [FLAKEY TEST - TOOK 2 ATTEMPTS TO PASS] [3.100 seconds]', 'passed'],
      ['• [FLAKEY TEST - TOOK 2 ATTEMPTS TO PASS] [3.100 seconds]', 'passed'],
      ['• [FAILED] [2.132 seconds]', 'failed'],
      ['• [PANICKED] [0.010 seconds]', 'failed'],
      ['• [TIMEDOUT] [600.000 seconds]', 'failed'],
      ['• [INTERRUPTED] [5.000 seconds]', 'failed'],
      ['• [ABORTED] [0.500 seconds]', 'failed'],
      ['S [SKIPPED] [0.001 seconds]', 'skipped'],
    ] as const;
    const progress = new GinkgoProgress();
    progress.feed(`Will run ${results.length} of 100 specs\n`);
    for (const [i, [line]] of results.entries()) {
      progress.feed(`------------------------------\nspec ${i} [sig-x, Serial]\nsome/file.go:${i}\n  STEP: working\n`);
      expect(progress.snapshot().current).toBe(`spec ${i}`);
      expect(progress.feed(`${line}\n`)).toBe(true);
      expect(progress.snapshot().current).toBeUndefined();
    }
    expect(progress.snapshot()).toEqual({ total: 9, suiteTotal: 100, done: 9, passed: 3, failed: 5 });
  });

  it('ignores indented lines, suite nodes, skip runs and the closing summary', () => {
    const progress = new GinkgoProgress();
    const changed = progress.feed(
      [
        '------------------------------',
        '[BeforeSuite] ',
        'k8s.io/kubernetes/test/e2e/e2e.go:69',
        '  • [FAILED] [1.000 seconds]',
        '  ------------------------------',
        '  not a header [a, b]',
        '------------------------------',
        '[DeferCleanup (Suite)] ',
        '------------------------------',
        'SSSSSSSSSS',
        '------------------------------',
        '',
        'Summarizing 1 Failure:',
        'Ran 4 of 7355 Specs in 9.537 seconds',
        '',
      ].join('\n'),
    );
    expect(changed).toBe(false);
    expect(progress.snapshot()).toEqual({ done: 0, passed: 0, failed: 0 });
  });

  it('keeps a single-label group, which reads like part of the name', () => {
    const progress = new GinkgoProgress();
    progress.feed('------------------------------\n\n[sig-apps] Job should run [Conformance]\n');
    expect(progress.snapshot().current).toBe('[sig-apps] Job should run [Conformance]');
    progress.feed('• [0.5 seconds]\n------------------------------\n[sig-apps] Job should fail [Slow] [sig-apps, Slow] [>= 1.30, < 2.0]\n');
    expect(progress.snapshot().current).toBe('[sig-apps] Job should fail [Slow]');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateSpecsInLog } from '../../../shared/e2e/locate-specs-in-log.js';
import { fixture } from '../../support/fixtures.js';

const lines = readFileSync(fixture('ginkgo-verbose-run.log'), 'utf8').split('\n');

// Testcase names from the JUnit report of the same real run.
const ran = {
  '[It] [sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if matching [Conformance]': 24,
  '[It] [sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if not matching [Conformance]': 52,
  '[It] [sig-node] Pods should get a host IP [NodeConformance] [Conformance]': 78,
  '[It] [sig-node] Pods should support remote command execution over websockets [NodeConformance] [Conformance]': 93,
  '[SynchronizedBeforeSuite]': 11,
  '[ReportAfterSuite] Kubernetes e2e suite report': 162,
};
const skipped = [
  "[It] [sig-api-machinery] API Streaming (aka. WatchList) [FeatureGate:WatchList] [Beta] reflector doesn't support receiving resources as Tables",
  '[It] [sig-node] Pods should get a host IP',
  '[It] [sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected',
];

/** `values` behind a proxy that counts how often an element is read. */
function counted(values: readonly string[]): { list: readonly string[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

describe('locateSpecsInLog', () => {
  it('finds the header of each spec of a real run, and nothing for specs that did not run', () => {
    const found = locateSpecsInLog(lines, [...Object.keys(ran), ...skipped]);
    expect(Object.fromEntries(found)).toEqual(ran);
    for (const [name, index] of found) expect(lines[index]?.startsWith(name.replace(/^\[It\] /, ''))).toBe(true);
  });

  it('reads headers through colour codes and CRLF line ends', () => {
    const coloured = lines.map((line) => (line.startsWith('------') ? `\x1b[38;5;243m${line}\x1b[0m\r` : line.startsWith('[sig-') ? `\x1b[0m${line.replace(/ (\[[^\]]*, [^\]]*\])$/, ' \x1b[38;5;204m$1\x1b[0m')}\r` : `${line}\r`));
    expect(Object.fromEntries(locateSpecsInLog(coloured, Object.keys(ran)))).toEqual(ran);
  });

  it('takes only the line right after a separator, not the name ginkgo repeats after a failure', () => {
    const failed = '[It] [sig-node] Pods should support remote command execution over websockets [NodeConformance] [Conformance]';
    const withoutHeader = lines.map((line, i) => (i === 93 ? '  moved away' : line));
    expect(lines.some((line, i) => i > 93 && line.includes('should support remote command execution'))).toBe(true);
    expect(locateSpecsInLog(withoutHeader, [failed]).has(failed)).toBe(false);
  });

  it('tells a name from a longer name that starts with it', () => {
    const log = ['------------------------------', 'X works [Conformance] [sig-x, Conformance]', '------------------------------', 'X works [sig-x, Slow]', '------------------------------', 'Y [Conformance]'];
    expect(Object.fromEntries(locateSpecsInLog(log, ['[It] X works', '[It] X works [Conformance]', '[It] Y [Conformance]', '[It] X']))).toEqual({
      '[It] X works': 3,
      '[It] X works [Conformance]': 1,
      '[It] Y [Conformance]': 5,
    });
  });

  it('prefers a header that is the whole name to one that has it before a bracket group', () => {
    const names = ['[It] Z', '[It] Z [Conformance]'];
    const later = ['------------------------------', 'Z [Conformance]', '------------------------------', 'Z'];
    expect(Object.fromEntries(locateSpecsInLog(later, names))).toEqual({ '[It] Z': 3, '[It] Z [Conformance]': 1 });
    const earlierAndRepeated = ['------------------------------', 'Z', '------------------------------', 'Z [Conformance]', '------------------------------', 'Z'];
    expect(Object.fromEntries(locateSpecsInLog(earlierAndRepeated, names))).toEqual({ '[It] Z': 1, '[It] Z [Conformance]': 3 });
  });

  it('reads a 50,000-line log once for 7,400 names', () => {
    const log: string[] = [];
    const names: string[] = [];
    const expected = new Map<string, number>();
    for (let i = 0; i < 7400; i += 1) {
      const name = `[sig-test] Suite ${i % 37} spec number ${i} does thing ${i * 7} [Conformance]`;
      names.push(`[It] ${name}`);
      if (i % 10 === 9) continue; // skipped: no header
      log.push('------------------------------', `${name} [sig-test, Conformance]`, `k8s.io/kubernetes/test/e2e/x.go:${i}`);
      expected.set(`[It] ${name}`, log.length - 2);
      for (let j = 0; j < 4; j += 1) log.push(`  I1125 19:25:11.0 17535 util.go:${j}] step ${j} of ${name}`);
    }
    log.push(...Array.from({ length: 50_000 - log.length }, (_, i) => `  filler ${i}`));
    const lineReads = counted(log);
    const nameReads = counted(names);
    const started = performance.now();
    const found = locateSpecsInLog(lineReads.list, nameReads.list);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found).toEqual(expected);
    expect(lineReads.reads()).toBeLessThanOrEqual(log.length);
    expect(nameReads.reads()).toBeLessThanOrEqual(names.length);
  });
});

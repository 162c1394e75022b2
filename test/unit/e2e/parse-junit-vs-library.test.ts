import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJUnit } from '../../../shared/e2e/parse-junit.js';
import { ginkgoLikeJUnit, ginkgoLikeShape } from '../../bench/ginkgo-junit-report.js';
import { parseJUnitWithFastXmlParser } from '../../bench/junit-fast-xml-parser.js';
import { fixture } from '../../support/fixtures.js';

/**
 * Our JUnit reader is kept over fast-xml-parser because it is faster (test/bench/junit-library-bench.ts);
 * that only holds if the two read the same thing. A JSON round trip drops fields left undefined.
 */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseJUnit reads what fast-xml-parser reads', () => {
  it('on the fixture ginkgo wrote', () => {
    const xml = readFileSync(fixture('junit-ginkgo.xml'), 'utf8');
    expect(plain(parseJUnit(xml))).toEqual(plain(parseJUnitWithFastXmlParser(xml)));
  });

  const xml = ginkgoLikeJUnit(ginkgoLikeShape);
  const ours = parseJUnit(xml);
  const library = parseJUnitWithFastXmlParser(xml);

  it('on a generated 7,400-case report, spec by spec', () => {
    expect(library.specs).toHaveLength(7400);
    expect(plain(ours)).toEqual(plain(library));
  });

  it('where the report is hard: escapes, CDATA, single quotes, character references, durations', () => {
    // Checked by hand, so the two cannot agree on the same mistake.
    expect(ours.counts).toEqual({ total: 7400, passed: 40, failed: 6, skipped: 7354 });
    const spec = (state: string, n = 0) => ours.specs.filter((s) => s.state === state)[n];
    expect(spec('failed')?.name).toBe('[It] [sig-apps] Feature 33 spec number 528 does what it says "on the tin" & more [Serial] [Conformance]');
    expect(spec('failed')?.failureMessage).toMatch(/^\[FAILED\] Timed out after 30\.001s\.\n0\/3 nodes are available: 3 Insufficient cpu\..*\n {4}<bool>: false\nto be true$/s);
    expect(spec('failed')?.durationSeconds).toBe(31.528);
    expect(spec('failed', 1)).toMatchObject({ durationSeconds: 28.9, location: 'k8s.io/kubernetes/test/e2e/apps/spec_1760.go:1860' });
    expect(spec('failed', 1)?.failureDetail).toMatch(/\n {4}<bool>: false\n.*@ 11\/25\/26 17:00:41\.123$/s);
    expect(spec('timedout')).toMatchObject({ durationSeconds: 600, failureMessage: '[TIMEDOUT] A suite timeout occurred' });
    expect(spec('panicked')).toMatchObject({ failureMessage: '[PANICKED] Test Panicked 😀 é', location: '/usr/local/go/src/runtime/panic.go:115' });
    expect(spec('panicked')?.failureDetail).toContain('length 3 &#x1F600;\n');
    expect(spec('pending')).toMatchObject({ failureMessage: 'pending', durationSeconds: 0 });
    expect(ours.specs[1]).toMatchObject({ name: '[SynchronizedBeforeSuite]', durationSeconds: 12.345678 });
    expect(ours.durationSeconds).toBeCloseTo(library.durationSeconds, 9);
  });
});

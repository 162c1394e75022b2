import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJUnit } from '../../../shared/e2e/parse-junit.js';
import { fixture } from '../../support/fixtures.js';

describe('parseJUnit', () => {
  const report = parseJUnit(readFileSync(fixture('junit-ginkgo.xml'), 'utf8'));

  it('reads every testcase of ginkgo’s report with its state and duration', () => {
    expect(report.suite).toBe('Kubernetes e2e suite');
    expect(report.counts).toEqual({ total: 4, passed: 2, failed: 1, skipped: 1 });
    expect(report.specs.map((s) => s.state)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    expect(report.specs[1]).toMatchObject({ name: '[It] [sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if matching  [Conformance]', durationSeconds: 12.5 });
    expect(report.durationSeconds).toBeCloseTo(41.82, 2);
  });

  it('keeps the failure message, its detail and the location ginkgo names', () => {
    const failed = report.specs[2];
    expect(failed?.failureMessage).toBe('[FAILED] Timed out after 30.001s.\n0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available');
    expect(failed?.failureDetail).toContain('0/3 nodes are available: 3 Insufficient cpu.');
    expect(failed?.location).toBe('k8s.io/kubernetes/test/e2e/scheduling/predicates.go:331');
    expect(report.specs[3]?.failureMessage).toBe('skipped - focus did not match');
  });

  it('reads 7,400 cases', () => {
    const cases = Array.from({ length: 7400 }, (_, i) =>
      i % 50 === 0
        ? `<testcase name="[It] spec ${i} &lt;x&gt;" classname="Kubernetes e2e suite" status="failed" time="1.5"><failure message="boom ${i}" type="failed">In [It] at: test/e2e/x.go:${i} @ now</failure></testcase>`
        : `<testcase name="[It] spec ${i}" classname="Kubernetes e2e suite" status="${i % 7 === 0 ? 'skipped' : 'passed'}" time="0.25">${i % 7 === 0 ? '<skipped message="skipped"/>' : ''}</testcase>`,
    );
    const big = parseJUnit(`<?xml version="1.0"?><testsuites><testsuite name="Kubernetes e2e suite">${cases.join('\n')}</testsuite></testsuites>`);
    expect(big.counts.total).toBe(7400);
    expect(big.counts.failed).toBe(148);
    expect(big.specs[0]).toMatchObject({ name: '[It] spec 0 <x>', state: 'failed', location: 'test/e2e/x.go:0' });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../shared/e2e/compare-runs.js';
import type { SpecResult, SpecState } from '../../../shared/e2e/junit-report.js';
import { parseJUnit } from '../../../shared/e2e/parse-junit.js';
import { fixture } from '../../support/fixtures.js';

const spec = (name: string, state: SpecState): SpecResult => ({ name, classname: 'Kubernetes e2e suite', state, durationSeconds: 1 });

describe('compareRuns', () => {
  it('sorts each spec by how it went in both runs', () => {
    const before = [
      spec('[It] b breaks', 'passed'),
      spec('[It] a breaks', 'passed'),
      spec('[It] fixed', 'failed'),
      spec('[It] still broken', 'timedout'),
      spec('[It] fine', 'passed'),
      spec('[It] dropped', 'passed'),
      spec('[It] dropped failing', 'failed'),
      spec('[It] skipped later', 'passed'),
      spec('[It] skipped before', 'skipped'),
      spec('[It] pending before', 'pending'),
    ];
    const after = [
      spec('[It] fine', 'passed'),
      spec('[It] a breaks', 'panicked'),
      spec('[It] b breaks', 'failed'),
      spec('[It] fixed', 'passed'),
      spec('[It] still broken', 'failed'),
      spec('[It] skipped later', 'skipped'),
      spec('[It] skipped before', 'passed'),
      spec('[It] pending before', 'failed'),
      spec('[It] new', 'interrupted'),
    ];
    expect(compareRuns(before, after)).toEqual({
      newlyFailing: ['[It] a breaks', '[It] b breaks'],
      newlyPassing: ['[It] fixed'],
      stillFailing: ['[It] still broken'],
      stillPassing: ['[It] fine'],
      onlyInBefore: ['[It] dropped', '[It] dropped failing', '[It] skipped later'],
      onlyInAfter: ['[It] new', '[It] pending before', '[It] skipped before'],
    });
  });

  it('counts every failing state as failing', () => {
    for (const state of ['failed', 'panicked', 'timedout', 'interrupted', 'aborted'] as const) {
      expect(compareRuns([spec('[It] x', 'passed')], [spec('[It] x', state)]).newlyFailing).toEqual(['[It] x']);
      expect(compareRuns([spec('[It] x', state)], [spec('[It] x', 'passed')]).newlyPassing).toEqual(['[It] x']);
    }
  });

  it('leaves out suite nodes, which are not specs', () => {
    const before = [spec('[SynchronizedBeforeSuite]', 'passed'), spec('[ReportAfterSuite] Kubernetes e2e suite report', 'passed')];
    const after = [spec('[SynchronizedBeforeSuite]', 'failed'), spec('[DeferCleanup (Suite)]', 'failed')];
    expect(compareRuns(before, after)).toEqual({ newlyFailing: [], newlyPassing: [], stillFailing: [], stillPassing: [], onlyInBefore: [], onlyInAfter: [] });
  });

  it('takes a spec that failed in any of its attempts as failing', () => {
    const after = [spec('[It] x', 'failed'), spec('[It] x', 'passed')];
    expect(compareRuns([spec('[It] x', 'passed')], after).newlyFailing).toEqual(['[It] x']);
  });

  it('compares two JUnit reports', () => {
    const { specs } = parseJUnit(readFileSync(fixture('junit-ginkgo.xml'), 'utf8'));
    const failedName = specs.find((s) => s.name.startsWith('[It] ') && s.state === 'failed')?.name ?? '';
    const passedName = specs.find((s) => s.name.startsWith('[It] ') && s.state === 'passed')?.name ?? '';
    expect([failedName, passedName]).not.toContain('');
    const fixedRun = specs.map((s) => (s.name === failedName ? { ...s, state: 'passed' as const } : s.name === passedName ? { ...s, state: 'failed' as const } : s));
    const passedNames = [...new Set(specs.filter((s) => s.name.startsWith('[It] ') && s.state === 'passed').map((s) => s.name))].sort();
    // Two identical runs: every spec that passed is still passing, none is zero by omission.
    expect(compareRuns(specs, specs)).toEqual({ newlyFailing: [], newlyPassing: [], stillFailing: [failedName], stillPassing: passedNames, onlyInBefore: [], onlyInAfter: [] });
    expect(passedNames.length).toBeGreaterThan(0);
    expect(compareRuns(specs, fixedRun)).toMatchObject({ newlyFailing: [passedName], newlyPassing: [failedName], stillFailing: [] });
  });
});

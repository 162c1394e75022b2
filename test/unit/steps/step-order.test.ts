import { describe, expect, it } from 'vitest';
import { wizardSteps } from '../../../shared/steps/step-catalog.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import { missingBefore, nextStep, notNeeded } from '../../../shared/steps/step-order.js';

const wizard = (succeeded: string[], failed: string[] = []): StepInfo[] =>
  wizardSteps.map((entry) => ({
    ...entry,
    available: true,
    state: succeeded.includes(entry.id) || failed.includes(entry.id) ? 'done' : 'pending',
    outcome: succeeded.includes(entry.id) ? 'success' : failed.includes(entry.id) ? 'failure' : undefined,
    commands: [],
  }));

describe('the order of the wizard', () => {
  it('suggests the next later step whose needs are met, skipping what the mode does not use', () => {
    expect(nextStep(wizard(['host']), 'kind', 'host')?.id).toBe('toolchain');
    expect(nextStep(wizard(['host', 'toolchain', 'source']), 'remote', 'source')?.id).toBe('mode');
    expect(nextStep(wizard(['host', 'toolchain', 'source', 'mode']), 'remote', 'toolchain')?.id).toBe('build');
    // Native kind has not run: in kind mode Build waits for it, so nothing after Source is next yet.
    expect(nextStep(wizard(['source', 'mode']), 'kind', 'mode')).toBeUndefined();
    expect(nextStep(wizard(['source', 'kind', 'mode', 'build', 'cluster']), 'kind', 'cluster')?.id).toBe('test');
    // Teardown is offered once the tests have run, passed or not.
    expect(nextStep(wizard(['source', 'kind', 'mode', 'build', 'cluster'], ['test']), 'kind', 'test')?.id).toBe('teardown');
  });

  it('says which earlier steps a step is still waiting for', () => {
    expect(missingBefore(wizard(['source']), 'kind', 'cluster').map((s) => s.id)).toEqual(['kind', 'build']);
    expect(missingBefore(wizard(['source', 'mode', 'build'], ['cluster']), 'remote', 'test').map((s) => s.id)).toEqual(['cluster']);
    expect(missingBefore(wizard([]), 'remote', 'host')).toEqual([]);
  });

  it('does not need Native kind in remote mode', () => {
    expect(notNeeded('remote', 'kind')).toBe(true);
    expect(notNeeded('kind', 'kind')).toBe(false);
    expect(missingBefore(wizard(['source']), 'remote', 'build')).toEqual([]);
  });
});

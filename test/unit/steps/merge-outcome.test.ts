import { describe, expect, it } from 'vitest';
import { mergeOutcome } from '../../../shared/steps/merge-outcome.js';

describe('mergeOutcome', () => {
  it('takes the incoming outcome when there is none yet', () => {
    expect(mergeOutcome(undefined, 'skipped')).toBe('skipped');
  });

  it('lets the worse outcome win, in either order', () => {
    expect(mergeOutcome('success', 'failure')).toBe('failure');
    expect(mergeOutcome('failure', 'success')).toBe('failure');
    expect(mergeOutcome('failure', 'cancelled')).toBe('cancelled');
    expect(mergeOutcome('cancelled', 'failure')).toBe('cancelled');
    expect(mergeOutcome('success', 'skipped')).toBe('skipped');
  });
});

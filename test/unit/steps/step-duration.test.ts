import { describe, expect, it } from 'vitest';
import { formatDuration, stepDurationMs } from '../../../shared/steps/step-duration.js';

describe('stepDurationMs', () => {
  it('is undefined before the step starts', () => {
    expect(stepDurationMs({}, 1000)).toBeUndefined();
  });
  it('counts up to now while running and to the end once done', () => {
    expect(stepDurationMs({ startedAt: 1000 }, 4500)).toBe(3500);
    expect(stepDurationMs({ startedAt: 1000, endedAt: 2000 }, 9999)).toBe(1000);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [12_345, '12.3 s'],
    [245_000, '4 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%d ms reads as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { durationTicks, fitLabel, tickLabel } from '../../../renderer/src/components/duration-axis.js';
import { timelinePieces, timelineScale, timeRunning } from '../../../renderer/src/components/timeline-layout.js';

describe('a duration axis', () => {
  it('covers the longest value in round steps, from 0', () => {
    expect(durationTicks(42.5)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(durationTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(durationTicks(666)).toEqual([0, 300, 600, 900]);
    expect(durationTicks(3 * 3600 + 125, 4)).toEqual([0, 3600, 7200, 10800, 14400]);
    expect(durationTicks(0)).toEqual([0, 0.1]);
  });

  it('never ends below the value it has to show', () => {
    for (const value of [0.05, 1, 7.3, 59, 61, 599, 3601, 86_400 * 3]) {
      const ticks = durationTicks(value);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(value);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('names ticks in short words', () => {
    expect([0, 0.5, 30, 60, 90, 300, 3600, 5400].map(tickLabel)).toEqual(['0', '0.5 s', '30 s', '1 min', '1 min 30 s', '5 min', '1 h', '1 h 30 min']);
  });

  it('cuts a long label in the middle, keeping both ends', () => {
    const name = '[sig-scheduling] SchedulerPredicates [Serial] validates resource limits of pods that are allowed to run [Conformance]';
    const cut = fitLabel(name, 40);
    expect(cut).toHaveLength(40);
    expect(cut.startsWith('[sig-scheduling] Sched')).toBe(true);
    expect(cut.endsWith('[Conformance]')).toBe(true);
    expect(fitLabel('short', 40)).toBe('short');
  });
});

describe('the step timeline', () => {
  const s = 1000;
  // Host 0–1 s, Toolchain 3–6 s, then two hours later Build 2 h–2 h 10 min.
  const spans = [
    { start: 0, end: 1 * s },
    { start: 3 * s, end: 6 * s },
    { start: 7200 * s, end: 7800 * s },
  ];

  it('keeps short pauses to scale and cuts long ones out', () => {
    expect(timelinePieces(spans, 30 * s)).toEqual([
      { kind: 'busy', start: 0, end: 6 * s },
      { kind: 'idle', start: 6 * s, end: 7200 * s },
      { kind: 'busy', start: 7200 * s, end: 7800 * s },
    ]);
  });

  it('gives busy time the lane and each long pause a fixed width', () => {
    const pieces = timelinePieces(spans, 30 * s);
    const x = timelineScale(pieces, 606 * 1 + 26, 26);
    // 606 s of busy time over 606 px: 1 px a second, the pause 26 px.
    expect(x(0)).toBe(0);
    expect(x(6 * s)).toBeCloseTo(6);
    expect(x(3600 * s)).toBeCloseTo(6 + 13, 0);
    expect(x(7200 * s)).toBeCloseTo(32);
    expect(x(7800 * s)).toBeCloseTo(632);
  });

  it('counts the time something ran, overlaps once', () => {
    expect(timeRunning(spans)).toBe(604 * s);
    expect(timeRunning([{ start: 0, end: 10 }, { start: 5, end: 12 }, { start: 20, end: 21 }])).toBe(13);
  });
});

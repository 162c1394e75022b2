import { describe, expect, it } from 'vitest';
import { OutputFlow } from '../../../shared/output/output-flow.js';

const limits = { highWatermark: 100, lowWatermark: 20, heldTailLimit: 50 };

describe('OutputFlow', () => {
  it('passes output straight through while the view keeps up', () => {
    const flow = new OutputFlow({ lossless: false, ...limits });
    expect(flow.offer('a'.repeat(60))).toEqual({ data: 'a'.repeat(60), skipped: 0 });
    expect(flow.ack(60)).toBeUndefined();
    expect(flow.offer('b'.repeat(60))?.data).toHaveLength(60);
  });

  it('holds output above the high watermark and releases it once acknowledged below the low one', () => {
    const flow = new OutputFlow({ lossless: false, ...limits });
    flow.offer('x'.repeat(100));
    expect(flow.offer('held')).toBeUndefined();
    expect(flow.ack(50)).toBeUndefined(); // 50 still unacknowledged: above the low watermark
    expect(flow.ack(40)).toEqual({ data: 'held', skipped: 0 });
  });

  it('keeps order: once something is held, later output queues behind it', () => {
    const flow = new OutputFlow({ lossless: false, ...limits });
    flow.offer('x'.repeat(100));
    flow.offer('1');
    flow.ack(100);
    // released '1'; now offer more: must be sent after '1', which it is since nothing is held now
    expect(flow.offer('2')).toEqual({ data: '2', skipped: 0 });
  });

  it('a lossy view keeps only the newest tail and counts what it skipped', () => {
    const flow = new OutputFlow({ lossless: false, ...limits });
    flow.offer('x'.repeat(100));
    for (let i = 0; i < 10; i++) flow.offer(String(i).repeat(10));
    const release = flow.ack(100);
    expect(release?.data).toHaveLength(50);
    expect(release?.skipped).toBe(50);
    expect(release?.data.endsWith('9'.repeat(10))).toBe(true);
  });

  it('prefers to cut a skipped tail at a line start', () => {
    const flow = new OutputFlow({ lossless: false, ...limits });
    flow.offer('x'.repeat(100));
    flow.offer(`${'a'.repeat(30)}\n${'b'.repeat(39)}\n${'c'.repeat(20)}`);
    // 91 characters held, 50 kept: the cut at 41 falls inside the b line, so it moves to the next line start.
    const release = flow.ack(100);
    expect(release).toEqual({ data: 'c'.repeat(20), skipped: 71 });
  });

  it('a lossless view never drops, and asks its owner to pause and resume', () => {
    const flow = new OutputFlow({ lossless: true, ...limits });
    flow.offer('x'.repeat(90));
    expect(flow.shouldPause).toBe(false);
    flow.offer('y'.repeat(30));
    expect(flow.shouldPause).toBe(true);
    for (let i = 0; i < 10; i++) flow.offer('z'.repeat(100));
    expect(flow.mayResume).toBe(false);
    const release = flow.ack(120);
    expect(release?.data).toHaveLength(1000);
    expect(release?.skipped).toBe(0);
    flow.ack(1000);
    expect(flow.mayResume).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { PtyDrainMarker } from '../../../electron/engine/exec/pty-drain-marker.js';

/** Feeds `chunks` through a marker that has been written, and joins what passes. */
function pass(marker: PtyDrainMarker, chunks: Buffer[]): string {
  return Buffer.concat([...chunks.map((chunk) => marker.filter(chunk)), marker.rest()]).toString('latin1');
}

describe('PtyDrainMarker', () => {
  it('passes output untouched until the marker is written', () => {
    const marker = new PtyDrainMarker();
    const looksLikeIt = Buffer.concat([Buffer.from('abc'), marker.bytes.subarray(0, 5)]);
    expect(marker.filter(looksLikeIt)).toBe(looksLikeIt);
    expect(marker.seen).toBe(false);
  });

  it('takes the marker out wherever the chunks split it, and keeps what came before and after', () => {
    const probe = new PtyDrainMarker();
    for (let cut = 0; cut <= probe.bytes.length; cut++) {
      const marker = new PtyDrainMarker();
      marker.wrote(marker.bytes.length);
      const stream = Buffer.concat([Buffer.from('before\x1b_'), marker.bytes, Buffer.from('after')]);
      const at = 'before\x1b_'.length + cut;
      expect(pass(marker, [stream.subarray(0, at), stream.subarray(at)])).toBe('before\x1b_after');
      expect(marker.seen).toBe(true);
    }
  });

  it('gives back a held-back tail when the output ends without the marker', () => {
    const marker = new PtyDrainMarker();
    marker.wrote(3);
    expect(pass(marker, [Buffer.concat([Buffer.from('x'), marker.bytes.subarray(0, 6)])])).toBe(`x${marker.bytes.subarray(0, 6).toString('latin1')}`);
    expect(marker.seen).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';

/**
 * Tells when a pty has been read to the end. Once the child is gone, a marker written into the
 * terminal from our side comes out after everything the child wrote, in order; when the reader
 * sees it, nothing is left behind it. The marker is taken out of the output again. It is an APC
 * sequence of capitals and digits, which a terminal's output processing leaves as it is and a
 * terminal would not show if it ever slipped through.
 */
export class PtyDrainMarker {
  readonly bytes = Buffer.from(`\x1b_STUDIO-DRAINED-${randomBytes(8).toString('hex').toUpperCase()}\x1b\\`);
  private written = 0;
  private carry: Buffer = Buffer.alloc(0);
  private found = false;

  /** The part of the marker still to be written (a terminal may take it in pieces). */
  get unwritten(): Buffer {
    return this.bytes.subarray(this.written);
  }

  wrote(count: number): void {
    this.written += count;
  }

  get seen(): boolean {
    return this.found;
  }

  /**
   * Output read from the terminal, minus the marker. While the marker is on its way, a tail that
   * could be its beginning is kept back until the next chunk shows whether it is.
   */
  filter(chunk: Buffer): Buffer {
    if (this.found || this.written === 0) return chunk;
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    const at = data.indexOf(this.bytes);
    if (at !== -1) {
      this.found = true;
      return at === 0 ? data.subarray(this.bytes.length) : Buffer.concat([data.subarray(0, at), data.subarray(at + this.bytes.length)]);
    }
    const keep = this.partialAtEnd(data);
    this.carry = Buffer.from(data.subarray(data.length - keep));
    return data.subarray(0, data.length - keep);
  }

  /** What was kept back, for when the output ends without the marker. */
  rest(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest;
  }

  /** How many bytes at the end of `data` are the marker's first bytes. */
  private partialAtEnd(data: Buffer): number {
    for (let length = Math.min(this.bytes.length - 1, data.length); length > 0; length--) {
      if (data.subarray(data.length - length).equals(this.bytes.subarray(0, length))) return length;
    }
    return 0;
  }
}

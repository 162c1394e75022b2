import { createHash } from 'node:crypto';

/** The bytes flood-child.mjs writes: byte i is 33 + (i % 94), printable ASCII with no newline. */
export function floodBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = 33 + (i % 94);
  return bytes;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where two buffers first differ, or undefined when one is a prefix of the other. */
export function firstDifference(a: Buffer, b: Buffer): number | undefined {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return undefined;
}

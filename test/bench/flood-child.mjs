// Writes exactly N bytes to stdout and exits: byte i is 33 + (i % 94), the printable ASCII
// characters '!'..'~' repeated, with no newline, tab or escape, so a pty passes them unchanged.
// The same rule is in flood-pattern.ts, which computes what a capture must contain.
// Usage: node flood-child.mjs <bytes>
import { writeRepeated } from '../fixtures/write-repeated.mjs';
const total = Number(process.argv[2]);
if (!Number.isSafeInteger(total) || total < 0) {
  console.error('usage: node flood-child.mjs <bytes>');
  process.exit(2);
}

const period = 94;
// A whole number of periods, so every block starts at the same phase of the pattern.
const block = Buffer.alloc(period * 700);
for (let i = 0; i < block.length; i++) block[i] = 33 + (i % period);

writeRepeated(block, total);

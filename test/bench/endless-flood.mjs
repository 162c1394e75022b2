// Writes lines of printable text to stdout until it is stopped, as fast as the reader takes them
// (like `yes`, with wider lines). Used to measure how the UI answers while output floods in.
const line = Buffer.from(`${'flood '.repeat(20)}\n`);
const block = Buffer.concat(Array.from({ length: 512 }, () => line));

function pump() {
  while (process.stdout.write(block));
  process.stdout.once('drain', pump);
}
process.stdout.on('error', () => process.exit(0));
pump();

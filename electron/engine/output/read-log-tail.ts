import { open } from 'node:fs/promises';

/** The last `maxBytes` of a log file as text, and how many bytes came before it. */
export async function readLogTail(file: string, maxBytes: number): Promise<{ text: string; omittedBytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    let text = buffer.toString('utf8');
    // A tail cut in the middle of a character starts with replacement characters; drop them.
    if (start > 0) text = text.replace(/^\uFFFD+/, '');
    return { text, omittedBytes: start };
  } finally {
    await handle.close();
  }
}

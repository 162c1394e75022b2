/**
 * Keeps about the last `limit` bytes of a command's output, undecoded: a flood costs a reference
 * per chunk and no decoding; the text is made only when someone reads it (a failed command's
 * error). A character cut at the front by the window is dropped rather than shown broken.
 */
export class ByteTail {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - (this.chunks[0]?.length ?? 0) >= this.limit) this.size -= this.chunks.shift()?.length ?? 0;
  }

  /** The kept bytes as UTF-8 text, at most `limit` bytes of it. */
  text(): string {
    const joined = Buffer.concat(this.chunks, this.size);
    let start = Math.max(0, joined.length - this.limit);
    // Continuation bytes (10xxxxxx) at the cut belong to a character that started before it.
    while (start < joined.length && start > 0 && ((joined[start] ?? 0) & 0xc0) === 0x80) start += 1;
    return joined.subarray(start).toString('utf8');
  }
}

/** Past this many kept pieces they are joined into one, so a stream of tiny appends stays small. */
const maxParts = 1024;

/**
 * Keeps the last `limit` characters of a growing text, and counts what it let go.
 * Appends only add a reference and drop whole pieces that fell out of the window: a flood costs no
 * copying here. The text is cut to exactly `limit` characters when it is read.
 */
export class TailText {
  private parts: string[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly limit: number) {}

  append(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.size += text.length;
    // Drop pieces from the front while what is left still covers the window.
    while (this.parts.length > 1 && this.size - (this.parts[0]?.length ?? 0) >= this.limit) {
      const first = this.parts.shift() ?? '';
      this.size -= first.length;
      this.dropped += first.length;
    }
    if (this.parts.length > maxParts) this.compact();
  }

  /** The kept text and how many characters came before it. */
  snapshot(): { text: string; omitted: number } {
    this.compact();
    return { text: this.parts[0] ?? '', omitted: this.dropped };
  }

  private compact(): void {
    const joined = this.parts.join('');
    const cut = Math.max(0, joined.length - this.limit);
    this.dropped += cut;
    this.parts = joined.length > cut ? [joined.slice(cut)] : [];
    this.size = joined.length - cut;
  }
}

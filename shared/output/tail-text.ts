/** Keeps the last `limit` characters of a growing text, and counts what it let go. */
export class TailText {
  private parts: string[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly limit: number) {}

  append(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > this.limit * 2) this.compact();
  }

  /** The kept text and how many characters came before it. */
  snapshot(): { text: string; omitted: number } {
    this.compact();
    return { text: this.parts.join(''), omitted: this.dropped };
  }

  private compact(): void {
    const joined = this.parts.join('');
    const cut = Math.max(0, joined.length - this.limit);
    this.dropped += cut;
    this.parts = [joined.slice(cut)];
    this.size = joined.length - cut;
  }
}

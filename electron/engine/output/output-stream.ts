import { createWriteStream, type WriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { batchLimits } from '../../../shared/output/flow-limits.js';
import { TailText } from '../../../shared/output/tail-text.js';
import type { OutputEnd } from '../../../shared/ipc/output-channels.js';

export interface OutputStreamListener {
  onBatch(data: string, offset: number): void;
  onEnd(end: OutputEnd): void;
}

/** How much of a live stream is kept in memory for a view that attaches late. */
const liveTailChars = 1024 * 1024;

/**
 * Output bytes are handed to the log file in pieces of about this size (or with the view's batch,
 * every 16 ms): a pty gives a few KiB per read, and a file write per read cost a flood a quarter
 * of its speed.
 */
const logPieceBytes = 256 * 1024;

/**
 * One command's output: every byte goes to the log file as it arrives; the view gets it decoded
 * and batched (every 16 ms or 200 KB), so a flood costs one message per frame, not one per read.
 */
export class OutputStream {
  /** The newest output while the stream is live; a finished stream is read back from its log file instead. */
  tail = new TailText(liveTailChars);
  private readonly log: WriteStream;
  private logPending: Buffer[] = [];
  private logPendingBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  private emitted = 0;
  private endInfo: OutputEnd | undefined;
  private readonly listeners = new Set<OutputStreamListener>();

  constructor(
    readonly id: string,
    readonly logPath: string,
    readonly lossless: boolean,
  ) {
    this.log = createWriteStream(logPath, { flags: 'w', mode: 0o600 });
  }

  get ended(): boolean {
    return this.endInfo !== undefined;
  }

  /** Characters handed to views so far. */
  get emittedChars(): number {
    return this.emitted;
  }

  listen(listener: OutputStreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(chunk: Buffer): void {
    if (this.endInfo) return;
    this.logPending.push(chunk);
    this.logPendingBytes += chunk.length;
    if (this.logPendingBytes >= logPieceBytes) this.writeLog();
    this.pending += this.decoder.write(chunk);
    if (this.pending.length >= batchLimits.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), batchLimits.intervalMs);
  }

  /** A line of our own (e.g. the command about to run), shown in the view and kept in the log. */
  note(text: string): void {
    this.write(Buffer.from(text));
  }

  /** Sends what is waiting now; used before a view attaches so backlog and live data do not overlap. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writeLog();
    if (this.pending.length === 0) return;
    const data = this.pending;
    const offset = this.emitted;
    this.pending = '';
    this.emitted += data.length;
    this.tail.append(data);
    for (const listener of this.listeners) listener.onBatch(data, offset);
  }

  /** Hands the bytes gathered since the last piece to the log file, in order. */
  private writeLog(): void {
    if (this.logPendingBytes === 0) return;
    const piece = this.logPending.length === 1 ? this.logPending[0] : Buffer.concat(this.logPending, this.logPendingBytes);
    this.logPending = [];
    this.logPendingBytes = 0;
    if (piece) this.log.write(piece);
  }

  /** Flushes everything, closes the log file, and tells the views the stream ended. */
  async end(end: Omit<OutputEnd, 'streamId'>): Promise<void> {
    if (this.endInfo) return;
    this.pending += this.decoder.end();
    this.flush();
    this.endInfo = { streamId: this.id, ...end };
    this.tail = new TailText(0);
    await new Promise<void>((resolve, reject) => {
      this.log.once('error', reject);
      this.log.end(resolve);
    });
    for (const listener of this.listeners) listener.onEnd(this.endInfo);
  }
}

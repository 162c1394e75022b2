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

/** How much may wait for the log file before the producer is asked to pause (the disk is behind). */
const logQueueBytes = 4 * 1024 * 1024;

/**
 * How big the strings handed to the views are. V8 keeps a string of 128 KiB or more (bigger than
 * its largest regular heap object) in large-object space, and on Node 20 making one costs several
 * times as much per byte as a smaller one: 0.9 ms/MiB for 200 KB pieces against 0.25 for 32 KiB
 * ones here, and a flood through a pipe ran at 0.62x of a raw read with whole batches. So a batch is
 * decoded a read at a time (at most `decodeSliceBytes` at once) and the text is handed on in pieces
 * of `pieceChars` or a little more: below 48 Ki characters, 96 KiB even as two-byte text.
 */
const decodeSliceBytes = 32 * 1024;
const pieceChars = 16 * 1024;

/**
 * One command's output, gathered as it arrives and handed on in batches (every 16 ms, or once
 * 200 KB are waiting): each batch is one write to the log file (the reads as they came, gathered by
 * writev, not copied into one buffer) and reaches the views as a few messages of 16-48 Ki
 * characters. A pty gives a few KiB per read; a write and a message per read cost a flood a quarter
 * of its speed.
 */
export class OutputStream {
  /** The newest output while the stream is live; a finished stream is read back from its log file instead. */
  tail = new TailText(liveTailChars);
  private readonly log: WriteStream;
  /** Bytes not yet written nor decoded. */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private timer: NodeJS.Timeout | undefined;
  private emitted = 0;
  private endInfo: OutputEnd | undefined;
  private readonly listeners = new Set<OutputStreamListener>();
  /** Told when the log file falls behind (true) and when it has caught up again (false). */
  private readonly logPressure = new Set<(behind: boolean) => void>();
  private logBehind = false;
  /** The last byte written was a newline (or nothing was written yet). */
  private lineEnded = true;

  constructor(
    readonly id: string,
    readonly logPath: string,
    readonly lossless: boolean,
  ) {
    this.log = createWriteStream(logPath, { flags: 'w', mode: 0o600, highWaterMark: logQueueBytes });
  }

  get ended(): boolean {
    return this.endInfo !== undefined;
  }

  /** Characters handed to views so far. */
  get emittedChars(): number {
    return this.emitted;
  }

  /**
   * For the producer: whether to pause. Every byte goes to the log, so when the disk is slower than
   * the command the bytes would pile up in memory instead; pausing the command's output holds them
   * in the command (its writes block) until the log has caught up.
   */
  onLogPressure(listener: (behind: boolean) => void): () => void {
    this.logPressure.add(listener);
    return () => this.logPressure.delete(listener);
  }

  listen(listener: OutputStreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(chunk: Buffer): void {
    if (this.endInfo || chunk.length === 0) return;
    this.waiting.push(chunk);
    this.waitingBytes += chunk.length;
    this.lineEnded = chunk[chunk.length - 1] === 0x0a;
    // UTF-8 has at least one byte per character: this many bytes are at most this many characters.
    if (this.waitingBytes >= batchLimits.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), batchLimits.intervalMs);
  }

  /** A line of our own (e.g. the command about to run), shown in the view and kept in the log. */
  note(text: string): void {
    this.write(Buffer.from(text));
  }

  /**
   * A whole line of our own (a command line, a step's message), on a line of its own: when the
   * output before it did not end its last line (`kubectl get --raw /readyz` prints a bare "ok"),
   * that line is ended first.
   */
  line(text: string): void {
    this.note(`${this.lineEnded ? '' : '\r\n'}${text}\r\n`);
  }

  /**
   * Writes what is waiting to the log file and sends it to the views (a character cut at the end of
   * a read waits for its rest). Used before a view attaches, too, so backlog and live data do not overlap.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let piece = '';
    for (const chunk of this.take()) {
      for (let start = 0; start < chunk.length; start += decodeSliceBytes) {
        piece += this.decoder.write(chunk.subarray(start, start + decodeSliceBytes));
        if (piece.length >= pieceChars) {
          this.emit(piece);
          piece = '';
        }
      }
    }
    this.emit(piece);
  }

  private emit(data: string): void {
    if (data.length === 0) return;
    const offset = this.emitted;
    this.emitted += data.length;
    this.tail.append(data);
    for (const listener of this.listeners) listener.onBatch(data, offset);
  }

  /** Writes what is waiting to the log file (as one writev), and returns it. */
  private take(): Buffer[] {
    const chunks = this.waiting;
    if (chunks.length === 0) return chunks;
    this.waiting = [];
    this.waitingBytes = 0;
    this.log.cork();
    let room = true;
    for (const chunk of chunks) room = this.log.write(chunk);
    this.log.uncork();
    if (!room && !this.logBehind) {
      this.logBehind = true;
      for (const listener of this.logPressure) listener(true);
      this.log.once('drain', () => {
        this.logBehind = false;
        for (const listener of this.logPressure) listener(false);
      });
    }
    return chunks;
  }

  /** Flushes everything, closes the log file, and tells the views the stream ended. */
  async end(end: Omit<OutputEnd, 'streamId'>): Promise<void> {
    if (this.endInfo) return;
    this.flush();
    this.emit(this.decoder.end());
    this.endInfo = { streamId: this.id, ...end };
    this.tail = new TailText(0);
    await new Promise<void>((resolve, reject) => {
      this.log.once('error', reject);
      this.log.end(resolve);
    });
    // An ending log says 'finish', not 'drain'.
    if (this.logBehind) {
      this.logBehind = false;
      for (const listener of this.logPressure) listener(false);
    }
    for (const listener of this.listeners) listener.onEnd(this.endInfo);
  }
}

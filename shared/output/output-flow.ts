import { flowLimits } from './flow-limits.js';

export interface FlowRelease {
  data: string;
  /** Characters dropped before `data` because the view was behind (lossy flows only). */
  skipped: number;
}

export interface OutputFlowOptions {
  /** Lossless flows never drop; their owner pauses the source while `shouldPause` is true. */
  lossless: boolean;
  highWatermark?: number;
  lowWatermark?: number;
  heldTailLimit?: number;
}

/**
 * Decides, for one view of one stream, what to send now and what to hold back.
 * Nothing here touches a process: the log file always gets every byte; this only protects the view.
 */
export class OutputFlow {
  private unacked = 0;
  private held: string[] = [];
  private heldChars = 0;
  private skipped = 0;
  private readonly high: number;
  private readonly low: number;
  private readonly tailLimit: number;

  constructor(private readonly options: OutputFlowOptions) {
    this.high = options.highWatermark ?? flowLimits.highWatermark;
    this.low = options.lowWatermark ?? flowLimits.lowWatermark;
    this.tailLimit = options.heldTailLimit ?? flowLimits.heldTailLimit;
  }

  /** New output. Returns what may go to the view now, or undefined while the view is behind. */
  offer(data: string): FlowRelease | undefined {
    if (data.length === 0) return undefined;
    if (this.heldChars === 0 && this.unacked < this.high) {
      this.unacked += data.length;
      return { data, skipped: 0 };
    }
    this.hold(data);
    return undefined;
  }

  /** The view has written `chars` characters. Returns held output once the view has caught up. */
  ack(chars: number): FlowRelease | undefined {
    this.unacked = Math.max(0, this.unacked - chars);
    if (this.heldChars === 0 || this.unacked > this.low) return undefined;
    const release = { data: this.held.join(''), skipped: this.skipped };
    this.held = [];
    this.heldChars = 0;
    this.skipped = 0;
    this.unacked += release.data.length;
    return release;
  }

  /** For lossless flows: true while the source should be paused. */
  get shouldPause(): boolean {
    return this.unacked + this.heldChars >= this.high;
  }

  /** For lossless flows: true once the source may resume. */
  get mayResume(): boolean {
    return this.unacked + this.heldChars <= this.low;
  }

  get pendingChars(): number {
    return this.unacked + this.heldChars;
  }

  private hold(data: string): void {
    this.held.push(data);
    this.heldChars += data.length;
    if (this.options.lossless || this.heldChars <= this.tailLimit) return;
    const joined = this.held.join('');
    let cut = joined.length - this.tailLimit;
    const newline = joined.indexOf('\n', cut);
    if (newline !== -1 && newline - cut < 4096) cut = newline + 1;
    this.skipped += cut;
    this.held = [joined.slice(cut)];
    this.heldChars = joined.length - cut;
  }
}

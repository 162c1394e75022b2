/**
 * Flow-control numbers for the view, in characters (UTF-16 code units).
 * VS Code pauses its pty at 100k unacknowledged characters and resumes at 5k;
 * xterm.js advises a high watermark of no more than 500k.
 */
export const flowLimits = {
  highWatermark: 100_000,
  lowWatermark: 10_000,
  /** What a fallen-behind view still keeps: the newest output, the rest is in the log file. */
  heldTailLimit: 256 * 1024,
  /** The renderer acknowledges after writing at least this much. */
  ackEvery: 5_000,
} as const;

/** Batching from engine to view: flush every 16 ms, or earlier once this much is waiting. */
export const batchLimits = { intervalMs: 16, maxChars: 200 * 1024 } as const;

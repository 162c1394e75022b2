/** A stretch of the timeline: steps running (to scale) or a long pause between them (drawn at a fixed width). */
export type TimelinePiece = { kind: 'busy' | 'idle'; start: number; end: number };

/**
 * Busy stretches (steps back to back, overlapping, or apart by at most `idleShown` ms) and the long
 * pauses between them, in time order. `spans` must be sorted by start.
 */
export function timelinePieces(spans: Array<{ start: number; end: number }>, idleShown: number): TimelinePiece[] {
  const pieces: TimelinePiece[] = [];
  for (const span of spans) {
    const last = pieces[pieces.length - 1];
    if (last && span.start - last.end <= idleShown) last.end = Math.max(last.end, span.end);
    else {
      if (last) pieces.push({ kind: 'idle', start: last.end, end: span.start });
      pieces.push({ kind: 'busy', start: span.start, end: span.end });
    }
  }
  return pieces;
}

/** Where a moment falls on a lane `width` px wide: busy time shares what the pauses (each `gapWidth` px) leave. */
export function timelineScale(pieces: TimelinePiece[], width: number, gapWidth: number): (ms: number) => number {
  const busy = pieces.filter((p) => p.kind === 'busy').reduce((sum, p) => sum + (p.end - p.start), 0);
  const gaps = pieces.filter((p) => p.kind === 'idle').length;
  const perMs = Math.max(0, width - gaps * gapWidth) / Math.max(busy, 1);
  return (ms) => {
    let at = 0;
    for (const piece of pieces) {
      if (ms <= piece.end) return at + (piece.kind === 'busy' ? Math.max(0, ms - piece.start) * perMs : ((ms - piece.start) / Math.max(piece.end - piece.start, 1)) * gapWidth);
      at += piece.kind === 'busy' ? (piece.end - piece.start) * perMs : gapWidth;
    }
    return at;
  };
}

/** Time at least one span was running, overlaps counted once. `spans` must be sorted by start. */
export function timeRunning(spans: Array<{ start: number; end: number }>): number {
  let ran = 0;
  let reached = -Infinity;
  for (const span of spans) {
    ran += Math.max(0, span.end - Math.max(span.start, reached));
    reached = Math.max(reached, span.end);
  }
  return ran;
}

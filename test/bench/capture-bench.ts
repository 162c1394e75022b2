import { type CaptureResult, mibPerSecond } from './capture-result.js';
import { captureWithEngine } from './engine-capture.js';
import { floodBytes, sha256 } from './flood-pattern.js';
import { captureWithRawPipe } from './raw-pipe-capture.js';
import { captureWithRawPty } from './raw-pty-capture.js';
import { median } from './stats.js';

export type CapturePath = 'raw node-pty' | 'raw pipe' | 'engine pty' | 'engine pipe';

export interface CaptureSummary {
  path: CapturePath;
  /** The app's own path (its losses fail the benchmark) rather than a baseline. */
  ours: boolean;
  runs: CaptureResult[];
  expectedBytes: number;
  /** The smallest capture of the runs. */
  capturedBytes: number;
  /** The most bytes any run lost. */
  lostBytes: number;
  intactRuns: number;
  medianMiBps: number;
  problems: string[];
}

export interface CaptureBenchResult {
  floodBytes: number;
  paths: CaptureSummary[];
}

/** Each path reads the same flood `repeats` times; runs of the paths are interleaved, in a rotating order, so drift hits all alike. */
export async function runCaptureBench(floodLength: number, repeats: number, log: (line: string) => void): Promise<CaptureBenchResult> {
  const expected = floodBytes(floodLength);
  const expectedSha = sha256(expected);
  const capturers: Record<CapturePath, () => Promise<CaptureResult>> = {
    'raw node-pty': () => captureWithRawPty(floodLength, expectedSha),
    'raw pipe': () => captureWithRawPipe(floodLength, expectedSha),
    'engine pty': () => captureWithEngine('pty', expected, expectedSha),
    'engine pipe': () => captureWithEngine('pipe', expected, expectedSha),
  };
  const runs = new Map<CapturePath, CaptureResult[]>();
  const order = Object.entries(capturers) as Array<[CapturePath, () => Promise<CaptureResult>]>;
  for (let round = 1; round <= repeats; round++) {
    // Each round starts one path further on: a path that leaves 50 MiB of log for the disk to write
    // back would otherwise always slow the same next path.
    const turn = [...order.slice((round - 1) % order.length), ...order.slice(0, (round - 1) % order.length)];
    for (const [path, capture] of turn) {
      const result = await capture();
      runs.set(path, [...(runs.get(path) ?? []), result]);
      log(`  capture ${round}/${repeats} ${path}: ${result.capturedBytes} B in ${result.seconds.toFixed(2)} s${result.problem ? ` (${result.problem})` : ''}`);
    }
  }
  const paths = [...runs].map(([path, results]): CaptureSummary => ({
    path,
    ours: path.startsWith('engine'),
    runs: results,
    expectedBytes: floodLength,
    capturedBytes: Math.min(...results.map((r) => r.capturedBytes)),
    lostBytes: Math.max(...results.map((r) => r.lostBytes)),
    intactRuns: results.filter((r) => r.intact).length,
    medianMiBps: median(results.map(mibPerSecond)),
    problems: [...new Set(results.flatMap((r) => (r.problem ? [r.problem] : [])))],
  }));
  return { floodBytes: floodLength, paths };
}

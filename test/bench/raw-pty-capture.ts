import { createHash } from 'node:crypto';
import { spawn } from 'node-pty';
import { benchPaths } from './bench-paths.js';
import type { CaptureResult } from './capture-result.js';

/**
 * Baseline: node-pty alone reads the flood and counts it; nothing is decoded, batched or written.
 * On Linux node-pty may miss the tail when the child exits fast (node-pty #726); the bytes are
 * reported as they arrived.
 */
export async function captureWithRawPty(expectedBytes: number, expectedSha: string): Promise<CaptureResult> {
  // The chunks are kept and hashed once the clock has stopped, as the engine's log is: a hash per
  // read would slow the baseline by its own cost.
  const chunks: Buffer[] = [];
  let captured = 0;
  const started = performance.now();
  const pty = spawn(process.execPath, [benchPaths.floodChild, String(expectedBytes)], {
    name: 'xterm-256color',
    cols: 160,
    rows: 40,
    cwd: benchPaths.root,
    env: process.env,
    encoding: null,
  });
  pty.onData((chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    captured += bytes.length;
    chunks.push(bytes);
  });
  const exit = await new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  const seconds = (performance.now() - started) / 1000;
  // Data already queued when the exit was reported still counts.
  await new Promise((resolve) => setImmediate(resolve));
  const intact = captured === expectedBytes && createHash('sha256').update(Buffer.concat(chunks, captured)).digest('hex') === expectedSha;
  return {
    expectedBytes,
    capturedBytes: captured,
    lostBytes: Math.max(0, expectedBytes - captured),
    intact,
    seconds,
    problem: exit.exitCode !== 0 ? `flood child exited with ${exit.exitCode}` : undefined,
  };
}

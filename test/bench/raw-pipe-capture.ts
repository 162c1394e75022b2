import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { benchPaths } from './bench-paths.js';
import type { CaptureResult } from './capture-result.js';

/** Reference: a plain child_process pipe reading the flood and counting it. */
export async function captureWithRawPipe(expectedBytes: number, expectedSha: string): Promise<CaptureResult> {
  // The chunks are kept and hashed once the clock has stopped, as the engine's log is: a hash per
  // read would slow the baseline by its own cost.
  const chunks: Buffer[] = [];
  let captured = 0;
  const started = performance.now();
  const child = spawn(process.execPath, [benchPaths.floodChild, String(expectedBytes)], { cwd: benchPaths.root, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk: Buffer) => {
    captured += chunk.length;
    chunks.push(chunk);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    expectedBytes,
    capturedBytes: captured,
    lostBytes: Math.max(0, expectedBytes - captured),
    intact: captured === expectedBytes && createHash('sha256').update(Buffer.concat(chunks, captured)).digest('hex') === expectedSha,
    seconds,
    problem: exitCode !== 0 ? `flood child exited with ${exitCode}` : undefined,
  };
}

import type { DiskFacts } from './host-facts.js';

const dfLine = /^(.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%\s+(\/.*)$/;

/**
 * Reads the output of `df -Pk <path>` (POSIX format, 1024-byte blocks), the same on macOS and Linux.
 * Returns undefined when the output is not in that format.
 */
export function parseDfPosix(stdout: string, path: string): DiskFacts | undefined {
  const lines = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1);
  if (lines.length < 2 || last === undefined) return undefined;
  const match = dfLine.exec(last);
  if (!match) return undefined;
  const [, , blocks, , available, , mountPoint] = match;
  return {
    path,
    mountPoint: mountPoint ?? '/',
    totalBytes: Number(blocks) * 1024,
    freeBytes: Number(available) * 1024,
  };
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { commandRunner } from './step-fixture.js';

const floodBytes = 50 * 1024 * 1024;

/** The bytes fixtures/flood.mjs writes, computed here independently. */
function expectedFlood(): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const block = Buffer.alloc(64 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = alphabet.charCodeAt((i * 7 + 3) % alphabet.length);
  return Buffer.concat(Array.from({ length: floodBytes / block.length }, () => block));
}

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('a 50 MB flood reaches the step log intact', () => {
  const temp = useTempDir('script-flood');

  it.each(['pipe', 'pty'] as const)('through a %s', async (terminal) => {
    const { runner } = commandRunner(temp.dir, [{ id: 'script-flood', argv: [process.execPath, fixture('flood.mjs'), String(floodBytes)], terminal }]);
    runner.start('script-flood');
    const info = await runner.settled('script-flood');
    expect(info.outcome).toBe('success');
    const log = await readFile(info.logPath ?? '');
    // The log starts with the command line the runner announces; the flood follows it.
    const header = log.indexOf('\r\n') + 2;
    const body = log.subarray(header);
    expect(body.length).toBe(floodBytes);
    expect(sha(body)).toBe(sha(expectedFlood()));
  });
});

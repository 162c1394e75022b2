import { stat } from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { commandRunner } from './step-fixture.js';

// A full collection on demand, so what is measured is what is still referenced, not garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

describe('a script step that prints for a long time (pipe)', () => {
  const temp = useTempDir('command-memory');

  it('holds none of its output in memory while it runs: all of it is in the log', async () => {
    const floodBytes = 1024 * 1024 * 1024;
    const seen = 256 * 1024 * 1024;
    const { runner } = commandRunner(temp.dir, [{ id: 'script-flood', argv: [process.execPath, fixture('flood.mjs'), String(floodBytes)], terminal: 'pipe' }]);
    collect();
    const before = process.memoryUsage().arrayBuffers;
    const started = runner.start('script-flood');
    const logPath = started.logPath ?? '';
    let logged = 0;
    await waitFor(async () => (logged = (await stat(logPath).catch(() => ({ size: 0 }))).size) > seen || undefined, `${seen} bytes in the step's log`, { timeoutMs: 120_000, describe: () => `${logged} bytes so far` });
    collect();
    const held = process.memoryUsage().arrayBuffers - before;
    runner.cancel('script-flood');
    const info = await runner.settled('script-flood');
    expect(info.outcome).toBe('cancelled');
    // Held whole, the output would be more than the 256 MiB already logged; in flight are a few MiB
    // (the pipe's reads, a batch, at most 4 MiB waiting for the log file: output-stream.ts).
    expect(held, `${(held / 1024 ** 2).toFixed(1)} MiB held after ${(logged / 1024 ** 2).toFixed(0)} MiB were logged`).toBeLessThan(64 * 1024 * 1024);
  });
});

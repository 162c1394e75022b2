import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../electron/engine/exec/process-tree.js';
import { fixture } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { tailOf } from '../support/tail-of.js';
import { waitFor } from '../support/wait-for.js';
import { commandRunner } from './step-fixture.js';

describe('cancelling a step', () => {
  const temp = useTempDir('cancel');

  it.each(['pipe', 'pty'] as const)('ends a tree of three nested processes, including one in its own session that ignores SIGINT (%s)', async (terminal) => {
    const { runner } = commandRunner(temp.dir, [{ id: 'script-tree', argv: [process.execPath, fixture('nested-tree.mjs'), '1'], terminal }]);
    const started = runner.start('script-tree');
    const log = (): Promise<string> => readFile(started.logPath ?? '', 'utf8').catch(() => '');
    const pids = await waitFor(async () => {
      const found = [...(await log()).matchAll(/PID (\d+) depth/g)].map((match) => Number(match[1]));
      return found.length === 3 ? found : undefined;
    }, 'three processes to report their pids', { describe: async () => tailOf(await log()) });
    expect(pids.every(isAlive)).toBe(true);

    const asked = runner.cancel('script-tree');
    expect(asked.cancelRequested).toBe(true);
    const info = await runner.settled('script-tree');

    expect(info.outcome).toBe('cancelled');
    expect(info.state).toBe('done');
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('answers the cancel request at once, before the processes are gone', async () => {
    const { runner } = commandRunner(temp.dir, [{ id: 'script-sleepy', argv: [process.execPath, fixture('nested-tree.mjs'), '3'], terminal: 'pipe' }]);
    const started = runner.start('script-sleepy');
    const log = (): Promise<string> => readFile(started.logPath ?? '', 'utf8').catch(() => '');
    await waitFor(async () => (await log()).includes('depth 3'), 'the child to start', { describe: async () => tailOf(await log()) });
    const before = performance.now();
    const asked = runner.cancel('script-sleepy');
    // "At once" means well inside the 500 ms SIGINT grace (step-fixture.ts) this process takes to go;
    // a loaded 2-core machine can stall this test for tens of ms, which says nothing about the cancel.
    expect(performance.now() - before).toBeLessThan(400);
    expect(asked.state).toBe('running');
    expect((await runner.settled('script-sleepy')).outcome).toBe('cancelled');
  });
});

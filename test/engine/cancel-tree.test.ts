import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../electron/engine/exec/process-tree.js';
import { fixture } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { commandRunner } from './step-fixture.js';

describe('cancelling a step', () => {
  const temp = useTempDir('cancel');

  it.each(['pipe', 'pty'] as const)('ends a tree of three nested processes, including one in its own session that ignores SIGINT (%s)', async (terminal) => {
    const { runner } = commandRunner(temp.dir, [{ id: 'tree', argv: [process.execPath, fixture('nested-tree.mjs'), '1'], terminal }]);
    const started = runner.start('tree');
    const pids = await waitFor(async () => {
      const text = await readFile(started.logPath ?? '', 'utf8').catch(() => '');
      const found = [...text.matchAll(/PID (\d+) depth/g)].map((match) => Number(match[1]));
      return found.length === 3 ? found : undefined;
    }, 'three processes to report their pids');
    expect(pids.every(isAlive)).toBe(true);

    const asked = runner.cancel('tree');
    expect(asked.cancelRequested).toBe(true);
    const info = await runner.settled('tree');

    expect(info.outcome).toBe('cancelled');
    expect(info.state).toBe('done');
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('answers the cancel request at once, before the processes are gone', async () => {
    const { runner } = commandRunner(temp.dir, [{ id: 'sleepy', argv: [process.execPath, fixture('nested-tree.mjs'), '3'], terminal: 'pipe' }]);
    const started = runner.start('sleepy');
    await waitFor(async () => (await readFile(started.logPath ?? '', 'utf8').catch(() => '')).includes('depth 3'), 'the child to start');
    const before = performance.now();
    const asked = runner.cancel('sleepy');
    expect(performance.now() - before).toBeLessThan(50);
    expect(asked.state).toBe('running');
    expect((await runner.settled('sleepy')).outcome).toBe('cancelled');
  });
});

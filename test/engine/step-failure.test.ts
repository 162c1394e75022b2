import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { commandRunner } from './step-fixture.js';

describe('a step whose command fails', () => {
  const temp = useTempDir('fail');

  it('ends as done/failure with the exit code, the command and the stderr tail', async () => {
    const argv = [process.execPath, fixture('fail-with-stderr.mjs'), '3'];
    const { runner, updates } = commandRunner(temp.dir, [{ id: 'script-broken', argv, terminal: 'pipe' }]);
    runner.start('script-broken');
    const info = await runner.settled('script-broken');

    expect(info).toMatchObject({ state: 'done', outcome: 'failure' });
    expect(info.error).toMatchObject({ kind: 'expected', exitCode: 3, command: argv });
    expect(info.error?.message).toContain('failed with exit code 3');
    const tail = info.error?.stderrTail?.split('\n') ?? [];
    expect(tail).toHaveLength(20);
    expect(tail.at(-1)).toBe('fatal: the last line that explains it');
    expect(tail).not.toContain('building things');
    expect(info.commands).toEqual([expect.objectContaining({ argv, exitCode: 3 })]);
    expect(updates.map((u) => u.state)).toEqual(expect.arrayContaining(['running', 'done']));
    expect(await readFile(info.logPath ?? '', 'utf8')).toContain('stderr line 30');
  });

  it('explains a known failure found in the output, with its fix', async () => {
    const argv = [process.execPath, '-e', 'console.error("fork/exec /usr/local/bin/kind: exec format error"); process.exit(126)'];
    const { runner } = commandRunner(temp.dir, [{ id: 'script-foreign', argv, terminal: 'pipe' }]);
    runner.start('script-foreign');
    const info = await runner.settled('script-foreign');
    expect(info.outcome).toBe('failure');
    expect(info.diagnoses).toEqual([expect.objectContaining({ id: 'exec-format-error', title: 'A binary was built for another OS or CPU', fix: expect.stringMatching(/Toolchain step/) })]);
  });

  it('reports a missing program as a failure that names it, without starting anything', async () => {
    const { runner } = commandRunner(temp.dir, [{ id: 'script-missing', argv: ['no-such-tool-here', '--version'] }]);
    runner.start('script-missing');
    const info = await runner.settled('script-missing');
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(/Command not found: no-such-tool-here/);
    expect(info.error?.kind).toBe('expected');
  });

  it('refuses to start a step twice at the same time', async () => {
    const { runner } = commandRunner(temp.dir, [{ id: 'script-slow', argv: ['sleep', '5'], terminal: 'pipe' }]);
    runner.start('script-slow');
    expect(() => runner.start('script-slow')).toThrow(/already running/);
    runner.cancel('script-slow');
    expect((await runner.settled('script-slow')).outcome).toBe('cancelled');
  });
});

import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToCompletion } from '../../../electron/engine/exec/run-to-completion.js';

// Real processes (this Node binary as the program), no mocks.
const node = process.execPath;

describe('runToCompletion', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'studio-run-')));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the exit code and both streams in full, less one final newline (as execa does)', async () => {
    const result = await runToCompletion([node, '-e', 'process.stdout.write("out ".repeat(50000) + "\\n"); process.stderr.write("err\\n\\n"); process.exitCode = 3'], { timeoutMs: 30_000 });
    expect(result).toMatchObject({ exitCode: 3, timedOut: false, stderr: 'err\n' });
    expect(result.stdout).toBe('out '.repeat(50000));
    expect(result.startError).toBeUndefined();
  });

  it('runs in cwd with the engine environment plus additions and minus removals, stdin closed', async () => {
    process.env.STUDIO_RUN_REMOVED = 'still here';
    try {
      const script = 'let input = ""; process.stdin.on("data", (c) => (input += c)); process.stdin.on("end", () => console.log(JSON.stringify({ cwd: process.cwd(), added: process.env.STUDIO_RUN_ADDED, removed: process.env.STUDIO_RUN_REMOVED ?? null, path: process.env.PATH === undefined ? null : "set", input })))';
      const result = await runToCompletion([node, '-e', script], { cwd: dir, env: { STUDIO_RUN_ADDED: 'yes', STUDIO_RUN_REMOVED: undefined }, timeoutMs: 30_000 });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ cwd: dir, added: 'yes', removed: null, path: 'set', input: '' });
    } finally {
      delete process.env.STUDIO_RUN_REMOVED;
    }
  });

  it('ends a command that outlives its timeout and says so', async () => {
    const started = Date.now();
    const result = await runToCompletion([node, '-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 1500 });
    expect(result).toMatchObject({ exitCode: -1, timedOut: true, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('answers a program that cannot start with the reason, without throwing', async () => {
    const missing = path.join(dir, 'no-such-program');
    const result = await runToCompletion([missing, '--version'], { timeoutMs: 30_000 });
    expect(result.exitCode).toBe(-1);
    expect(result.timedOut).toBe(false);
    expect(result.startError).toContain('ENOENT');
  });
});

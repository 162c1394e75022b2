import { spawn } from 'node:child_process';
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures.js';
import { waitFor } from '../support/wait-for.js';
import { tailOf } from '../support/tail-of.js';
import { startControlPlane } from './control-plane.js';
import { k8sBinaries, type K8sBinaries } from './k8s-binaries.js';
import { isAlive as alive } from '../../electron/engine/exec/process-tree.js';

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);
const startedPids = (text: string): number[] => [...text.matchAll(/started [\w-]+ \(pid (\d+)\)/g)].map((match) => Number(match[1]));
/**
 * Waits until the harness says it is up and everything the test reads from its output is there:
 * "started … (pid N)" of all five servers (stderr) and the "Press Ctrl-C" block (stdout) arrive on
 * two pipes, so one can come before the other.
 */
const harnessUp = (output: () => string): Promise<string> =>
  waitFor(
    () => {
      const text = output();
      return text.includes('Press Ctrl-C') && /\(this harness: \d+\)/.test(text) && /logs:\s+\S+\/logs/.test(text) && startedPids(text).length >= 5 && text;
    },
    'the harness to be up with its five servers',
    { timeoutMs: 5 * 60_000, describe: () => `${startedPids(output()).length} servers started; the output ends with:\n${tailOf(output())}` },
  );

// The harness must leave nothing behind however it ends: a failed start-up, or the harness
// process itself being interrupted (Ctrl-C, SIGTERM).
describe('the control plane harness life cycle', () => {
  let binaries: K8sBinaries;
  beforeAll(async () => {
    binaries = await k8sBinaries();
  }, 120 * 60_000);

  it('stops what it started when start-up fails half way', async () => {
    const lines: string[] = [];
    // etcd comes up; an "apiserver" that exits at once makes start-up fail after it.
    const failing = startControlPlane({ binaries: { ...binaries, kubeApiserver: '/bin/false' }, log: (line) => lines.push(line) });
    const error = await failing.then(() => undefined, (reason: unknown) => reason);
    expect(String(error)).toMatch(/kube-apiserver exited with code 1/);
    // A failed start keeps its logs for a post-mortem and says where; this one is expected.
    const kept = /logs kept in (\S+)\/logs/.exec(String(error))?.[1];
    expect(kept).toBeDefined();
    await rm(kept ?? '', { recursive: true, force: true });
    const pids = startedPids(lines.join('\n'));
    expect(pids.length).toBe(2);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('leaves no server behind even when the harness itself is killed with SIGKILL', async () => {
    const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['test/real/harness-cli.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const up = await harnessUp(() => output);
    const pids = startedPids(up);
    const harness = Number(/\(this harness: (\d+)\)/.exec(up)?.[1]);
    expect(pids.length).toBe(5);
    expect(pids.every(alive)).toBe(true);

    // The process running the harness code (tsx runs it in a child of its own), killed outright:
    // no handler of its own runs, so only the orphan reaper can clean up.
    process.kill(harness, 'SIGKILL');
    await waitFor(() => pids.every((pid) => !alive(pid)), 'the orphaned servers to be killed', { describe: () => `still alive: ${pids.filter(alive).join(' ')}` });
    child.kill('SIGKILL');
    // Its temp folder stays behind (nothing ran to remove it); take it away here.
    const dir = /logs:\s+(\S+)\/logs/.exec(output)?.[1];
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stops every process and removes its folder on %s of `npm run harness`', async (signal) => {
    // tsx directly rather than through npm: a signal for npm's process group would also reach this test runner.
    const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['test/real/harness-cli.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const up = await harnessUp(() => output);
    const pids = startedPids(up);
    const dir = /logs:\s+(\S+)\/logs/.exec(up)?.[1] ?? '';
    expect(pids.length).toBe(5);
    expect(pids.every(alive)).toBe(true);
    expect(await exists(dir)).toBe(true);

    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(pids.filter(alive)).toEqual([]);
    expect(await exists(dir)).toBe(false);
  });
});

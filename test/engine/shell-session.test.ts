import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { isAlive } from '../../electron/engine/exec/process-tree.js';
import type { ShellSession } from '../../shared/ipc/shell-channels.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';
import { tailOf } from '../support/tail-of.js';
import { waitFor } from '../support/wait-for.js';
import { waitForText } from '../support/wait-for-text.js';

describe('Shell tab sessions', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  beforeEach(async () => {
    temp = await tempDir('shell');
    // A HOME of its own, so the machine's shell profile (pyenv, rc files) is not part of the test.
    engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', shellEnv: { HOME: temp.dir } });
  });
  afterEach(async () => {
    await engine.shutdown();
    await temp.remove();
  });

  it('runs an interactive shell in the chosen folder and echoes what is typed', async () => {
    const client = new RecordingClient();
    const session = engine.connect(client);
    const opened = await session.request('shell:open', { cwd: temp.dir, cols: 100, rows: 30 });
    if (!opened.ok) throw new Error(opened.error.message);
    const shell = opened.result as ShellSession;
    expect(shell.cwd).toBe(temp.dir);
    await session.request('output:attach', { streamId: shell.streamId });
    await session.request('shell:write', { sessionId: shell.sessionId, data: 'echo "studio-$((6*7))" && pwd\r' });
    const text = (): string => client.payloads('output:data').filter((b) => b.streamId === shell.streamId).map((b) => b.data).join('');
    // pwd prints after the echo: wait for both, then assert on what was waited for.
    const seen = await waitForText(text, ['studio-42', `\n${temp.dir}\r`], 'the echo, then pwd, to come back');
    expect(seen).toContain('studio-42');
    expect(seen).toContain(`\n${temp.dir}\r`);
  });

  it('closing the tab ends the shell and what runs in it', async () => {
    const client = new RecordingClient();
    const session = engine.connect(client);
    const opened = await session.request('shell:open', { cwd: temp.dir, cols: 80, rows: 24 });
    if (!opened.ok) throw new Error(opened.error.message);
    const shell = opened.result as ShellSession;
    await session.request('output:attach', { streamId: shell.streamId });
    await session.request('shell:write', { sessionId: shell.sessionId, data: 'sleep 300 & echo "bg=$!"\r' });
    const output = (): string => client.payloads('output:data').map((b) => b.data).join('');
    const pid = await waitFor(() => {
      const match = /bg=(\d+)/.exec(output());
      return match ? Number(match[1]) : undefined;
    }, 'the background job pid', { describe: () => tailOf(output()) });
    expect(isAlive(pid)).toBe(true);
    expect((await session.request('shell:close', { sessionId: shell.sessionId })).ok).toBe(true);
    await waitFor(() => !isAlive(pid), `the background job (pid ${pid}) to end`);
    expect((await session.request('shell:write', { sessionId: shell.sessionId, data: 'x' })).ok).toBe(false);
  });

  it('says clearly when the folder does not exist', async () => {
    const reply = await engine.connect(new RecordingClient()).request('shell:open', { cwd: '/no/such/folder', cols: 80, rows: 24 });
    expect(reply).toMatchObject({ ok: false, error: { message: 'Cannot open a shell in /no/such/folder: no such folder.' } });
  });
});

import { describe, expect, it } from 'vitest';
import { startPtyCommand } from '../../../electron/engine/exec/pty-command.js';

// Real ptys and real programs. `head` writes its bytes and exits at once, the case in which Linux
// hangs up a pty before its reader has drained it (node-pty #726) unless the runner holds it open.
const head = '/usr/bin/head';

async function capture(argv: string[]): Promise<{ bytes: number; exitCode?: number }> {
  let bytes = 0;
  const command = startPtyCommand({ argv }, (chunk) => (bytes += chunk.length), { cols: 80, rows: 24 });
  const exit = await command.finished;
  return { bytes, exitCode: exit.exitCode };
}

describe('a command in a pty', () => {
  it.runIf(process.platform === 'linux')('delivers every byte of a program that exits right after writing', async () => {
    const sizes = [4_000, 40_000, 262_144];
    for (const size of sizes) {
      for (let run = 0; run < 8; run++) {
        expect(await capture([head, '-c', String(size), '/dev/zero'])).toEqual({ bytes: size, exitCode: 0 });
      }
    }
  }, 60_000);

  it('reports the exit code, and an exit by signal as the signal', async () => {
    expect(await capture([process.execPath, '-e', 'process.stdout.write("x"); process.exitCode = 7'])).toEqual({ bytes: 1, exitCode: 7 });
    const killed = startPtyCommand({ argv: [process.execPath, '-e', 'process.kill(process.pid, "SIGKILL")'] }, () => undefined, { cols: 80, rows: 24 });
    expect(await killed.finished).toEqual({ exitCode: undefined, signal: 'SIGKILL' });
  });

  it('still reports the exit while a process it started keeps the terminal open', async () => {
    // The child leaves a grandchild behind that holds the pty for a minute; the exit must not wait for it.
    const script = 'require("child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "inherit", detached: true }).unref(); process.stdout.write("done")';
    const command = startPtyCommand({ argv: [process.execPath, '-e', script] }, () => undefined, { cols: 80, rows: 24 });
    expect((await command.finished).exitCode).toBe(0);
    await command.cancel();
  }, 20_000);
});

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputStream } from '../../electron/engine/output/output-stream.js';
import { useTempDir } from '../support/use-temp-dir.js';

describe('a line of our own in a command output stream', () => {
  const temp = useTempDir('output-stream');

  it('starts on a fresh line after output that did not end its last line, and adds nothing otherwise', async () => {
    const logPath = path.join(temp.dir, 'step.log');
    const stream = new OutputStream('step-test-1', logPath, false);
    stream.line('$ kubectl get --raw /readyz');
    stream.write(Buffer.from('ok'));
    stream.line('$ kind get clusters');
    stream.write(Buffer.from('e2e\n'));
    stream.line('Reusing the kind cluster e2e.');
    stream.write(Buffer.from('50%\r'));
    stream.line('done');
    await stream.end({ exitCode: 0 });
    expect(await readFile(logPath, 'utf8')).toBe('$ kubectl get --raw /readyz\r\nok\r\n$ kind get clusters\r\ne2e\nReusing the kind cluster e2e.\r\n50%\r\r\ndone\r\n');
  });

  it('asks the producer to pause while the log file is behind, and to go on once it caught up; every byte reaches the log', async () => {
    const logPath = path.join(temp.dir, 'flood.log');
    const stream = new OutputStream('step-flood-1', logPath, false);
    const told: boolean[] = [];
    stream.onLogPressure((behind) => told.push(behind));
    // 16 MiB handed over at once, faster than any disk takes it: more than the 4 MiB the log may queue.
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 256; i++) stream.write(chunk);
    expect(told).toEqual([true]);
    await new Promise<void>((resolve) => stream.onLogPressure((behind) => behind || resolve()));
    expect(told).toEqual([true, false]);
    await stream.end({ exitCode: 0 });
    expect((await stat(logPath)).size).toBe(16 * 1024 * 1024);
  });

  it('hands a big batch to the views as strings well below V8\'s 128 KiB large-object size, with no character cut in two', async () => {
    const logPath = path.join(temp.dir, 'multibyte.log');
    const stream = new OutputStream('step-multibyte-1', logPath, false);
    const pieces: string[] = [];
    stream.listen({ onBatch: (data) => pieces.push(data), onEnd: () => undefined });
    // 3-byte characters, so a 32 KiB slice (32,768 is not a multiple of 3) ends inside one; they are
    // two-byte text for V8, the larger kind.
    const text = '€'.repeat(100_000) + ' Ende';
    stream.write(Buffer.from(text));
    await stream.end({ exitCode: 0 });
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length * 2).toBeLessThan(128 * 1024);
    expect(pieces.some((piece) => piece.includes('\ufffd'))).toBe(false);
    expect(await readFile(logPath, 'utf8')).toBe(text);
  });
});

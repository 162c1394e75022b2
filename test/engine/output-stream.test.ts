import { readFile } from 'node:fs/promises';
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
});

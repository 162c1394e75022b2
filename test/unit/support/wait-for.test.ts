import { describe, expect, it } from 'vitest';
import { tailOf } from '../../support/tail-of.js';
import { waitFor } from '../../support/wait-for.js';
import { waitForText } from '../../support/wait-for-text.js';

describe('the waits the tests use', () => {
  it('returns the first value the check gives', async () => {
    let calls = 0;
    expect(await waitFor(() => ++calls >= 3 && `after ${calls}`, 'three calls', 5_000)).toBe('after 3');
  });

  it('says on timeout what it waited for and what was seen instead', async () => {
    const error = await waitFor(() => false, 'the moon', { timeoutMs: 50, describe: () => 'only clouds' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Timed out after \d+ ms \(limit 50 ms\) waiting for the moon\.\nSeen instead: only clouds$/);
  });

  it('still fails with the wait when describing what was seen fails', async () => {
    const error = await waitFor(() => undefined, 'x', { timeoutMs: 10, describe: () => { throw new Error('gone'); } }).catch((e: Error) => e);
    expect((error as Error).message).toContain('Seen instead: (describing it failed: gone)');
  });

  it('waits for every expected piece of output, and names the missing ones with the output tail', async () => {
    let text = 'node/a\n';
    setTimeout(() => (text += 'KUBECONFIG=/x/kubeconfig\n'), 30);
    expect(await waitForText(() => text, ['node/a', /KUBECONFIG=\S+kubeconfig/g], 'both', 5_000)).toContain('KUBECONFIG=/x/kubeconfig');
    const error = await waitForText(() => 'node/a\r\n\x1b[0m$ ', ['node/a', 'node/b', /KUBECONFIG=/], 'all three', 50).catch((e: Error) => e);
    expect((error as Error).message).toContain('still missing "node/b", /KUBECONFIG=/; the output ends with:\nnode/a\n\\e[0m$ ');
  });

  it('keeps the last 2 KB of long output and says how much it left out', () => {
    const shown = tailOf('x'.repeat(5000) + 'end');
    expect(shown).toMatch(/^\(2955 earlier characters left out\)\nx+end$/);
    expect(shown.length).toBeLessThan(2100);
    expect(tailOf('')).toBe('(no output at all)');
  });
});

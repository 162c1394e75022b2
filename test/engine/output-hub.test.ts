import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { flowLimits } from '../../shared/output/flow-limits.js';
import { fixture } from '../support/fixtures.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { tailOf } from '../support/tail-of.js';
import { waitFor } from '../support/wait-for.js';
import { commandRunner } from './step-fixture.js';

describe('output to a view that does not keep up', () => {
  const temp = useTempDir('hub');

  it('holds the view at the high watermark, never slows the log, and resumes with a skipped count', async () => {
    const bytes = 20 * 1024 * 1024;
    const { runner, hub } = commandRunner(temp.dir, [{ id: 'script-flood', argv: [process.execPath, fixture('flood.mjs'), String(bytes)], terminal: 'pipe' }]);
    const client = new RecordingClient();
    const started = runner.start('script-flood');
    const attached = await hub.attach(client, started.streamId ?? '');
    expect(attached.live).toBe(true);

    const info = await runner.settled('script-flood');
    expect(info.outcome).toBe('success');
    // Every byte is on disk, whatever the view did.
    expect((await stat(info.logPath ?? '')).size).toBeGreaterThan(bytes);

    const sent = (): number => client.payloads('output:data').reduce((sum, batch) => sum + batch.data.length, 0);
    const unacknowledged = attached.backlog.length + sent();
    // Without acknowledgements the view got no more than one batch past the high watermark.
    expect(unacknowledged).toBeLessThan(flowLimits.highWatermark + 256 * 1024);
    expect(unacknowledged).toBeGreaterThan(0);

    hub.ack(client, started.streamId ?? '', unacknowledged);
    const release = await waitFor(() => client.payloads('output:data').find((batch) => (batch.skipped ?? 0) > 0), 'the held tail', { describe: () => `${client.payloads('output:data').length} batches, none with a skipped count` });
    expect(release.data.length).toBeLessThanOrEqual(flowLimits.heldTailLimit);
    expect((release.skipped ?? 0) + release.data.length + unacknowledged).toBeGreaterThanOrEqual(bytes);
    expect(client.payloads('output:end')).toHaveLength(1);
  });

  it('a view attaching late gets the output so far, then live output, with nothing twice', async () => {
    const { runner, hub } = commandRunner(temp.dir, [{ id: 'script-count', argv: [process.execPath, '-e', 'let i=0; const t=setInterval(()=>{console.log("line "+(++i)); if(i===40){clearInterval(t)}}, 5)'], terminal: 'pipe' }]);
    const started = runner.start('script-count');
    // Late: once the stream has sent its first line, not after a guessed sleep.
    const stream = hub.get(started.streamId ?? '');
    const sent = (): string => stream?.tail.snapshot().text ?? '';
    await waitFor(() => sent().includes('line 1\n'), 'the first line of output to be sent', { describe: () => (stream ? `ended: ${stream.ended}; sent so far:\n${tailOf(sent())}` : `no stream ${started.streamId} in the hub`) });
    const client = new RecordingClient();
    const attached = await hub.attach(client, started.streamId ?? '');
    expect(attached.backlog).toContain('line 1\n');
    await runner.settled('script-count');
    const text = attached.backlog + client.payloads('output:data').map((batch) => batch.data).join('');
    const lines = text.split('\n').filter((line) => line.startsWith('line '));
    expect(lines).toEqual(Array.from({ length: 40 }, (_, i) => `line ${i + 1}`));
  });
});

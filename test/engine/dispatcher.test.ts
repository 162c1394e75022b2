import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';

describe('the engine dispatcher', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  beforeEach(async () => {
    temp = await tempDir('dispatch');
    engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' });
  });
  afterEach(async () => {
    await engine.shutdown();
    await temp.remove();
  });

  it.each([
    ['no:such', {}],
    ['constructor', {}],
    ['steps:run', { stepId: 7 }],
    ['steps:run', { stepId: 'host', and: 'more' }],
    ['steps:run', 'host'],
    ['shell:write', { sessionId: 'x', data: 'y'.repeat(70_000) }],
    ['output:ack', { streamId: 'a b', chars: 1 }],
  ])('answers %s %j with an error envelope, never a throw', async (channel, input) => {
    const reply = await engine.connect(new RecordingClient()).request(channel, input);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatchObject({ kind: 'expected', message: expect.any(String) });
  });

  it('keeps working after bad requests', async () => {
    const session = engine.connect(new RecordingClient());
    await session.request('steps:run', { stepId: 42 });
    const reply = await session.request('steps:list', {});
    expect(reply.ok).toBe(true);
  });

  it('refuses to run a step that does not exist, saying so', async () => {
    const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId: 'deploy' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('There is no step named "deploy": the wizard\'s are host, toolchain, kind, source, mode, build, cluster, test, teardown; scripted ones are script-<name>.') } });
  });

  it('lists the whole wizard in order, every step available', async () => {
    const reply = await engine.connect(new RecordingClient()).request('steps:list', {});
    const steps = reply.ok ? (reply.result as Array<{ id: string; available: boolean; state: string }>) : [];
    expect(steps.map((s) => s.id)).toEqual(['host', 'toolchain', 'kind', 'source', 'mode', 'build', 'cluster', 'test', 'teardown']);
    expect(steps.every((s) => s.available)).toBe(true);
    expect(steps.every((s) => s.state === 'pending')).toBe(true);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { bridgeIpc, ipcPrefix, type BridgedWindow } from '../../electron/main/ipc-bridge.js';
import { eventChannelNames, eventChannels, requestChannelNames, requestChannels } from '../../shared/ipc/contract.js';
import { EnvelopeSchema } from '../../shared/ipc/envelope.js';
import { tempDir } from '../support/temp-dir.js';

type Handler = (event: { senderFrame: unknown }, input: unknown) => unknown;

/** Records what the Electron bridge registers; stands where Electron's ipcMain would. */
class RecordingIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

describe('the Electron IPC bridge', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  const ipc = new RecordingIpcMain();
  const mainFrame = { url: 'file:///app/out/renderer/index.html' };
  const window: BridgedWindow = { isDestroyed: () => false, webContents: { send: () => undefined, mainFrame: mainFrame as never } };
  let unbridge: () => void;

  beforeAll(async () => {
    temp = await tempDir('ipc');
    engine = await Engine.start({ dataDir: temp.dir, shell: 'electron', version: 'test', skipLoginShell: true });
    unbridge = bridgeIpc(ipc as never, engine, window, 'file:///app/out/renderer/index.html');
  });
  afterAll(async () => {
    unbridge();
    await engine.shutdown();
    await temp.remove();
  });

  it('registers exactly the contract’s request channels, each with an input and an output schema', () => {
    const registered = [...ipc.handlers.keys()].sort();
    expect(registered).toEqual(requestChannelNames.map((name) => `${ipcPrefix}${name}`).sort());
    for (const name of requestChannelNames) {
      expect(requestChannels[name].input, name).toBeDefined();
      expect(requestChannels[name].output, name).toBeDefined();
    }
    for (const name of eventChannelNames) expect(eventChannels[name], name).toBeDefined();
  });

  it('refuses every channel from a frame that is not our window’s top frame at our URL', async () => {
    const strangers = [null, { url: 'file:///app/out/renderer/index.html' }, { url: 'https://evil.example/' }];
    for (const [channel, handler] of ipc.handlers) {
      for (const frame of strangers) {
        const reply = await handler({ senderFrame: frame }, {});
        expect(reply, channel).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
      }
    }
    (mainFrame as { url: string }).url = 'https://evil.example/index.html';
    expect(await ipc.handlers.get(`${ipcPrefix}app:info`)?.({ senderFrame: mainFrame }, {})).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    (mainFrame as { url: string }).url = 'file:///app/out/renderer/index.html';
  });

  it('answers the real frame', async () => {
    expect(await ipc.handlers.get(`${ipcPrefix}app:info`)?.({ senderFrame: mainFrame }, {})).toMatchObject({ ok: true, result: { shell: 'electron' } });
  });

  it('fuzz: malformed payloads on every channel come back as error envelopes and the engine keeps answering', async () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ stepId: fc.oneof(fc.string(), fc.integer(), fc.constant('../../etc')), force: fc.anything() }, { requiredKeys: [] }),
      fc.record({ sessionId: fc.string(), data: fc.string({ maxLength: 70_000 }), cols: fc.integer(), rows: fc.integer() }, { requiredKeys: [] }),
      fc.record({ streamId: fc.string(), chars: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }),
      fc.record({ dir: fc.string(), kindVersion: fc.string(), kindDownloadBase: fc.webUrl(), scrollback: fc.integer(), mode: fc.string() }, { requiredKeys: [] }),
    );
    // Channels that would start real work with a valid payload are left out: they are tested on their own.
    const channels = [...ipc.handlers.keys()].filter((channel) => !/steps:run|shell:open/.test(channel));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), hostile, async (channel, input) => {
        const reply = await ipc.handlers.get(channel)?.({ senderFrame: mainFrame }, input);
        expect(EnvelopeSchema.safeParse(reply).success).toBe(true);
      }),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const reply = (await ipc.handlers.get(`${ipcPrefix}steps:run`)?.({ senderFrame: mainFrame }, input)) as { ok: boolean };
        // Only a well-formed request for a real step may start anything.
        if (reply.ok) expect(input).toMatchObject({ stepId: expect.any(String) });
      }),
      { numRuns: 200 },
    );
    await engine.steps.shutdown();
    expect(await ipc.handlers.get(`${ipcPrefix}steps:list`)?.({ senderFrame: mainFrame }, {})).toMatchObject({ ok: true });
  });
});

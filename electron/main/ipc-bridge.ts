import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { requestChannelNames } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import type { Engine } from '../engine/engine.js';

export const ipcPrefix = 'studio:';
export const eventChannel = 'studio:event';

/** The parts of a window the bridge uses (a BrowserWindow in the app). */
export type BridgedWindow = Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'send' | 'mainFrame'> };

const refused: Envelope<never> = { ok: false, error: { name: 'Forbidden', message: 'IPC from an unexpected frame was refused.', kind: 'expected' } };

/**
 * Registers one IPC handler per request channel of the contract. Each checks that the sender is
 * our own window's top frame at our own URL, then hands the payload to the engine's dispatcher,
 * which validates it against the channel's schema. Returns the function that unregisters them.
 */
export function bridgeIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, engine: Engine, window: BridgedWindow, appUrl: string): () => void {
  const session = engine.connect({
    id: 'electron-window',
    send: (event, payload) => {
      if (!window.isDestroyed()) window.webContents.send(eventChannel, { event, payload });
    },
  });
  for (const channel of requestChannelNames) {
    ipc.handle(`${ipcPrefix}${channel}`, (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> | Envelope<unknown> => {
      if (!isTrustedSender(event.senderFrame, window, appUrl)) return refused;
      return session.request(channel, input);
    });
  }
  return () => {
    for (const channel of requestChannelNames) ipc.removeHandler(`${ipcPrefix}${channel}`);
    session.close();
  };
}

function isTrustedSender(frame: WebFrameMain | null, window: BridgedWindow, appUrl: string): boolean {
  if (!frame || frame !== window.webContents.mainFrame) return false;
  try {
    const expected = new URL(appUrl);
    const actual = new URL(frame.url);
    return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname;
  } catch {
    return false;
  }
}

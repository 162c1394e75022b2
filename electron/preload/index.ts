import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Sandboxed preload: the only thing the page gets is this narrow bridge. Channel names are checked
// here against the contract's list; payloads are validated again by the engine.
declare const STUDIO_REQUEST_CHANNELS: string[];
declare const STUDIO_EVENT_CHANNELS: string[];

const requests = new Set(STUDIO_REQUEST_CHANNELS);
const events = new Set(STUDIO_EVENT_CHANNELS);

contextBridge.exposeInMainWorld('studioBridge', {
  request(channel: string, input: unknown): Promise<unknown> {
    if (!requests.has(channel)) return Promise.reject(new Error(`Unknown request channel: ${channel}`));
    return ipcRenderer.invoke(`studio:${channel}`, input);
  },
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event channel: ${event}`);
    const relay = (_event: IpcRendererEvent, message: { event: string; payload: unknown }): void => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on('studio:event', relay);
    return () => ipcRenderer.removeListener('studio:event', relay);
  },
});

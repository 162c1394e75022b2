import type { StudioApi } from '../../../shared/ipc/contract.js';
import { electronApi } from './electron-api.js';
import { webSocketApi } from './web-socket-api.js';

export interface Connection {
  api: StudioApi;
  onConnectionLost(listener: () => void): void;
}

/** Inside Electron the preload's bridge; in a browser the WebSocket of the page's own origin. */
export async function connect(): Promise<Connection> {
  if (window.studioBridge) return { api: electronApi(window.studioBridge), onConnectionLost: () => undefined };
  const url = new URL('/api', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  const api = await webSocketApi(url.toString());
  return { api, onConnectionLost: (listener) => api.onConnectionLost(listener) };
}

import type { StudioApi } from '../../../shared/ipc/contract.js';
import { unwrapEnvelope } from './unwrap-envelope.js';

/** What the sandboxed preload exposes: nothing but these two functions. */
export interface StudioBridge {
  request(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    studioBridge?: StudioBridge;
  }
}

/** The engine through Electron IPC. */
export function electronApi(bridge: StudioBridge): StudioApi {
  return {
    request: async (channel, input) => unwrapEnvelope(await bridge.request(channel, input)) as never,
    subscribe: (event, listener) => bridge.subscribe(event, listener as (payload: unknown) => void),
  };
}

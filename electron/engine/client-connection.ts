import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';

/** One UI attached to the engine: the Electron window, or a browser tab over WebSocket. */
export interface ClientConnection {
  readonly id: string;
  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}

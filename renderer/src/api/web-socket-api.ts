import type { EventChannel, StudioApi } from '../../../shared/ipc/contract.js';
import type { ServerFrame } from '../../../shared/ipc/envelope.js';
import { StudioError } from './studio-error.js';
import { unwrapEnvelope } from './unwrap-envelope.js';

export interface WebSocketApi extends StudioApi {
  onConnectionLost(listener: () => void): void;
}

/** The engine through browser mode's WebSocket. The access token travels in the page's cookie. */
export async function webSocketApi(url: string): Promise<WebSocketApi> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`Could not connect to the engine at ${url}.`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const lost = new Set<() => void>();

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const frame = JSON.parse(message.data) as ServerFrame;
    if (frame.kind === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      return;
    }
    const waiter = pending.get(frame.id);
    if (!waiter) return;
    pending.delete(frame.id);
    try {
      waiter.resolve(unwrapEnvelope(frame.envelope));
    } catch (error) {
      waiter.reject(error);
    }
  });
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) {
      waiter.reject(new StudioError({ name: 'Disconnected', message: 'The connection to the engine closed.', kind: 'expected' }));
    }
    pending.clear();
    for (const listener of lost) listener();
  });

  return {
    request: (channel, input) =>
      new Promise((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN) {
          reject(new StudioError({ name: 'Disconnected', message: 'Not connected to the engine.', kind: 'expected' }));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, channel, input }));
      }),
    subscribe: (event: EventChannel, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnectionLost: (listener) => lost.add(listener),
  };
}

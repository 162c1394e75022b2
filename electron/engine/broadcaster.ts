import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';
import type { ClientConnection } from './client-connection.js';

/** The windows attached to the engine, and the one way to tell all of them something. */
export class Broadcaster {
  readonly clients = new Set<ClientConnection>();

  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    for (const client of this.clients) client.send(event, payload);
  }
}

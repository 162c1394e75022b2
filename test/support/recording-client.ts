import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';
import type { ClientConnection } from '../../electron/engine/client-connection.js';

/** A UI stand-in for engine tests: records every event the engine pushes to it. */
export class RecordingClient implements ClientConnection {
  readonly events: Array<{ event: EventChannel; payload: unknown }> = [];

  constructor(readonly id = 'test-client') {}

  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    this.events.push({ event, payload });
  }

  payloads<E extends EventChannel>(event: E): Array<EventPayload<E>> {
    return this.events.filter((entry) => entry.event === event).map((entry) => entry.payload as EventPayload<E>);
  }
}

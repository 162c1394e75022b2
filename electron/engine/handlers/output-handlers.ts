import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';

export function outputHandlers(parts: EngineParts): Pick<Handlers, 'output:attach' | 'output:detach' | 'output:ack'> {
  /** A finished step's log file, found through the step that wrote it (also after a restart, via history). */
  const logPathOf = (streamId: string): string | undefined => [...parts.steps.list(), ...parts.history.runs()].find((info) => info.streamId === streamId)?.logPath;
  return {
    'output:attach': ({ streamId }, client) => parts.hub.attach(client, streamId, logPathOf(streamId)),
    'output:detach': ({ streamId }, client) => {
      parts.hub.detach(client, streamId);
      return null;
    },
    'output:ack': ({ streamId, chars }, client) => {
      parts.hub.ack(client, streamId, chars);
      return null;
    },
  };
}

import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';

export function shellHandlers(parts: EngineParts): Pick<Handlers, 'shell:open' | 'shell:write' | 'shell:resize' | 'shell:close'> {
  return {
    'shell:open': (request) => parts.shells.open(request),
    'shell:write': ({ sessionId, data }) => {
      parts.shells.write(sessionId, data);
      return null;
    },
    'shell:resize': ({ sessionId, cols, rows }) => {
      parts.shells.resize(sessionId, cols, rows);
      return null;
    },
    'shell:close': async ({ sessionId }) => {
      await parts.shells.close(sessionId);
      return null;
    },
  };
}

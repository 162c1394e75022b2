import os from 'node:os';
import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';

export function appHandlers(parts: EngineParts): Pick<Handlers, 'app:info' | 'app:dismissNotice'> {
  return {
    'app:info': () => ({ ...parts.info, platform: process.platform, homeDir: os.homedir(), notices: parts.notices.all() }),
    'app:dismissNotice': ({ id }) => {
      parts.notices.dismiss(id);
      return null;
    },
  };
}

import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';
import { isExecutableFile } from '../exec/is-executable-file.js';

export function settingsHandlers(parts: EngineParts): Pick<Handlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => parts.settings.get(),
    'settings:update': (patch) => {
      for (const [tool, file] of Object.entries(patch.toolPaths ?? {})) {
        if (!path.isAbsolute(file) || !isExecutableFile(file)) throw new AppError(`The path for ${tool} must be an executable file; ${file} is not.`);
      }
      const refusal = parts.guard.settingsRefusal(parts.settings.get(), patch);
      if (refusal) throw new AppError(refusal);
      return parts.settings.update(patch);
    },
  };
}

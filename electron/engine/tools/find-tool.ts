import path from 'node:path';
import { isExecutableFile as isExecutable } from '../exec/is-executable-file.js';

/** Where `name` would be run from: an explicit path the user set, else the first match on the search path. */
export function findTool(name: string, searchPath: readonly string[], explicit?: string): { path?: string; problem?: string } {
  if (explicit) {
    return isExecutable(explicit) ? { path: explicit } : { problem: `The path set for ${name} (${explicit}) is not an executable file.` };
  }
  for (const dir of searchPath) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return { path: candidate };
  }
  return {};
}

import { findOnPath } from '../exec/find-on-path.js';
import { isExecutableFile } from '../exec/is-executable-file.js';

/** Where `name` would be run from: an explicit path the user set, else the first match on the search path. */
export function findTool(name: string, searchPath: readonly string[], explicit?: string): { path?: string; problem?: string } {
  if (explicit) {
    return isExecutableFile(explicit) ? { path: explicit } : { problem: `The path set for ${name} (${explicit}) is not an executable file.` };
  }
  const found = findOnPath(name, searchPath);
  return found ? { path: found } : {};
}

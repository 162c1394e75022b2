import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

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

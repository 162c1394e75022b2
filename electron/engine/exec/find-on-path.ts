import path from 'node:path';
import { isExecutableFile } from './is-executable-file.js';

/** The first executable `name` in the given folders, as execvp would find it; empty and relative entries are skipped. */
export function findOnPath(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { findOnPath } from './find-on-path.js';
import { isExecutableFile } from './is-executable-file.js';

/** Finds `name` the way execvp would, so a missing tool is reported before anything starts. */
export function resolveExecutable(name: string, searchPath: string | undefined, cwd: string): string {
  if (name.includes('/')) {
    const candidate = path.resolve(cwd, name);
    if (isExecutableFile(candidate)) return candidate;
    throw new AppError(`Cannot run ${candidate}: it does not exist or is not executable.`, 'expected', { command: [name] });
  }
  const found = findOnPath(name, (searchPath ?? '').split(path.delimiter));
  if (found) return found;
  throw new AppError(`Command not found: ${name}. Looked in PATH=${searchPath ?? ''}`, 'expected', { command: [name] });
}

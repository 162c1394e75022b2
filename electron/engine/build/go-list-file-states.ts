import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { goFileHeader } from '../../../shared/build/go-file-header.js';
import { isModuleFile, type GoListFileState } from '../../../shared/build/go-list-key.js';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * How each changed file of the checkout (tracked and changed, or untracked, as git status lists
 * them) can bear on what go list answers (see GoListFileState). A tracked file that is not Go and not
 * a module file and is still a regular file is left out: only its content changed, and go list reads no
 * such content. Read from the working tree, one file at a time, only the changed ones.
 */
export async function goListFileStates(checkout: string, changes: { dirty: readonly string[]; untracked: readonly string[] }): Promise<Record<string, GoListFileState>> {
  const states: Record<string, GoListFileState> = {};
  const untracked = new Set(changes.untracked);
  for (const file of [...changes.dirty, ...changes.untracked]) {
    const full = path.join(checkout, file);
    const info = await lstat(full).catch(() => undefined);
    if (!info) {
      states[file] = { kind: 'deleted' };
    } else if (file.endsWith('.go')) {
      const text = info.isFile() ? await readFile(full, 'utf8') : `not a file: ${info.mode}`;
      states[file] = { kind: 'go-header', hash: sha256(goFileHeader(text)) };
    } else if (isModuleFile(file)) {
      states[file] = { kind: 'module-file', hash: info.isFile() ? sha256(await readFile(full)) : `not a file: ${info.mode}` };
    } else if (untracked.has(file) || !info.isFile()) {
      states[file] = { kind: 'new' };
    }
  }
  return states;
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintMaterial } from '../../../shared/build/fingerprint-material.js';
import type { StepContext } from '../steps/step.js';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

async function contentHash(file: string): Promise<string> {
  return readFile(file).then(sha256, () => 'deleted');
}

/** Whether `file` lies in one of `dirs` (a folder counts with everything below it; "." is the whole tree). */
function within(file: string, dirs: readonly string[] | undefined): boolean {
  if (!dirs) return true;
  return dirs.some((dir) => dir === '.' || file === dir || file.startsWith(`${dir}/`));
}

export interface FingerprintSource {
  checkout: string;
  argv: readonly string[];
  /** Folders the artefact is built from; undefined means the whole tree. */
  dirs?: readonly string[];
  changedFiles: readonly string[];
  tools: Record<string, string>;
}

/**
 * What an artefact would be built from right now, as one hash: git tree hashes at HEAD of its folders,
 * the working-tree content of changed and untracked files among them, go.mod, go.sum, .go-version,
 * the build command and the tool versions.
 */
export async function artefactFingerprint(context: StepContext, source: FingerprintSource): Promise<string> {
  const git = (...args: string[]) => context.run({ argv: ['git', '-C', source.checkout, ...args] }, { terminal: 'pipe' });
  const trees: Record<string, string> = {};
  if (!source.dirs || source.dirs.includes('.')) {
    trees['.'] = (await git('rev-parse', 'HEAD^{tree}')).stdout.trim();
  } else if (source.dirs.length > 0) {
    // One ls-tree for all folders: "<mode> tree <hash>\t<path>" for each one that exists at HEAD.
    const listing = (await git('ls-tree', '-z', 'HEAD', '--', ...source.dirs)).stdout;
    for (const entry of listing.split('\0')) {
      const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (match?.[3]) trees[match[3]] = `${match[1]}:${match[2]}`;
    }
  }
  const changes: Record<string, string> = {};
  for (const file of source.changedFiles.filter((f) => within(f, source.dirs))) changes[file] = await contentHash(path.join(source.checkout, file));
  const buildFiles: Record<string, string> = {};
  for (const file of ['go.mod', 'go.sum', '.go-version']) buildFiles[file] = await contentHash(path.join(source.checkout, file));
  return sha256(fingerprintMaterial({ argv: source.argv, tools: source.tools, trees, changes, buildFiles }));
}

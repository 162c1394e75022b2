import { createHash } from 'node:crypto';
import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintMaterial } from '../../../shared/build/fingerprint-material.js';
import { folderOf, type GoPackage } from '../../../shared/build/go-package.js';
import { packageOfFile } from '../../../shared/build/package-of-file.js';
import { treeBuildFiles } from '../../../shared/build/rebuild-cause.js';
import type { StepContext } from '../steps/step.js';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

async function contentHash(file: string): Promise<string> {
  return readFile(file).then(sha256, () => 'deleted');
}

/**
 * The id git gives a file's content now (`git hash-object` without filters): the same as its blob
 * at HEAD when it is unchanged, so committing what was built does not make it look changed.
 */
async function workingBlobId(file: string): Promise<string> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return 'deleted';
  const data = info.isSymbolicLink() ? Buffer.from(await readlink(file)) : await readFile(file);
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

export interface FingerprintSource {
  checkout: string;
  argv: readonly string[];
  /** The packages the artefact is built from; undefined means the whole tree. */
  packages?: readonly GoPackage[];
  changedFiles: readonly string[];
  tools: Record<string, string>;
  /** headFilesOf(packages), when already known for this HEAD (a cached answer); read with git otherwise. */
  headFiles?: Record<string, string>;
}

/**
 * git's blob id at HEAD of each file directly in one of the package folders (not in sub-folders:
 * those are other packages, in the deps or not) and of each file a package embeds.
 */
export async function headFilesOf(context: StepContext, checkout: string, packages: readonly GoPackage[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  if (packages.length === 0) return files;
  const folders = new Set(packages.map((p) => p.dir));
  const embeds = new Set(packages.flatMap((p) => p.embeds));
  // "dir/" lists that folder's entries, sub-folders as tree entries, which are left out; a file
  // named outright (an embedded one) is listed as itself. kubernetes' e2e.test has about 3,000
  // package folders: one command for all of them, well inside the argument limit.
  const pathspecs = [...[...folders].map((dir) => (dir === '.' ? './' : `${dir}/`)), ...embeds];
  const listing = (await context.run({ argv: ['git', '-C', checkout, '--literal-pathspecs', 'ls-tree', '-z', 'HEAD', '--', ...pathspecs] }, { terminal: 'pipe', shows: 'summary' })).stdout;
  for (const entry of listing.split('\0')) {
    const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match?.[3] || match[1] === 'tree') continue;
    if (folders.has(folderOf(match[3])) || embeds.has(match[3])) files[match[3]] = match[2] as string;
  }
  return files;
}

/**
 * What an artefact would be built from right now, as one hash. For a Go artefact: the content of
 * each file directly in one of its package folders (not in sub-folders: those are other packages,
 * in its deps or not) and of each file a package embeds, changed or untracked ones as they are in
 * the working tree; go.mod, go.sum, .go-version; the build command and the tool versions. For the
 * whole tree: HEAD's tree hash and the content of every changed file.
 */
export async function artefactFingerprint(context: StepContext, source: FingerprintSource): Promise<string> {
  const git = (...args: string[]) => context.run({ argv: ['git', '-C', source.checkout, '--literal-pathspecs', ...args] }, { terminal: 'pipe', shows: 'summary' });
  const files: Record<string, string> = {};
  const changes: Record<string, string> = {};
  if (!source.packages) {
    files['.'] = (await git('rev-parse', 'HEAD^{tree}')).stdout.trim();
    for (const file of source.changedFiles) changes[file] = await contentHash(path.join(source.checkout, file));
  } else if (source.packages.length > 0) {
    Object.assign(files, source.headFiles ?? (await headFilesOf(context, source.checkout, source.packages)));
    for (const file of source.changedFiles) {
      if (packageOfFile(file, source.packages)) files[file] = await workingBlobId(path.join(source.checkout, file));
    }
  }
  const buildFiles: Record<string, string> = {};
  for (const file of treeBuildFiles) buildFiles[file] = await contentHash(path.join(source.checkout, file));
  return sha256(fingerprintMaterial({ argv: source.argv, tools: source.tools, trees: files, changes, buildFiles }));
}

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { binaryRunsOn } from '../../../shared/binary/binary-runs-on.js';
import { binaryLocations } from '../../../shared/build/binary-locations.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { nodeImageCommands, schedulerOnlyVerdict, type HotSwapVerdict } from '../../../shared/kind/hot-swap.js';
import { describeBinary } from '../../../shared/toolchain/describe-binary.js';
import type { StepContext } from '../steps/step.js';
import { readBinaryHeader } from '../tools/read-binary-header.js';
import type { ArtefactRecord } from './build-records.js';
import { goPackages, packageFolders } from './go-packages.js';

/** Content hashes of the uncommitted files of a tree, as recorded with a node image. */
export async function changeHashes(checkout: string, files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) out[file] = await readFile(path.join(checkout, file)).then((data) => createHash('sha256').update(data).digest('hex'), () => 'deleted');
  return out;
}

/** The files that differ between the tree a record was built from and the tree now. */
export async function filesChangedSince(context: StepContext, checkout: string, source: NonNullable<ArtefactRecord['source']>, commit: string, now: Record<string, string>): Promise<string[]> {
  const changed = new Set<string>();
  if (source.commit !== commit) {
    const diff = await context.run({ argv: ['git', '-C', checkout, 'diff', '--name-only', source.commit, commit] }, { terminal: 'pipe', acceptExitCodes: [0, 128] });
    if (diff.exitCode !== 0) return ['(history rewritten)'];
    for (const file of diff.stdout.split('\n').filter(Boolean)) changed.add(file);
  }
  for (const file of new Set([...Object.keys(now), ...Object.keys(source.changes)])) {
    if (now[file] !== source.changes[file]) changed.add(file);
  }
  return [...changed].sort();
}

/**
 * Whether `files` can be hot-swapped: decided from `go list -deps` of ./cmd/kube-scheduler and of
 * the node image's other commands (those the checkout has), never from path prefixes. When go list
 * cannot read the tree (a syntax error in a changed file, say), the answer is no: the node image is
 * rebuilt and its build reports the real error.
 */
export async function schedulerOnlyChange(context: StepContext, checkout: string, files: readonly string[], env: Record<string, string | undefined>): Promise<HotSwapVerdict> {
  if (files.length === 0) return schedulerOnlyVerdict(files, { scheduler: [], nodeImage: [] });
  const present: string[] = [];
  for (const command of nodeImageCommands) if ((await stat(path.join(checkout, command)).catch(() => undefined))?.isDirectory()) present.push(command);
  try {
    const scheduler = packageFolders(await goPackages(context, checkout, ['./cmd/kube-scheduler'], env));
    const nodeImage = present.length > 0 ? packageFolders(await goPackages(context, checkout, present, env)) : [];
    return schedulerOnlyVerdict(files, { scheduler, nodeImage });
  } catch (error) {
    return { schedulerOnly: false, reason: `go list could not tell which binaries the change is in (${(error as Error).message})` };
  }
}

/** Builds kube-scheduler for the node's platform (linux/<arch>) and checks the binary is one. */
export async function buildSchedulerForNode(context: StepContext, checkout: string, arch: string, env: Record<string, string | undefined>): Promise<ArtefactRecord['outputs']> {
  await context.run({ argv: ['make', 'all', 'WHAT=cmd/kube-scheduler', `KUBE_BUILD_PLATFORMS=linux/${arch}`], cwd: checkout, env });
  let newest: { path: string; mtime: number } | undefined;
  for (const candidate of binaryLocations('kube-scheduler', 'linux', arch).filter((p) => !p.startsWith('_output/bin/'))) {
    const info = await stat(path.join(checkout, candidate)).catch(() => undefined);
    if (info?.isFile() && (!newest || info.mtimeMs > newest.mtime)) newest = { path: candidate, mtime: info.mtimeMs };
  }
  if (!newest) throw new AppError(`The build finished but left no linux/${arch} kube-scheduler under _output.`);
  const header = await readBinaryHeader(path.join(checkout, newest.path));
  const runs = binaryRunsOn(header, { os: 'linux', arch });
  if (!runs.ok) throw new AppError(`${newest.path} is ${describeBinary(header)}, not linux/${arch}: ${runs.reason}`);
  return [{ path: newest.path, binary: describeBinary(header) }];
}

import { z } from 'zod';
import type { GoPackage } from './go-package.js';
import { importChain } from './import-chain.js';
import { packageOfFile } from './package-of-file.js';

/** Files every package of the tree is built with: a change in one touches every artefact. */
export const treeBuildFiles = ['go.mod', 'go.sum', '.go-version'] as const;

/** A changed file that makes an artefact be rebuilt, and the package of its deps that links them. */
export const RebuildCauseSchema = z.object({
  file: z.string(),
  /** The folder of the package the file belongs to; absent for go.mod, go.sum and .go-version. */
  package: z.string().optional(),
  /** Folders from the artefact's own package to that package, each importing the next. */
  via: z.array(z.string()),
});
export type RebuildCause = z.infer<typeof RebuildCauseSchema>;

/** Which of `files` (changed since the last build) an artefact built from `packages` is built from, and through what. */
export function rebuildCauses(files: readonly string[], packages: readonly GoPackage[]): RebuildCause[] {
  const causes: RebuildCause[] = [];
  for (const file of files) {
    if ((treeBuildFiles as readonly string[]).includes(file)) {
      causes.push({ file, via: [] });
      continue;
    }
    const owner = packageOfFile(file, packages);
    if (owner) causes.push({ file, package: owner.dir, via: importChain(packages, owner.id) });
  }
  return causes;
}

/** One sentence for a cause, e.g. "pkg/scheduler/scheduler.go (pkg/scheduler, reached test/e2e → pkg/kubelet → pkg/scheduler)". */
export function describeCause(cause: RebuildCause): string {
  if (!cause.package) return `${cause.file} (every package is built with it)`;
  return cause.via.length > 1 ? `${cause.file} (in ${cause.package}, through ${cause.via.join(' → ')})` : `${cause.file} (in ${cause.package})`;
}

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { GoPackage } from '../../../shared/build/go-package.js';
import { writeTextAtomic } from '../store/json-file.js';

const GoPackageSchema = z.object({ id: z.string(), dir: z.string(), imports: z.array(z.string()), embeds: z.array(z.string()), root: z.boolean() });

const EntrySchema = z.object({
  /** The go list key (shared/build/go-list-key.ts) the answer holds for, as a hash. */
  key: z.string(),
  /** The packages the artefact is built from, as go list named them (imports kept only among them). */
  packages: z.array(GoPackageSchema),
  /** How many of `packages`, from the start, go build compiles (the rest are go test -c's). */
  goBuilt: z.number().int().nonnegative(),
  /** git's blob id at HEAD of each file of those package folders and of each embedded file (git ls-tree). */
  headFiles: z.record(z.string(), z.string()),
});
export type PackageCacheEntry = z.infer<typeof EntrySchema>;

const CacheSchema = z.object({ checkout: z.string(), artefacts: z.record(z.string(), EntrySchema) });

/**
 * What go list and git ls-tree last answered for each artefact of a checkout, under the key they
 * answered for, in the data folder beside the build records. It is only a cache: a file that cannot
 * be read is taken as empty and rewritten, and an entry is used only when its key is the one asked for.
 */
export class PackageCache {
  private constructor(
    private readonly file: string,
    private cache: z.infer<typeof CacheSchema>,
  ) {}

  static async open(dataDir: string, checkout: string): Promise<PackageCache> {
    const dir = path.join(dataDir, 'builds');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${createHash('sha256').update(checkout).digest('hex').slice(0, 16)}.packages.json`);
    const empty = { checkout, artefacts: {} };
    const parsed = CacheSchema.safeParse(await readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown, () => undefined));
    return new PackageCache(file, parsed.success && parsed.data.checkout === checkout ? parsed.data : empty);
  }

  get(artefact: string, key: string): PackageCacheEntry | undefined {
    const entry = this.cache.artefacts[artefact];
    return entry?.key === key ? entry : undefined;
  }

  async put(artefact: string, entry: PackageCacheEntry): Promise<void> {
    this.cache.artefacts[artefact] = entry;
    await writeTextAtomic(this.file, JSON.stringify(this.cache));
  }
}

/** The packages with their imports cut to those among them: all an import chain follows, and much smaller. */
export function withinImports(packages: readonly GoPackage[]): GoPackage[] {
  const ids = new Set(packages.map((p) => p.id));
  return packages.map((p) => ({ ...p, imports: p.imports.filter((id) => ids.has(id)) }));
}

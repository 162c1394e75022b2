import path from 'node:path';
import type { GoPackage } from '../../../shared/build/go-package.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepContext } from '../steps/step.js';

// One line per package outside the standard library: id, folder, imports, embedded files, whether it
// was named on the command line. Tabs cannot occur in import paths; \x1f separates file names.
// The fields are cmd/go's (go help list: ImportPath, Dir, Imports, EmbedFiles, DepOnly, Standard).
const template = '{{if not .Standard}}{{.ImportPath}}\t{{.Dir}}\t{{join .Imports "\\x1f"}}\t{{join .EmbedFiles "\\x1f"}}\t{{.DepOnly}}{{end}}';

const list = (field: string | undefined): string[] => (field ? field.split('\x1f').filter(Boolean) : []);

/**
 * The packages inside the checkout that `packages` are built from, dependencies included, from
 * `go list -deps`. With `tests`, as `go test -c` builds them: `-test` adds each package's test files
 * and what only they import (test/e2e/e2e_test.go is what imports every e2e suite).
 */
export async function goPackages(context: StepContext, checkout: string, packages: readonly string[], env: Record<string, string | undefined>, tests = false): Promise<GoPackage[]> {
  const out = await context.run(
    { argv: ['go', 'list', '-deps', ...(tests ? ['-test'] : []), '-f', template, ...packages], cwd: checkout, env },
    { terminal: 'pipe', shows: 'summary', acceptExitCodes: [0, 1] },
  );
  if (out.exitCode !== 0) throw new AppError(`go list could not read the packages ${packages.join(' ')}: ${out.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const found: GoPackage[] = [];
  for (const line of out.stdout.split('\n')) {
    const [id, dir, imports, embeds, depOnly] = line.split('\t');
    if (!id || !dir) continue;
    const relative = path.relative(checkout, dir);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const folder = relative === '' ? '.' : relative.split(path.sep).join('/');
    const embedded = list(embeds).map((file) => (folder === '.' ? file : `${folder}/${file}`));
    found.push({ id, dir: folder, imports: list(imports), embeds: embedded, root: depOnly === 'false' });
  }
  return found;
}

/** The package folders of `found`, sorted, each once. */
export const packageFolders = (found: readonly GoPackage[]): string[] => [...new Set(found.map((p) => p.dir))].sort();

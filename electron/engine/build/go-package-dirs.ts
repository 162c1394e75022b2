import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepContext } from '../steps/step.js';

/**
 * The folders inside the checkout that a set of Go packages is built from, their dependencies
 * included, from `go list -deps` (standard library and module cache left out). Relative, sorted.
 */
export async function goPackageDirs(context: StepContext, checkout: string, packages: readonly string[], env: Record<string, string | undefined>): Promise<string[]> {
  const out = await context.run(
    { argv: ['go', 'list', '-deps', '-f', '{{if not .Standard}}{{.Dir}}{{end}}', ...packages], cwd: checkout, env },
    { terminal: 'pipe', acceptExitCodes: [0, 1] },
  );
  if (out.exitCode !== 0) throw new AppError(`go list could not read the packages ${packages.join(' ')}: ${out.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const dirs = new Set<string>();
  for (const line of out.stdout.split('\n')) {
    const dir = line.trim();
    if (!dir) continue;
    const relative = path.relative(checkout, dir);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) dirs.add(relative === '' ? '.' : relative);
  }
  return [...dirs].sort();
}

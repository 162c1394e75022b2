import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { goModModule } from '../../../shared/source/go-mod-module.js';
import type { SourceFacts } from '../../../shared/source/source-facts.js';
import type { StepContext } from '../steps/step.js';

/** Why a folder is not a Kubernetes checkout, or undefined when it is one. */
export async function checkoutProblem(dir: string): Promise<string | undefined> {
  let goMod: string;
  try {
    goMod = await readFile(path.join(dir, 'go.mod'), 'utf8');
  } catch {
    return `${dir} has no go.mod, so it is not a Kubernetes checkout.`;
  }
  const module = goModModule(goMod);
  if (module !== 'k8s.io/kubernetes') return `${path.join(dir, 'go.mod')} declares module ${module ?? '(none)'}, not k8s.io/kubernetes.`;
  return undefined;
}

/**
 * The checkout to build: the folder the user picked, else the places kind looks, in kind's order:
 * the working directory, then $GOPATH/src/k8s.io/kubernetes and $GOPATH/src/github.com/kubernetes/kubernetes
 * for each GOPATH entry.
 */
export async function locateCheckout(context: StepContext): Promise<{ dir: string; foundBy: SourceFacts['foundBy'] }> {
  const picked = context.settings.sourceDir.trim();
  if (picked) {
    const dir = path.resolve(picked);
    const problem = await checkoutProblem(dir);
    if (problem) throw new AppError(problem);
    return { dir, foundBy: 'picked' };
  }
  const candidates: Array<{ dir: string; foundBy: SourceFacts['foundBy'] }> = [{ dir: process.cwd(), foundBy: 'working-directory' }];
  const gopath = await context.run({ argv: ['go', 'env', 'GOPATH'] }, { terminal: 'pipe', acceptExitCodes: [0, 1, 127] }).catch(() => undefined);
  for (const entry of (gopath?.stdout.trim() ?? '').split(path.delimiter).filter(Boolean)) {
    candidates.push({ dir: path.join(entry, 'src', 'k8s.io', 'kubernetes'), foundBy: 'gopath' });
    candidates.push({ dir: path.join(entry, 'src', 'github.com', 'kubernetes', 'kubernetes'), foundBy: 'gopath' });
  }
  for (const candidate of candidates) {
    if (!(await checkoutProblem(candidate.dir))) return candidate;
  }
  throw new AppError(`No Kubernetes checkout found. Looked in: ${candidates.map((c) => c.dir).join(', ')}. Clone it with: git clone https://github.com/kubernetes/kubernetes "$(go env GOPATH)/src/k8s.io/kubernetes", or pick its folder.`);
}

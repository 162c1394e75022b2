import { createHash } from 'node:crypto';
import type { BuildArtefact } from '../../../shared/build/build-artefact.js';
import type { GoPackage } from '../../../shared/build/go-package.js';
import { goListKeyMaterial, type GoListFileState } from '../../../shared/build/go-list-key.js';
import type { StepContext } from '../steps/step.js';
import { headFilesOf } from './artefact-fingerprint.js';
import { goPackages } from './go-packages.js';
import { withinImports, type PackageCache } from './package-cache.js';

export interface ArtefactPackages {
  /** The packages it is built from (its test packages as go test -c builds them); undefined for the whole tree. */
  packages?: GoPackage[];
  /** Those go build compiles (the others are go test -c's). */
  goBuilt?: GoPackage[];
  /** git's blob ids at HEAD of the files of those packages (headFilesOf). */
  headFiles?: Record<string, string>;
  /** Whether go list and git ls-tree ran, or a cached answer held. */
  listed: boolean;
}

export interface PackageQuestion {
  checkout: string;
  /** HEAD's commit. */
  head: string;
  /** The environment go list runs with (GOTOOLCHAIN, GOMODCACHE) over the app's own. */
  env: Record<string, string | undefined>;
  /** The go version go list runs as (the one on the search path). */
  goVersion: string;
  /** How each changed file bears on go list's answer (goListFileStates). */
  files: Record<string, GoListFileState>;
}

/** Every variable go list runs with that can change its answer: GOOS, GOARCH, GOFLAGS (-tags), CGO_ENABLED, GOTOOLCHAIN, GOWORK, GOEXPERIMENT… */
function goEnvironment(env: Record<string, string | undefined>, goVersion: string): Record<string, string> {
  const seen: Record<string, string> = { 'go version': goVersion };
  for (const [name, value] of Object.entries({ ...process.env, ...env })) {
    if (value !== undefined && /^(GO|CGO_)/.test(name)) seen[name] = value;
  }
  return seen;
}

/**
 * The Go packages an artefact is built from, from `go list -deps` (with -test for its test
 * packages), and the blob ids of their files at HEAD; or, when nothing go list reads changed since
 * it last answered (same HEAD, same environment, the same changed files with the same headers:
 * shared/build/go-list-key.ts), that answer, without running anything.
 */
export async function artefactPackages(context: StepContext, artefact: BuildArtefact, question: PackageQuestion, cache: PackageCache): Promise<ArtefactPackages> {
  if (!artefact.goPackages) return { listed: false };
  const tests = artefact.testPackages ?? [];
  const plain = artefact.goPackages.filter((p) => !tests.includes(p));
  const invocations = [...(plain.length > 0 ? [{ patterns: plain, tests: false }] : []), ...(tests.length > 0 ? [{ patterns: tests, tests: true }] : [])];
  const material = goListKeyMaterial({ head: question.head, invocations, goEnv: goEnvironment(question.env, question.goVersion), files: question.files });
  const key = createHash('sha256').update(material).digest('hex');
  const hit = cache.get(artefact.id, key);
  if (hit) return { packages: hit.packages, goBuilt: hit.packages.slice(0, hit.goBuilt), headFiles: hit.headFiles, listed: false };

  const goBuilt = plain.length > 0 ? await goPackages(context, question.checkout, plain, question.env) : [];
  const packages = withinImports(tests.length > 0 ? [...goBuilt, ...(await goPackages(context, question.checkout, tests, question.env, true))] : goBuilt);
  const headFiles = await headFilesOf(context, question.checkout, packages);
  await cache.put(artefact.id, { key, packages, goBuilt: goBuilt.length, headFiles });
  return { packages, goBuilt: packages.slice(0, goBuilt.length), headFiles, listed: true };
}

import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { builtOutput } from '../build/built-output.js';
import { findOnPath } from '../exec/find-on-path.js';
import { isExecutableFile } from '../exec/is-executable-file.js';

/** Where the kubectl for the specs came from, said in the step's output and kept in the run's argv. */
export type KubectlSource = 'built' | 'beside e2e.test' | 'search path';

export interface TestBinaries {
  e2eTest: string;
  /** The ginkgo CLI built beside it, needed for parallel runs. */
  ginkgo?: string;
  /** The kubectl the specs shell out to (e2e.test's --kubectl-path); undefined when there is none at all. */
  kubectl?: { path: string; source: KubectlSource };
  /**
   * The folder of the built binaries, to put first on the run's PATH as kind's hack/ci/e2e-k8s.sh
   * puts _output/bin; undefined when the kubectl is the one on the search path.
   */
  binDir?: string;
}

/**
 * The e2e.test to run: a path set in settings (toolPaths['e2e-test']), else the one the Build step
 * made, with its ginkgo. The kubectl: the one the Build step made with it (or the one beside an
 * e2e.test set in settings), else the kubectl on the search path (a kubectl path set in settings
 * first), so the specs never run whatever kubectl happens to be first on PATH when one was built.
 */
export async function locateTestBinaries(settings: Settings, dataDir: string, searchPath: readonly string[] = []): Promise<TestBinaries> {
  const explicit = settings.toolPaths['e2e-test'];
  const e2eTest = explicit || (await builtOutput(settings, dataDir, 'test-binaries', 'e2e.test'));
  if (!e2eTest) throw new AppError('There is no built e2e.test yet: pick the checkout (Source) and run the Build step first.');
  const ginkgo = settings.toolPaths.ginkgo || (await builtOutput(settings, dataDir, 'test-binaries', 'ginkgo'));

  const built = explicit ? undefined : await builtOutput(settings, dataDir, 'test-binaries', 'kubectl');
  const beside = explicit ? path.join(path.dirname(explicit), 'kubectl') : undefined;
  let kubectl: TestBinaries['kubectl'] | undefined;
  if (built && isExecutableFile(built)) kubectl = { path: built, source: 'built' };
  else if (beside && isExecutableFile(beside)) kubectl = { path: beside, source: 'beside e2e.test' };
  if (kubectl) return { e2eTest, ginkgo, kubectl, binDir: path.dirname(kubectl.path) };

  const onPath = settings.toolPaths.kubectl || findOnPath('kubectl', searchPath);
  return { e2eTest, ginkgo, kubectl: onPath ? { path: onPath, source: 'search path' } : undefined };
}

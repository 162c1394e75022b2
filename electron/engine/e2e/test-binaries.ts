import { AppError } from '../../../shared/errors/app-error.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { builtOutput } from '../build/built-output.js';

export interface TestBinaries {
  e2eTest: string;
  /** The ginkgo CLI built beside it, needed for parallel runs. */
  ginkgo?: string;
}

/** The e2e.test to run: a path set in settings (toolPaths['e2e-test']), else the one the Build step made, with its ginkgo. */
export async function locateTestBinaries(settings: Settings, dataDir: string): Promise<TestBinaries> {
  const e2eTest = settings.toolPaths['e2e-test'] || (await builtOutput(settings, dataDir, 'test-binaries', 'e2e.test'));
  if (!e2eTest) throw new AppError('There is no built e2e.test yet: pick the checkout (Source) and run the Build step first.');
  return { e2eTest, ginkgo: settings.toolPaths.ginkgo || (await builtOutput(settings, dataDir, 'test-binaries', 'ginkgo')) };
}

import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { BuildRecords } from '../build/build-records.js';

export interface TestBinaries {
  e2eTest: string;
  /** The ginkgo CLI built beside it, needed for parallel runs. */
  ginkgo?: string;
}

/** The e2e.test to run: a path set in settings (toolPaths['e2e-test']), else the one the Build step made, with its ginkgo. */
export async function locateTestBinaries(settings: Settings, dataDir: string): Promise<TestBinaries> {
  const checkout = settings.sourceDir.trim() ? path.resolve(settings.sourceDir.trim()) : undefined;
  const outputs = checkout ? ((await BuildRecords.open(dataDir, checkout)).records.get('test-binaries')?.outputs ?? []) : [];
  const built = (name: string): string | undefined => {
    const output = outputs.find((o) => path.basename(o.path) === name);
    return output && checkout ? path.join(checkout, output.path) : undefined;
  };
  const e2eTest = settings.toolPaths['e2e-test'] || built('e2e.test');
  if (!e2eTest) throw new AppError('There is no built e2e.test yet: pick the checkout (Source) and run the Build step first.');
  return { e2eTest, ginkgo: settings.toolPaths.ginkgo || built('ginkgo') };
}

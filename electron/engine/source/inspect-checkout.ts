import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGitStatus } from '../../../shared/source/parse-git-status.js';
import type { SourceFacts } from '../../../shared/source/source-facts.js';
import { toolchainPlan } from '../../../shared/source/toolchain-plan.js';
import { parseToolVersion } from '../../../shared/toolchain/parse-tool-version.js';
import type { StepContext } from '../steps/step.js';

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** Branch, commit, changes, .go-version and the Go that will build it, read with real git and go. */
export async function inspectCheckout(context: StepContext, dir: string, foundBy: SourceFacts['foundBy']): Promise<SourceFacts> {
  const git = (...args: string[]) => context.run({ argv: ['git', '-C', dir, ...args] }, { terminal: 'pipe', shows: 'summary' });
  const commit = (await git('rev-parse', 'HEAD')).stdout.trim();
  const branch = (await git('rev-parse', '--abbrev-ref', 'HEAD')).stdout.trim();
  const describe = (await context.run({ argv: ['git', '-C', dir, 'describe', '--tags', '--always', '--dirty'] }, { terminal: 'pipe', acceptExitCodes: [0, 128] })).stdout.trim() || undefined;
  const status = parseGitStatus((await git('status', '--porcelain=v1', '-z', '--untracked-files=all')).stdout);
  const goVersionFile = (await readFile(path.join(dir, '.go-version'), 'utf8').catch(() => '')).trim() || undefined;
  const goOut = await context.run({ argv: ['go', 'version'], cwd: dir, env: { GOTOOLCHAIN: 'local' } }, { terminal: 'pipe', acceptExitCodes: [0, 1, 127] }).catch(() => undefined);
  const localGo = goOut ? parseToolVersion('go', goOut.stdout)?.version : undefined;
  const ginkgoV2 = 'vendor/github.com/onsi/ginkgo/v2/ginkgo';
  const ginkgoPath = (await exists(path.join(dir, ginkgoV2))) ? ginkgoV2 : 'vendor/github.com/onsi/ginkgo/ginkgo';
  return {
    dir,
    foundBy,
    branch,
    commit,
    describe,
    dirtyFiles: status.dirty,
    untrackedFiles: status.untracked,
    goVersionFile,
    localGo,
    toolchain: toolchainPlan({ goVersionFile, localGo, gotoolchain: process.env.GOTOOLCHAIN, forceHostGo: process.env.FORCE_HOST_GO }),
    ginkgoPath,
  };
}

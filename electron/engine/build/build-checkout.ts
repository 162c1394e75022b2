import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGitStatusV2 } from '../../../shared/build/git-status-v2.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { SourceFacts } from '../../../shared/source/source-facts.js';
import { toolchainPlan } from '../../../shared/source/toolchain-plan.js';
import { parseToolVersion } from '../../../shared/toolchain/parse-tool-version.js';
import type { StepContext } from '../steps/step.js';

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** What the Build step reads of the checkout; `describe` runs only when asked (a node image records it). */
export type BuildCheckout = Pick<SourceFacts, 'commit' | 'dirtyFiles' | 'untrackedFiles' | 'localGo' | 'toolchain' | 'ginkgoPath'> & { describe(): Promise<string | undefined> };

/**
 * The checkout's commit and changes from one git command, `git status --porcelain=v2 -z --branch
 * --untracked-files=all` (git-status(1): --branch adds "# branch.oid", HEAD's commit), instead of
 * the Source step's four (rev-parse twice, describe --dirty, status): on the real tree each of
 * describe and status costs a walk over its 28,000 files. Then .go-version, `go version` and where
 * ginkgo is vendored, as the Source step reads them (electron/engine/source/inspect-checkout.ts).
 */
export async function readBuildCheckout(context: StepContext, dir: string): Promise<BuildCheckout> {
  const status = await context.run({ argv: ['git', '-C', dir, 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all'] }, { terminal: 'pipe', shows: 'summary' });
  const state = parseGitStatusV2(status.stdout);
  if (!state.commit) throw new AppError(`${dir} has no commit yet: the build names what it builds by HEAD's commit.`);
  const goVersionFile = (await readFile(path.join(dir, '.go-version'), 'utf8').catch(() => '')).trim() || undefined;
  const goOut = await context.run({ argv: ['go', 'version'], cwd: dir, env: { GOTOOLCHAIN: 'local' } }, { terminal: 'pipe', acceptExitCodes: [0, 1, 127] }).catch(() => undefined);
  const localGo = goOut ? parseToolVersion('go', goOut.stdout)?.version : undefined;
  const ginkgoV2 = 'vendor/github.com/onsi/ginkgo/v2/ginkgo';
  const ginkgoPath = (await exists(path.join(dir, ginkgoV2))) ? ginkgoV2 : 'vendor/github.com/onsi/ginkgo/ginkgo';
  const describe = async (): Promise<string | undefined> =>
    (await context.run({ argv: ['git', '-C', dir, 'describe', '--tags', '--always', '--dirty'] }, { terminal: 'pipe', acceptExitCodes: [0, 128] })).stdout.trim() || undefined;
  return {
    commit: state.commit,
    dirtyFiles: state.dirty,
    untrackedFiles: state.untracked,
    localGo,
    toolchain: toolchainPlan({ goVersionFile, localGo, gotoolchain: process.env.GOTOOLCHAIN, forceHostGo: process.env.FORCE_HOST_GO }),
    ginkgoPath,
    describe,
  };
}

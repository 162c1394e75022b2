import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepContext } from '../steps/step.js';

const kindModule = 'sigs.k8s.io/kind';

/**
 * Builds kind from source with `go install sigs.k8s.io/kind@<version>` for the hardware's GOOS/GOARCH
 * (not the go binary's own, which under Rosetta is amd64). Returns the path of the built binary.
 * Go refuses GOBIN for cross builds, so those land in $GOPATH/bin/<os>_<arch>/ instead.
 */
export async function buildKind(context: StepContext, version: string, target: { os: string; arch: string }): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const env = await context.run({ argv: ['go', 'env', 'GOOS', 'GOARCH', 'GOPATH'] }, { terminal: 'pipe' });
  const [goos, goarch, gopath] = env.stdout.trim().split('\n').map((line) => line.trim());
  if (!goos || !goarch || !gopath) throw new AppError(`Expected GOOS, GOARCH and GOPATH from go env, got: ${env.stdout.trim()}`);
  const native = goos === target.os && goarch === target.arch;
  const buildDir = await mkdtemp(path.join(context.binDir, '.kind-build-'));
  const cleanup = (): Promise<void> => rm(buildDir, { recursive: true, force: true });
  try {
    await context.run({
      argv: ['go', 'install', `${kindModule}@${version}`],
      env: { GOOS: target.os, GOARCH: target.arch, CGO_ENABLED: '0', GOBIN: native ? buildDir : undefined, GOFLAGS: '-trimpath' },
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const file = native ? path.join(buildDir, 'kind') : path.join(gopath.split(path.delimiter)[0] ?? gopath, 'bin', `${target.os}_${target.arch}`, 'kind');
  return { file, cleanup };
}

import { execFile } from 'node:child_process';
import { access, mkdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { goCommand } from './go-command.js';

const run = promisify(execFile);
export const testKindVersion = 'v0.32.0';

/** The test cache, outside the repository, reused across runs. */
export function testCacheDir(...parts: string[]): string {
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'k8s-e2e-studio-test', ...parts);
}

/**
 * The real kind release binary for this machine, built once with `go install sigs.k8s.io/kind@<version>`
 * (the build kind's own docs give for installing from source) and cached outside the repository.
 */
export async function realKind(version = testKindVersion): Promise<string> {
  const dir = testCacheDir('kind', version);
  const file = path.join(dir, 'kind');
  if (await access(file).then(() => true, () => false)) return file;
  const staging = path.join(dir, `.staging-${process.pid}`);
  await mkdir(staging, { recursive: true });
  await run(goCommand(), ['install', `sigs.k8s.io/kind@${version}`], {
    env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
    timeout: 10 * 60_000,
  });
  await rename(path.join(staging, 'kind'), file);
  return file;
}

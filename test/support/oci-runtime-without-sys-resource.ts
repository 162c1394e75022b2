import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { goCommand } from './go-command.js';
import { testCacheDir } from './real-kind.js';

const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oci-runtime-without-sys-resource');

/** The name the tests' dockerd registers the wrapper under, and makes its default runtime. */
export const runtimeWithoutSysResource = 'without-sys-resource';

/**
 * Builds the OCI runtime that works around this machine withholding CAP_SYS_RESOURCE (see its
 * main.go) for the runc at `runc`, into the test cache, keyed by its source, the runc path and the
 * Go version, so a warm run only hashes two small files.
 */
export async function ociRuntimeWithoutSysResource(runc: string): Promise<string> {
  const go = goCommand();
  const [mainGo, goMod] = await Promise.all([readFile(path.join(source, 'main.go')), readFile(path.join(source, 'go.mod'))]);
  const goVersion = (await execa(go, ['env', 'GOVERSION'])).stdout.trim();
  const key = createHash('sha256').update(mainGo).update(goMod).update(runc).update(goVersion).digest('hex').slice(0, 12);
  const dir = testCacheDir('docker-engine', 'runtime');
  const file = path.join(dir, `oci-runtime-without-sys-resource-${key}`);
  if (await access(file).then(() => true, () => false)) return file;
  await mkdir(dir, { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  try {
    await execa(go, ['build', '-trimpath', `-ldflags=-s -w -X main.runcPath=${runc}`, '-o', temp, '.'], {
      cwd: source,
      env: { CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '' },
    });
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
  return file;
}

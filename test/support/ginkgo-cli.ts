import { access, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from './go-command.js';
import { testCacheDir } from './real-kind.js';

/**
 * The ginkgo CLI at the version a Kubernetes release's e2e.test is built with (its go.mod says
 * which), built once with `go install` and cached outside the repository. Parallel runs need it.
 */
export async function ginkgoCli(kubernetes: string): Promise<string> {
  const go = goCommand();
  const { stdout } = await execa(go, ['mod', 'download', '-json', `k8s.io/kubernetes@${kubernetes}`]);
  const goMod = await readFile((JSON.parse(stdout) as { GoMod: string }).GoMod, 'utf8');
  const version = /github\.com\/onsi\/ginkgo\/v2 (v\S+)/.exec(goMod)?.[1];
  if (!version) throw new Error(`k8s.io/kubernetes ${kubernetes} does not require github.com/onsi/ginkgo/v2`);
  const dir = testCacheDir('ginkgo', version);
  const binary = path.join(dir, 'ginkgo');
  if (await access(binary).then(() => true, () => false)) return binary;
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  try {
    await execa(go, ['install', '-trimpath', '-ldflags=-s -w', `github.com/onsi/ginkgo/v2/ginkgo@${version}`], { env: { GOBIN: staging, GOFLAGS: '' } });
    await rename(staging, dir).catch(async (error: unknown) => {
      if (!(await access(binary).then(() => true, () => false))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return binary;
}

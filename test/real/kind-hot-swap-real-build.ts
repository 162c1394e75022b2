import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from '../support/go-command.js';
import { miniMakefile } from '../support/mini-kubernetes.js';
import { testCacheDir } from '../support/real-kind.js';
import { versionLdflags } from './k8s-binaries.js';
import { goBuildEnv, writeKubernetesBuildModule } from './kubernetes-build-module.js';
import { pinnedRelease } from './pinned-release.js';

/**
 * The throw-away module the harness builds the pinned release's servers in (k8s-binaries.ts):
 * the same `go get` of the same commands, so Go selects the same module versions and the Go build
 * cache the harness filled compiles nothing again. Only its go.mod and go.sum are kept (in the
 * test cache); `go build k8s.io/kubernetes/cmd/kube-scheduler` run in it builds the release's
 * kube-scheduler from the module cache.
 */
export async function schedulerBuildModule(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<string> {
  const release = pinnedRelease;
  const commands = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl'].map((name) => `k8s.io/kubernetes/cmd/${name}`);
  const wanted = [...commands.map((pkg) => `${pkg}@${release.kubernetes}`), `k8s.io/kubernetes/test/e2e@${release.kubernetes}`, `go.etcd.io/etcd/server/v3@${release.etcd}`];
  const dir = testCacheDir('k8s', release.kubernetes, `hot-swap-module-${createHash('sha256').update(JSON.stringify({ wanted, env: goBuildEnv() })).digest('hex').slice(0, 10)}`);
  if (await exists(path.join(dir, 'go.sum'))) return dir;
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  try {
    log(`preparing the kube-scheduler build module in ${dir}`);
    await writeKubernetesBuildModule(staging, release.kubernetes);
    await execa(goCommand(), ['get', ...wanted], { cwd: staging, env: { ...process.env, ...goBuildEnv() }, stdout: 'inherit', stderr: 'inherit' });
    await rename(staging, dir).catch(async (error: unknown) => {
      if (!(await exists(path.join(dir, 'go.sum')))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return dir;
}

/** Where go keeps its caches for this test process (the app runs make with HOME pointed elsewhere). */
export async function goCaches(): Promise<{ GOCACHE: string; GOMODCACHE: string; GOPATH: string }> {
  const { stdout } = await execa(goCommand(), ['env', '-json', 'GOCACHE', 'GOMODCACHE', 'GOPATH'], { env: { ...process.env, ...goBuildEnv() } });
  return JSON.parse(stdout) as { GOCACHE: string; GOMODCACHE: string; GOPATH: string };
}

/**
 * A stand-in for Kubernetes' Makefile in the miniature checkout (support/mini-kubernetes.ts), as
 * the Build step runs it: `make all WHAT="…" [KUBE_BUILD_PLATFORMS=<os>/<arch>]` builds each
 * target into _output/local/bin/<os>/<arch> and points _output/bin at it. cmd/kube-scheduler is the
 * real one: the pinned release's sources, built in `module` with the harness's flags
 * (versionLdflags), but stamped with `version` instead of the release's, so the running binary
 * says which build it is. Everything else is the miniature tree's own small mains.
 */
export function hotSwapMakefile(options: { module: string; version: string; go: string; caches: Record<string, string> }): string {
  const env = Object.entries({ ...goBuildEnv(), ...options.caches }).map(([key, value]) => `${key}=${shellQuote(value)}`).join(' ');
  const scheduler = `cd ${shellQuote(options.module)} && ${env} nice -n 10 ${shellQuote(options.go)} build -trimpath -ldflags=${shellQuote(versionLdflags(options.version))} -o "$(CURDIR)/$(OUT)/kube-scheduler" k8s.io/kubernetes/cmd/kube-scheduler`;
  return miniMakefile([`cmd/kube-scheduler) (${scheduler.replaceAll('$', '$$').replaceAll('$$(CURDIR)', '$(CURDIR)').replaceAll('$$(OUT)', '$(OUT)')}) ;;`]);
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

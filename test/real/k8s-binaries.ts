import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from '../support/go-command.js';
import { testCacheDir } from '../support/real-kind.js';
import { goBuildEnv, writeKubernetesBuildModule } from './kubernetes-build-module.js';
import { writeKwokStages } from './kwok-stages.js';
import { pinnedRelease } from './pinned-release.js';

export interface K8sBinaries {
  dir: string;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kubectl: string;
  kwok: string;
  e2eTest: string;
  /** kwok's own "fast" stages (node and pod lifecycles) from its module at the pinned version, for `kwok --config`. */
  kwokStages: string;
}

type Release = { kubernetes: string; etcd: string; kwok: string };

const names = {
  etcd: 'etcd',
  kubeApiserver: 'kube-apiserver',
  kubeControllerManager: 'kube-controller-manager',
  kubeScheduler: 'kube-scheduler',
  kubectl: 'kubectl',
  kwok: 'kwok',
  e2eTest: 'e2e.test',
  kwokStages: 'kwok-stages.yaml',
} as const;

/**
 * The pinned release's binaries, built from Go modules the first time and cached outside the
 * repository under testCacheDir('k8s', <kubernetes version>, <recipe>). Everything is built into
 * a staging folder that is renamed into place only when complete, so an interrupted build leaves
 * nothing that looks usable. A cold build takes a long while (see test/real/README.md); later
 * calls only check that the folder is there.
 */
export async function k8sBinaries(options: { release?: Release; log?: (line: string) => void } = {}): Promise<K8sBinaries> {
  const release = options.release ?? pinnedRelease;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = testCacheDir('k8s', release.kubernetes, recipeOf(release));
  const result = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, path.join(dir, name)])) as Omit<K8sBinaries, 'dir'>;
  if (await exists(dir)) return { dir, ...result };

  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  const module = await mkdtemp(path.join(os.tmpdir(), 'studio-k8s-build-'));
  const started = Date.now();
  try {
    log(`building Kubernetes ${release.kubernetes}, etcd ${release.etcd} and kwok ${release.kwok} from Go modules into ${dir} (a cold build takes about 10 minutes on 2 cores)`);
    await writeKubernetesBuildModule(module, release.kubernetes);
    const go = (args: string[]): Promise<unknown> =>
      execa(goCommand(), args, { cwd: module, env: goBuildEnv(), stdout: 'inherit', stderr: 'inherit' });

    const commands = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl'].map((name) => `k8s.io/kubernetes/cmd/${name}`);
    // go get records every module the build needs in go.mod/go.sum; etcd's server module has its
    // own main package, at the version this Kubernetes release was tested with.
    await go(['get', ...commands.map((pkg) => `${pkg}@${release.kubernetes}`), `k8s.io/kubernetes/test/e2e@${release.kubernetes}`, `go.etcd.io/etcd/server/v3@${release.etcd}`]);
    const flags = ['-trimpath', `-ldflags=${versionLdflags(release.kubernetes)}`];
    await go(['build', ...flags, '-o', `${staging}${path.sep}`, ...commands]);
    await go(['build', ...flags, '-o', path.join(staging, names.etcd), 'go.etcd.io/etcd/server/v3']);
    log(`  servers and kubectl built after ${minutes(started)}`);
    // vet is for people changing the code; here it would only add minutes.
    await go(['test', '-c', '-vet=off', ...flags, '-o', path.join(staging, names.e2eTest), 'k8s.io/kubernetes/test/e2e']);
    log(`  e2e.test built after ${minutes(started)}`);
    // kwok's own go.mod has no replace directives, so `go install pkg@version` builds exactly its pinned graph.
    await execa(goCommand(), ['install', '-trimpath', '-ldflags=-s -w', `sigs.k8s.io/kwok/cmd/kwok@${release.kwok}`], {
      env: { ...goBuildEnv(), GOFLAGS: '', GOBIN: staging },
      stdout: 'inherit',
      stderr: 'inherit',
    });
    await writeKwokStages(release.kwok, path.join(staging, names.kwokStages));
    log(`  kwok built; everything took ${minutes(started)}`);
    try {
      await rename(staging, dir);
    } catch (error) {
      // Another run finished the same build first; theirs is as good as ours.
      if (!(await exists(dir))) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(module, { recursive: true, force: true });
  }
  return { dir, ...result };
}

/**
 * The -X flags Kubernetes' own build (hack/lib/version.sh) sets, so that the servers, kubectl
 * and e2e.test report the release's version instead of v0.0.0-master, and strip symbols.
 */
export function versionLdflags(kubernetes: string): string {
  const [major = '1', minor = '0'] = kubernetes.replace(/^v/, '').split('.');
  const flags = ['-s', '-w'];
  for (const pkg of ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']) {
    flags.push(`-X ${pkg}.gitVersion=${kubernetes}`, `-X ${pkg}.gitMajor=${major}`, `-X ${pkg}.gitMinor=${minor}`, `-X ${pkg}.gitTreeState=clean`);
  }
  return flags.join(' ');
}

function recipeOf(release: Release): string {
  const recipe = JSON.stringify({ release, ldflags: versionLdflags(release.kubernetes), names, cgo: 0, trimpath: true });
  return `${release.etcd}-kwok-${release.kwok}-${createHash('sha256').update(recipe).digest('hex').slice(0, 10)}`;
}

function minutes(since: number): string {
  return `${((Date.now() - since) / 60_000).toFixed(1)} min`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

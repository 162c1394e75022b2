import { chmod, cp, readdir, symlink } from 'node:fs/promises';
import { diagnose } from '../../shared/diagnosis/diagnose.js';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../shared/build/build-plan.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { goCommand } from '../support/go-command.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { tempDir } from '../support/temp-dir.js';
import { goBuildEnv } from './kubernetes-build-module.js';
import { pinnedRelease } from './pinned-release.js';

/**
 * A Kubernetes tree shaped like a release checkout, from the k8s.io/kubernetes module at the pinned
 * release: its hack/ and build/ scripts, go.mod and .go-version, the root Makefile (a link to
 * the Makefile in build/root of the repository; the module zip cannot hold links), the scripts' exec bits
 * (the module cache drops them) and a git repository tagged with the release, which
 * hack/print-workspace-status.sh reads the version from.
 */
async function releaseShapedTree(dir: string): Promise<void> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `k8s.io/kubernetes@${pinnedRelease.kubernetes}`], { env: { ...process.env, ...goBuildEnv(), GOFLAGS: '' } });
  const module = (JSON.parse(stdout) as { Dir: string }).Dir;
  for (const part of ['hack', 'build', 'go.mod', '.go-version']) await cp(path.join(module, part), path.join(dir, part), { recursive: true });
  await execa('chmod', ['-R', 'u+w', dir]);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.sh')) await chmod(path.join(entry.parentPath, entry.name), 0o755);
  }
  await symlink(path.join('build', 'root', 'Makefile'), path.join(dir, 'Makefile'));
  const git = (args: string[]) => execa('git', ['-c', 'user.name=studio-test', '-c', 'user.email=studio-test@example.invalid', ...args], { cwd: dir });
  await git(['init', '--quiet']);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '--message', `k8s.io/kubernetes ${pinnedRelease.kubernetes} build scripts`]);
  await git(['tag', '--annotate', pinnedRelease.kubernetes, '--message', pinnedRelease.kubernetes]);
}

/**
 * The Build step's node image argv (shared/build/build-plan.ts) given to the real kind v0.32.0 on the
 * tests' own Docker engine. kind's source build (pkg/build/nodeimage/internal/kube/builder_docker.go)
 * reads the version with hack/print-workspace-status.sh, then runs `make quick-release-images`, and
 * Kubernetes' dockerized build starts from its kube-cross image, which has to be pulled from
 * registry.k8s.io: with no registry, that pull is where it stops.
 */
describe(`the app's node image build through the real kind ${testKindVersion}, offline`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let kind: string;
  let work: { dir: string; remove: () => Promise<void> };

  beforeAll(async () => {
    kind = await realKind();
    lease = await acquireDockerEngine();
    engine = lease.engine;
    work = await tempDir('kind-build-source');
  }, 20 * 60_000);
  afterAll(async () => {
    await lease?.release();
    await work?.remove();
  }, 120_000);

  it("reaches kind's source build with the app's argv, and fails where Kubernetes' build pulls its kube-cross image", async () => {
    const checkout = path.join(work.dir, 'kubernetes');
    await releaseShapedTree(checkout);
    const arch = normalizeArch(os.machine());
    const plan = buildPlan({ mode: 'kind', checkout, arch, commit: 'abcdef123456', ginkgoPath: 'vendor/github.com/onsi/ginkgo/v2/ginkgo' });
    const argv = plan.find((artefact) => artefact.id === 'node-image')?.argv ?? [];
    expect(argv.slice(0, 5)).toEqual(['kind', 'build', 'node-image', '--type', 'source']);

    const result = await execa(kind, argv.slice(1), { env: engine.env, reject: false, all: true, timeout: 10 * 60_000 });
    const output = result.all ?? '';
    expect(result.exitCode, output).not.toBe(0);
    // kind took the argv: the tree as a source, its version read, and the release build started for the arch asked for.
    expect(output).toContain(`Building using source: "${checkout}"`);
    expect(output).toContain(`make -C ${checkout} quick-release-images`);
    expect(output).toContain(`KUBE_BUILD_PLATFORMS=linux/${arch}`);
    // Where it stopped: the dockerized build's image is not here and cannot be pulled.
    const crossImage = /Unable to find image '(registry\.k8s\.io\/build-image\/kube-cross:[^']+)' locally/.exec(output)?.[1];
    expect(crossImage, output).toBeDefined();
    expect(output).toMatch(/Error response from daemon: Get "https:\/\/registry\.k8s\.io\/v2\/": dial tcp: lookup registry\.k8s\.io.*(no such host|server misbehaving|i\/o timeout)/);
    expect(output).toContain('ERROR: error building node image: failed to build kubernetes: failed to build images');
    // The app explains it in plain words, naming the image it could not pull.
    const diagnosis = diagnose(output, { os: 'linux', arch }).find((d) => d.id === 'build-image-unreachable');
    expect(diagnosis?.explanation).toContain(`runs inside ${crossImage}`);
    expect(diagnosis?.title).toBe('The build image could not be pulled');
    // Nothing was built: no image of that name exists.
    const image = argv[argv.indexOf('--image') + 1] ?? '';
    expect((await execa(engine.client, ['image', 'inspect', image], { env: engine.env, reject: false })).exitCode).not.toBe(0);
  }, 15 * 60_000);
});

import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { buildCommands, runStep, standin } from './build-fixture.js';

const run = promisify(execFile);
const arch = normalizeArch(os.machine());

function artefacts(info: StepInfo): Record<string, string> {
  if (info.result?.kind !== 'build') throw new Error(`no build result: ${info.error?.message}`);
  return Object.fromEntries(info.result.build.artefacts.map((a) => [a.id, a.state]));
}

describe('the Build step on a miniature Kubernetes checkout (real git, go and make)', () => {
  const temp = useTempDir('build');
  let checkout: string;
  let dataDir: string;
  let settings: Record<string, unknown>;

  beforeEach(async () => {
    checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    settings = { sourceDir: checkout, mode: 'remote' };
  });

  const scheduler = async (): Promise<string> => (await run(path.join(checkout, '_output/bin/kube-scheduler'))).stdout.trim();
  const build = (options?: Parameters<typeof runStep>[3]) => runStep(dataDir, 'build', settings, options);

  it('remote mode builds kube-scheduler and the test binaries, then rebuilds nothing when nothing changed', async () => {
    const first = await build();
    expect(first.outcome, first.error?.message).toBe('success');
    expect(buildCommands(first)).toEqual([
      ['make', 'all', 'WHAT=cmd/kube-scheduler'],
      ['make', 'all', 'WHAT=cmd/kubectl test/e2e/e2e.test vendor/github.com/onsi/ginkgo/v2/ginkgo'],
    ]);
    expect(artefacts(first)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    if (first.result?.kind !== 'build') throw new Error('no result');
    const outputs = first.result.build.artefacts.flatMap((a) => a.outputs);
    expect(outputs.map((o) => o.path)).toEqual(['_output/bin/kube-scheduler', '_output/bin/kubectl', '_output/bin/e2e.test', '_output/bin/ginkgo']);
    expect(new Set(outputs.map((o) => o.binary))).toEqual(new Set([`${process.platform}/${arch} (ELF)`]));
    expect(await scheduler()).toBe('kube-scheduler v1.99.0-mini default-scheduler');

    const second = await build();
    expect(second.outcome).toBe('success');
    expect(buildCommands(second)).toEqual([]);
    expect(artefacts(second)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'up-to-date' });
    if (second.result?.kind !== 'build') throw new Error('no result');
    expect(second.result.build.artefacts[0]?.reason).toMatch(/^up to date: built from [0-9a-f]{12}, and nothing it is built from changed since$/);
    // The first build says so, not "(not built yet)" after its duration.
    expect(first.result?.kind === 'build' && first.result.build.artefacts.map((a) => a.reason)).toEqual([expect.stringMatching(/^built in .+: its first build from this checkout$/), expect.stringMatching(/^built in .+: its first build from this checkout$/)]);
  });

  it('a scheduler change rebuilds only kube-scheduler; reverting it rebuilds it again; an unrelated change rebuilds nothing', async () => {
    await build();
    const source = path.join(checkout, 'pkg/scheduler/scheduler.go');
    const original = await readFile(source, 'utf8');
    await writeFile(source, original.replace('default-scheduler', 'my-scheduler'));
    const changed = await build();
    expect(buildCommands(changed)).toEqual([['make', 'all', 'WHAT=cmd/kube-scheduler']]);
    expect(artefacts(changed)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    expect(await scheduler()).toBe('kube-scheduler v1.99.0-mini my-scheduler');

    await run('git', ['-C', checkout, 'checkout', '--', 'pkg/scheduler/scheduler.go']);
    const reverted = await build();
    expect(buildCommands(reverted)).toEqual([['make', 'all', 'WHAT=cmd/kube-scheduler']]);
    expect(await scheduler()).toBe('kube-scheduler v1.99.0-mini default-scheduler');

    await appendFile(path.join(checkout, 'docs/README.md'), 'more words\n');
    expect(buildCommands(await build())).toEqual([]);
  });

  it('a change shared by both (pkg/api) rebuilds both; an untracked file in a package counts', async () => {
    await build();
    await appendFile(path.join(checkout, 'pkg/api/api.go'), '\n// touched\n');
    expect(artefacts(await build())).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    await writeFile(path.join(checkout, 'pkg/scheduler/extra.go'), 'package scheduler\n\nconst Extra = 1\n');
    expect(artefacts(await build())).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
  });

  it('a deleted binary is rebuilt, alone', async () => {
    await build();
    await rm(path.join(checkout, '_output/local/bin', process.platform, arch, 'e2e.test'));
    const info = await build();
    expect(artefacts(info)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'built' });
    if (info.result?.kind !== 'build') throw new Error('no result');
    expect(info.result.build.artefacts[1]?.reason).toMatch(/e2e\.test is gone/);
  });

  it('a cancelled build is not marked fresh', async () => {
    await build();
    await writeFile(path.join(checkout, 'pkg/scheduler/scheduler.go'), 'package scheduler\n\nconst Name = "half"\n');
    await writeFile(path.join(checkout, '.slow-build'), '');
    const cancelled = await build({
      onStarted: async (engine) => {
        await waitFor(() => engine.steps.get('build').commands.some((c) => c.argv[0] === 'make'), 'make to start', {
          timeoutMs: 45_000, // inside the test's 60 s, so this message is what a failure shows
          describe: () => { const info = engine.steps.get('build'); return `build ${info.state} ${info.outcome ?? ''}; commands so far: ${JSON.stringify(info.commands.map((c) => c.argv.join(' ')))}`; },
        });
        engine.steps.cancel('build');
      },
    });
    expect(cancelled.outcome).toBe('cancelled');
    await rm(path.join(checkout, '.slow-build'));
    const after = await build();
    expect(artefacts(after)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    expect(await scheduler()).toBe('kube-scheduler v1.99.0-mini half');
  });

  it('force rebuilds everything', async () => {
    await build();
    const forced = await build({ force: true });
    expect(artefacts(forced)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    expect(forced.result?.kind === 'build' && forced.result.build.artefacts[0]?.reason).toMatch(/rebuild requested/);
  });

  it('kind mode passes kind the exact argv, arch explicit, checks the image, and skips it when up to date (stand-in kind and docker)', async () => {
    const state = path.join(temp.dir, 'standin-state');
    process.env.STUDIO_STANDIN_STATE = state;
    settings = { sourceDir: checkout, mode: 'kind', toolPaths: { kind: standin('kind'), docker: standin('docker') } };
    const first = await build();
    expect(first.outcome, first.error?.message).toBe('success');
    const commit = (await run('git', ['-C', checkout, 'rev-parse', 'HEAD'])).stdout.trim();
    const image = `kindest/node:studio-${commit.slice(0, 12)}`;
    expect(first.commands.map((c) => c.argv)).toContainEqual([standin('kind'), 'build', 'node-image', '--type', 'source', '--arch', arch, '--image', image, checkout]);
    expect(first.commands.map((c) => c.argv)).toContainEqual([standin('docker'), 'image', 'inspect', '--format', '{{.Architecture}}', image]);
    expect(artefacts(first)).toEqual({ 'node-image': 'built', 'test-binaries': 'built' });

    const calls = async (): Promise<number> => (await readFile(path.join(state, 'calls.jsonl'), 'utf8')).split('\n').filter((line) => line.includes('"node-image"')).length;
    expect(await calls()).toBe(1);
    const second = await build();
    expect(artefacts(second)).toEqual({ 'node-image': 'up-to-date', 'test-binaries': 'up-to-date' });
    expect(await calls()).toBe(1);

    await appendFile(path.join(checkout, 'docs/README.md'), 'docs change\n');
    const dirty = await build();
    expect(artefacts(dirty)).toEqual({ 'node-image': 'built', 'test-binaries': 'up-to-date' });
    expect(dirty.commands.map((c) => c.argv.join(' ')).join('\n')).toMatch(new RegExp(`--image kindest/node:studio-${commit.slice(0, 12)}-dirty-[0-9a-f]{8} `));
    delete process.env.STUDIO_STANDIN_STATE;
  });
});

describe('the Build step in kind mode without kind', () => {
  const temp = useTempDir('build-no-kind');

  it('stops before running anything, in the app\'s words, with a diagnosis that points to the Native kind step', async () => {
    const checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    const dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    // No kind on this machine's PATH, in the app's bin folder or in the settings (the test's premise).
    const info = await runStep(dataDir, 'build', { sourceDir: checkout, mode: 'kind' });
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(/^kind mode needs kind: run the Native kind step first \(no kind in .+ or on the search path\)\.$/);
    expect(info.error?.message).not.toMatch(/Command not found|PATH=/);
    expect(info.commands.map((c) => c.argv.join(' '))).not.toContain('kind version');
    expect(info.commands.some((c) => c.argv[0] === 'make' || c.argv[1] === 'build')).toBe(false);
    expect(info.diagnoses?.map((d) => d.id)).toEqual(['kind-missing']);
    expect(info.diagnoses?.[0]?.fix).toMatch(/Native kind/);
  });
});

describe('the Source step', () => {
  const temp = useTempDir('source');

  it('reads branch, commit, changes and the Go toolchain of a real checkout', async () => {
    const checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    await appendFile(path.join(checkout, 'pkg/api/api.go'), '// edit\n');
    await writeFile(path.join(checkout, 'notes.txt'), 'untracked\n');
    const dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    const info = await runStep(dataDir, 'source', { sourceDir: checkout });
    expect(info.outcome, info.error?.message).toBe('success');
    if (info.result?.kind !== 'source') throw new Error('no source facts');
    const facts = info.result.facts;
    expect(facts).toMatchObject({ dir: checkout, foundBy: 'picked', branch: 'master', dirtyFiles: ['pkg/api/api.go'], untrackedFiles: ['notes.txt'], ginkgoPath: 'vendor/github.com/onsi/ginkgo/v2/ginkgo' });
    expect(facts.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(facts.toolchain.action).toBe('local');
    expect(`go${facts.goVersionFile}`).toBe(facts.localGo);
  });

  it('refuses a folder that is not Kubernetes, saying what its go.mod declares', async () => {
    await writeFile(path.join(temp.dir, 'go.mod'), 'module example.com/other\n\ngo 1.22\n');
    const info = await runStep(temp.dir, 'source', { sourceDir: temp.dir });
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toBe(`${path.join(temp.dir, 'go.mod')} declares module example.com/other, not k8s.io/kubernetes.`);
  });
});

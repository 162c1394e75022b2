import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArtefactStatus } from '../../shared/build/build-artefact.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { buildCommands, runStep } from './build-fixture.js';
import { commitAll, giveRealShape } from './real-shaped-tree.js';

function statuses(info: StepInfo): Record<string, ArtefactStatus> {
  if (info.result?.kind !== 'build') throw new Error(`no build result: ${info.error?.message}`);
  return Object.fromEntries(info.result.build.artefacts.map((a) => [a.id, a]));
}
const states = (info: StepInfo): Record<string, string> => Object.fromEntries(Object.entries(statuses(info)).map(([id, a]) => [id, a.state]));

/** A fresh real-shaped checkout and data folder for each test, with a remote-mode Build and an edit that must find its text. */
function useRealShapedTree(name: string) {
  const temp = useTempDir(name);
  const tree = { checkout: '', dataDir: '' };
  beforeEach(async () => {
    tree.checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    await giveRealShape(tree.checkout);
    tree.dataDir = path.join(temp.dir, 'data');
    await mkdir(tree.dataDir);
  });
  return {
    get checkout(): string {
      return tree.checkout;
    },
    build: () => runStep(tree.dataDir, 'build', { sourceDir: tree.checkout, mode: 'remote' }),
    edit: async (file: string, from: string, to: string): Promise<void> => {
      const full = path.join(tree.checkout, file);
      const text = await readFile(full, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
      await writeFile(full, text.replace(from, to));
    },
  };
}

// What a change rebuilds, on a tree shaped like kubernetes v1.35.4 where it matters (see giveRealShape),
// built with the real git, go and make in remote mode (kube-scheduler, then kubectl/e2e.test/ginkgo).
describe('what a change rebuilds, on a real-shaped tree', { timeout: 180_000 }, () => {
  const tree = useRealShapedTree('build-fingerprint');
  const { build, edit } = tree;

  it('a change in a scheduler sub-package outside the test binaries\' deps rebuilds only kube-scheduler, dirty or committed', async () => {
    const first = await build();
    expect(first.outcome, first.error?.message).toBe('success');
    expect(states(first)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });

    // pkg/scheduler is in e2e.test's deps; pkg/scheduler/metrics/resources, below it, is not.
    await edit('pkg/scheduler/metrics/resources/resources.go', '"resources"', '"resources-v2"');
    const dirty = await build();
    expect(states(dirty)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    expect(buildCommands(dirty)).toEqual([['make', 'all', 'WHAT=cmd/kube-scheduler']]);
    expect(statuses(dirty)['kube-scheduler']?.causes).toEqual([{ file: 'pkg/scheduler/metrics/resources/resources.go', package: 'pkg/scheduler/metrics/resources', via: ['cmd/kube-scheduler', 'pkg/scheduler/metrics/resources'] }]);

    // Committing what was built changes no file's content: nothing is rebuilt.
    await commitAll(tree.checkout, 'resources v2');
    const committed = await build();
    expect(buildCommands(committed)).toEqual([]);
    expect(states(committed)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'up-to-date' });
  });

  it('a pkg/scheduler edit rebuilds e2e.test too, and says through which package', async () => {
    await build();
    await edit('pkg/scheduler/scheduler.go', 'default-scheduler', 'my-scheduler');
    const info = await build();
    expect(states(info)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    // e2e.test's own package imports pkg/kubelet, which imports pkg/scheduler (the scheduling suite does too).
    expect(statuses(info)['test-binaries']?.causes).toEqual([{ file: 'pkg/scheduler/scheduler.go', package: 'pkg/scheduler', via: ['test/e2e', 'pkg/kubelet', 'pkg/scheduler'] }]);
    expect(statuses(info)['test-binaries']?.reason).toMatch(/pkg\/scheduler\/scheduler\.go/);
  });

  it('a suite only e2e_test.go imports, and a manifest e2e.test embeds from a sub-folder, rebuild the test binaries alone', async () => {
    await build();
    await edit('test/e2e/scheduling/scheduling.go', 'scheduler.Name', 'scheduler.Name + "!"');
    const suite = await build();
    expect(states(suite)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'built' });

    await edit('test/e2e/testing-manifests/guestbook/frontend.yaml', 'frontend', 'frontend-v2');
    const manifest = await build();
    expect(states(manifest)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'built' });
    expect(statuses(manifest)['test-binaries']?.causes).toEqual([{ file: 'test/e2e/testing-manifests/guestbook/frontend.yaml', package: 'test/e2e/testing-manifests', via: ['test/e2e', 'test/e2e/testing-manifests'] }]);
  });
});

/** The commands a Build step ran to find what an artefact is built from: go list and git ls-tree. */
const listings = (info: StepInfo): string[][] => info.commands.map((c) => c.argv).filter((argv) => (argv[0] === 'go' && argv[1] === 'list') || argv.includes('ls-tree'));

// The no-op check: what go list answered is kept per HEAD, environment and the headers (imports,
// build constraints, embeds) of the changed files, so a check with nothing new asks go list nothing,
// and every kind of change still rebuilds what it must and nothing else.
describe('the no-op check on a real-shaped tree', { timeout: 180_000 }, () => {
  const tree = useRealShapedTree('build-noop');
  const { build, edit } = tree;
  const write = async (file: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(tree.checkout, file)), { recursive: true });
    await writeFile(path.join(tree.checkout, file), text);
  };
  const noop = async (): Promise<void> => {
    const info = await build();
    expect(info.outcome, info.error?.message).toBe('success');
    expect(buildCommands(info)).toEqual([]);
    expect(states(info)).toEqual({ 'kube-scheduler': 'up-to-date', 'test-binaries': 'up-to-date' });
    expect(listings(info)).toEqual([]);
  };

  it('with nothing changed, or only a file go list does not read, the check runs neither go list nor git ls-tree', async () => {
    const first = await build();
    expect(first.outcome, first.error?.message).toBe('success');
    // kube-scheduler, kubectl and ginkgo, e2e.test with -test; one ls-tree per artefact.
    expect(listings(first).filter((argv) => argv[0] === 'go')).toHaveLength(3);
    await noop();
    await edit('docs/README.md', 'miniature', 'miniature (edited)');
    await noop();
  });

  it('a comment in pkg/scheduler rebuilds both; the next check is a no-op', async () => {
    await build();
    await edit('pkg/scheduler/scheduler.go', '// Name is printed', '// Name (see the scheduling suite) is printed');
    const info = await build();
    expect(states(info)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    await noop();
  });

  it('an added import is seen: kube-scheduler then depends on pkg/kubelet, and a pkg/kubelet comment rebuilds it', async () => {
    await build();
    await write('pkg/scheduler/metrics/resources/resources.go', 'package resources\n\nimport "k8s.io/kubernetes/pkg/kubelet"\n\n// Handler is what kube-scheduler serves its resource metrics as.\nvar Handler = "resources" + kubelet.Admits\n');
    expect(states(await build())).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    await noop();
    await edit('pkg/kubelet/kubelet.go', '// Admits names', '// Admits (edited) names');
    const info = await build();
    expect(states(info)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    expect(statuses(info)['kube-scheduler']?.causes).toEqual([{ file: 'pkg/kubelet/kubelet.go', package: 'pkg/kubelet', via: ['cmd/kube-scheduler', 'pkg/scheduler/metrics/resources', 'pkg/kubelet'] }]);
  });

  it('a new file, and a new package it imports, rebuild kube-scheduler alone; a later edit in that package too', async () => {
    await build();
    await write('pkg/scheduler/metrics/resources/extra.go', 'package resources\n\nimport "k8s.io/kubernetes/pkg/scheduler/metrics/newdep"\n\n// Extra names one more metric.\nconst Extra = newdep.Name\n');
    await write('pkg/scheduler/metrics/newdep/newdep.go', 'package newdep\n\n// Name is a metric name.\nconst Name = "one"\n');
    expect(states(await build())).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    await noop();
    await edit('pkg/scheduler/metrics/newdep/newdep.go', '"one"', '"two"');
    const info = await build();
    expect(states(info)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    expect(statuses(info)['kube-scheduler']?.causes?.map((c) => c.file)).toEqual(['pkg/scheduler/metrics/newdep/newdep.go']);
  });

  it('a staging change rebuilds both, and so does go.mod', async () => {
    await build();
    await edit('staging/src/k8s.io/api/core/types.go', '"Pod"', '"Pod2"');
    const staging = await build();
    expect(states(staging)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    expect(statuses(staging)['kube-scheduler']?.causes).toEqual([{ file: 'staging/src/k8s.io/api/core/types.go', package: 'staging/src/k8s.io/api/core', via: ['cmd/kube-scheduler', 'staging/src/k8s.io/api/core'] }]);
    await noop();
    await edit('go.mod', 'go 1.22\n', 'go 1.22\n\n// a note\n');
    const goMod = await build();
    expect(states(goMod)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'built' });
    expect(statuses(goMod)['kube-scheduler']?.causes).toEqual([{ file: 'go.mod', via: [] }]);
    await noop();
  });

  it('a dirty file reverted rebuilds what it was built from again, then nothing', async () => {
    await build();
    const file = 'pkg/scheduler/metrics/resources/resources.go';
    const original = await readFile(path.join(tree.checkout, file), 'utf8');
    await edit(file, '"resources"', '"resources-v2"');
    expect(states(await build())).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    await writeFile(path.join(tree.checkout, file), original);
    const reverted = await build();
    expect(states(reverted)).toEqual({ 'kube-scheduler': 'built', 'test-binaries': 'up-to-date' });
    expect(statuses(reverted)['kube-scheduler']?.causes?.map((c) => c.file)).toEqual([file]);
    await noop();
  });
});

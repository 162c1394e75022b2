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

// What a change rebuilds, on a tree shaped like kubernetes v1.35.4 where it matters (see giveRealShape),
// built with the real git, go and make in remote mode (kube-scheduler, then kubectl/e2e.test/ginkgo).
describe('what a change rebuilds, on a real-shaped tree', { timeout: 180_000 }, () => {
  const temp = useTempDir('build-fingerprint');
  let checkout: string;
  let dataDir: string;

  beforeEach(async () => {
    checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    await giveRealShape(checkout);
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
  });

  const build = () => runStep(dataDir, 'build', { sourceDir: checkout, mode: 'remote' });
  const edit = async (file: string, from: string, to: string): Promise<void> => {
    const full = path.join(checkout, file);
    const text = await readFile(full, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    await writeFile(full, text.replace(from, to));
  };

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
    await commitAll(checkout, 'resources v2');
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

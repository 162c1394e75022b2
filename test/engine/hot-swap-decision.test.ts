import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { buildCommands, runStep, standin } from './build-fixture.js';

const run = promisify(execFile);

/** The states the Build step gave each artefact. */
function artefacts(info: StepInfo): Record<string, string> {
  if (info.result?.kind !== 'build') throw new Error(`no build result: ${info.error?.message}`);
  return Object.fromEntries(info.result.build.artefacts.map((a) => [a.id, a.state]));
}

// On top of the miniature tree: a scheduler framework package that a kubelet imports, the way
// kubernetes v1.35.4 pkg/kubelet/lifecycle/predicate.go imports pkg/scheduler/framework, and a
// plugin package only kube-scheduler imports.
const extraFiles: Record<string, string> = {
  'pkg/scheduler/framework/framework.go': 'package framework\n\n// NodeInfo is shared by kube-scheduler and kubelet.\nconst NodeInfo = "node-info"\n',
  'pkg/scheduler/framework/plugins/fit/fit.go': 'package fit\n\n// Name is only kube-scheduler\'s.\nconst Name = "NodeResourcesFit"\n',
  'cmd/kube-scheduler/main.go':
    'package main\n\nimport (\n\t"fmt"\n\n\t"k8s.io/kubernetes/pkg/api"\n\t"k8s.io/kubernetes/pkg/scheduler"\n\t"k8s.io/kubernetes/pkg/scheduler/framework"\n\t"k8s.io/kubernetes/pkg/scheduler/framework/plugins/fit"\n)\n\nfunc main() { fmt.Println("kube-scheduler", api.Version, scheduler.Name, framework.NodeInfo, fit.Name) }\n',
  'cmd/kubelet/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"k8s.io/kubernetes/pkg/scheduler/framework"\n)\n\nfunc main() { fmt.Println("kubelet", framework.NodeInfo) }\n',
};

/**
 * Whether a change is hot-swapped (kube-scheduler rebuilt for the node) or needs a new node image
 * is decided from `go list -deps` of the node image's commands (real go, real git, the Makefile
 * stand-in of the miniature tree; stand-in kind and docker answer the image build and inspect).
 */
describe('scheduler-only changes, decided by what the node-image binaries are built from', () => {
  const temp = useTempDir('hot-swap-decision');
  let checkout: string;
  let dataDir: string;
  let settings: Record<string, unknown>;

  beforeEach(async () => {
    checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    for (const [name, content] of Object.entries(extraFiles)) {
      await mkdir(path.dirname(path.join(checkout, name)), { recursive: true });
      await writeFile(path.join(checkout, name), content);
    }
    const git = (...args: string[]) => run('git', ['-C', checkout, '-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid', ...args]);
    await git('add', '-A');
    await git('commit', '-q', '-m', 'a kubelet that imports the scheduler framework');
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    process.env.STUDIO_STANDIN_STATE = path.join(temp.dir, 'standin-state');
    settings = { sourceDir: checkout, mode: 'kind', toolPaths: { kind: standin('kind'), docker: standin('docker') } };
  });
  afterEach(() => {
    delete process.env.STUDIO_STANDIN_STATE;
  });

  const build = () => runStep(dataDir, 'build', settings);
  const imageBuilds = (info: StepInfo): number => buildCommands(info).filter((argv) => argv[1] === 'build' && argv[2] === 'node-image').length;
  const schedulerBuilds = (info: StepInfo): string[][] => buildCommands(info).filter((argv) => argv[0] === 'make' && argv.includes('WHAT=cmd/kube-scheduler'));

  it('hot-swaps a change in a plugin only kube-scheduler imports, and rebuilds the image for one a kubelet imports', async () => {
    const first = await build();
    expect(first.outcome, first.error?.message).toBe('success');
    expect(artefacts(first)['node-image']).toBe('built');

    await appendFile(path.join(checkout, 'pkg/scheduler/framework/plugins/fit/fit.go'), '\n// a scheduler-only change\n');
    const onlyScheduler = await build();
    expect(onlyScheduler.outcome, onlyScheduler.error?.message).toBe('success');
    expect(artefacts(onlyScheduler)['node-image']).toBe('hot-swap');
    expect(imageBuilds(onlyScheduler)).toBe(0);
    expect(schedulerBuilds(onlyScheduler)).toHaveLength(1);
    // The decision came from go list, of kube-scheduler and of the node image's other commands present here.
    const lists = onlyScheduler.commands.map((c) => c.argv).filter((argv) => argv[0] === 'go' && argv[1] === 'list');
    expect(lists).toContainEqual(expect.arrayContaining(['-deps', './cmd/kube-scheduler']));
    expect(lists).toContainEqual(expect.arrayContaining(['-deps', './cmd/kubectl', './cmd/kubelet']));

    // pkg/scheduler/framework is under pkg/scheduler/, but the kubelet in the node image imports it.
    await appendFile(path.join(checkout, 'pkg/scheduler/framework/framework.go'), '\n// a change the kubelet is built from\n');
    const shared = await build();
    expect(shared.outcome, shared.error?.message).toBe('success');
    expect(artefacts(shared)['node-image']).toBe('built');
    expect(imageBuilds(shared)).toBe(1);
    expect(schedulerBuilds(shared)).toEqual([]);
  }, 5 * 60_000);
});

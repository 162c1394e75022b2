import type { BuildArtefact } from './build-artefact.js';
import { nodeImageTag } from './node-image-tag.js';

export type StudioMode = 'kind' | 'remote';

export interface PlanInputs {
  mode: StudioMode;
  checkout: string;
  /** The hardware's arch: the node image is always built for it, explicitly. */
  arch: string;
  commit: string;
  /** A short hash of uncommitted changes, when there are any. */
  dirtyHash?: string;
  ginkgoPath: string;
}

/**
 * What to build for a mode. kind mode: the node image from source, then the test binaries on the host.
 * Remote mode: no image; kube-scheduler on its own, so a change it alone is built from rebuilds only
 * it. Most scheduler changes are not that: e2e.test imports pkg/scheduler and many of its plugins
 * (through test/e2e/scheduling, pkg/kubelet and others), so they rebuild the test binaries too.
 */
export function buildPlan(inputs: PlanInputs): BuildArtefact[] {
  const tests: BuildArtefact = {
    id: 'test-binaries',
    title: 'kubectl, e2e.test and ginkgo',
    argv: ['make', 'all', `WHAT=cmd/kubectl test/e2e/e2e.test ${inputs.ginkgoPath}`],
    // The ginkgo CLI is vendored: Go finds it by its import path, not by the vendor/ folder.
    goPackages: ['./cmd/kubectl', './test/e2e', inputs.ginkgoPath.replace(/^vendor\//, '')],
    // hack/lib/golang.sh builds *.test targets with `go test -c` (kubernetes v1.35.4, build_binaries_for_platform).
    testPackages: ['./test/e2e'],
    binaries: ['kubectl', 'e2e.test', 'ginkgo'],
  };
  if (inputs.mode === 'remote') {
    const scheduler: BuildArtefact = {
      id: 'kube-scheduler',
      title: 'kube-scheduler',
      argv: ['make', 'all', 'WHAT=cmd/kube-scheduler'],
      goPackages: ['./cmd/kube-scheduler'],
      binaries: ['kube-scheduler'],
    };
    return [scheduler, tests];
  }
  const image = `kindest/node:${nodeImageTag(inputs.commit, inputs.dirtyHash)}`;
  const nodeImage: BuildArtefact = {
    id: 'node-image',
    title: `node image ${image}`,
    argv: ['kind', 'build', 'node-image', '--type', 'source', '--arch', inputs.arch, '--image', image, inputs.checkout],
    binaries: [],
    image,
    requires: { tool: 'kind', missing: 'kind mode needs kind: run the Native kind step first' },
  };
  return [nodeImage, tests];
}

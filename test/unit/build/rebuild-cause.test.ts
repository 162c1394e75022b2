import { describe, expect, it } from 'vitest';
import type { GoPackage } from '../../../shared/build/go-package.js';
import { rebuildCauses } from '../../../shared/build/rebuild-cause.js';

const pkg = (id: string, dir: string, imports: string[] = [], extra: Partial<GoPackage> = {}): GoPackage => ({ id, dir, imports, embeds: [], root: false, ...extra });
const k = (path: string): string => `k8s.io/kubernetes/${path}`;

// go list -deps -test ./test/e2e, cut down: the test variant imports the suites.
const packages: GoPackage[] = [
  pkg(k('pkg/scheduler'), 'pkg/scheduler'),
  pkg(k('pkg/kubelet'), 'pkg/kubelet', [k('pkg/scheduler')]),
  pkg(k('test/e2e/scheduling'), 'test/e2e/scheduling', [k('pkg/scheduler')]),
  pkg(k('test/e2e/testing-manifests'), 'test/e2e/testing-manifests', ['embed'], { embeds: ['test/e2e/testing-manifests/guestbook/frontend.yaml'] }),
  pkg(k('test/e2e'), 'test/e2e', [k('pkg/kubelet')], { root: true }),
  pkg(`${k('test/e2e')} [${k('test/e2e.test')}]`, 'test/e2e', [k('test/e2e/testing-manifests'), k('test/e2e/scheduling'), k('pkg/kubelet')], { root: true }),
  pkg(k('test/e2e.test'), 'test/e2e', [`${k('test/e2e')} [${k('test/e2e.test')}]`, 'testing'], { root: true }),
];

describe('which changed files an artefact is built from, and through what', () => {
  it('matches a file to its own package folder only, or to the package that embeds it', () => {
    expect(rebuildCauses(['pkg/scheduler/metrics/resources/resources.go', 'docs/README.md'], packages)).toEqual([]);
    expect(rebuildCauses(['test/e2e/testing-manifests/guestbook/frontend.yaml'], packages)).toEqual([
      { file: 'test/e2e/testing-manifests/guestbook/frontend.yaml', package: 'test/e2e/testing-manifests', via: ['test/e2e', 'test/e2e/testing-manifests'] },
    ]);
  });

  it('names the shortest import chain, a package\'s test variants counted once, and go.mod as everyone\'s', () => {
    expect(rebuildCauses(['pkg/scheduler/scheduler.go', 'go.mod'], packages)).toEqual([
      { file: 'pkg/scheduler/scheduler.go', package: 'pkg/scheduler', via: ['test/e2e', 'pkg/kubelet', 'pkg/scheduler'] },
      { file: 'go.mod', via: [] },
    ]);
    expect(rebuildCauses(['test/e2e/scheduling/priorities.go'], packages)[0]?.via).toEqual(['test/e2e', 'test/e2e/scheduling']);
  });
});

import { describe, expect, it } from 'vitest';
import { binaryLocations } from '../../../shared/build/binary-locations.js';
import { buildPlan } from '../../../shared/build/build-plan.js';
import { fingerprintMaterial } from '../../../shared/build/fingerprint-material.js';
import { nodeImageTag } from '../../../shared/build/node-image-tag.js';

const inputs = { checkout: '/src/k8s', arch: 'arm64', commit: 'abcdef0123456789abcdef0123456789abcdef01', ginkgoPath: 'vendor/github.com/onsi/ginkgo/v2/ginkgo' };

describe('build plans', () => {
  it('kind mode: the node image for the hardware, arch explicit, then the test binaries', () => {
    const plan = buildPlan({ ...inputs, mode: 'kind' });
    expect(plan.map((a) => a.id)).toEqual(['node-image', 'test-binaries']);
    expect(plan[0]?.argv).toEqual(['kind', 'build', 'node-image', '--type', 'source', '--arch', 'arm64', '--image', 'kindest/node:studio-abcdef012345', '/src/k8s']);
    expect(plan[1]?.argv).toEqual(['make', 'all', 'WHAT=cmd/kubectl test/e2e/e2e.test vendor/github.com/onsi/ginkgo/v2/ginkgo']);
    expect(plan[1]?.goPackages).toEqual(['./cmd/kubectl', './test/e2e', 'github.com/onsi/ginkgo/v2/ginkgo']);
  });

  it('remote mode: kube-scheduler on its own, no image; the ginkgo v1 path on old trees', () => {
    const plan = buildPlan({ ...inputs, mode: 'remote', ginkgoPath: 'vendor/github.com/onsi/ginkgo/ginkgo' });
    expect(plan.map((a) => a.argv.join(' '))).toEqual(['make all WHAT=cmd/kube-scheduler', 'make all WHAT=cmd/kubectl test/e2e/e2e.test vendor/github.com/onsi/ginkgo/ginkgo']);
    expect(plan.some((a) => a.image)).toBe(false);
  });

  it('tags a dirty tree apart from its commit', () => {
    expect(nodeImageTag('ABCDEF0123456789', 'ffee00112233')).toBe('studio-abcdef012345-dirty-ffee0011');
  });

  it('looks for binaries where the k8s build leaves them', () => {
    expect(binaryLocations('e2e.test', 'darwin', 'arm64')).toEqual(['_output/bin/e2e.test', '_output/dockerized/bin/darwin/arm64/e2e.test', '_output/local/bin/darwin/arm64/e2e.test', 'platforms/darwin/arm64/e2e.test']);
  });

  it('fingerprint material does not depend on the order inputs were gathered in, and changes with any input', () => {
    const base = { argv: ['make', 'all'], tools: { go: 'go1.26.8' }, trees: { 'pkg/a': 'x', 'cmd/b': 'y' }, changes: {}, buildFiles: { 'go.mod': '1' } };
    const same = fingerprintMaterial({ ...base, trees: { 'cmd/b': 'y', 'pkg/a': 'x' } });
    expect(fingerprintMaterial(base)).toBe(same);
    expect(fingerprintMaterial({ ...base, changes: { 'pkg/a/f.go': 'h' } })).not.toBe(same);
    expect(fingerprintMaterial({ ...base, tools: { go: 'go1.26.9' } })).not.toBe(same);
    expect(fingerprintMaterial({ ...base, argv: ['make', 'all', 'WHAT=x'] })).not.toBe(same);
  });
});

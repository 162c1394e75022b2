import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/diagnosis/diagnose.js';

const mac = { os: 'darwin', arch: 'arm64' };

describe('build diagnoses', () => {
  it.each([
    ['!!! [0101 12:00:00] Kubernetes requires go1.26 or greater.', 'go-too-old'],
    ['go: go.mod requires go >= 1.26.0 (running go 1.24.4; GOTOOLCHAIN=local)', 'go-too-old'],
    ['go: downloading go1.26.8 (darwin/arm64)\ngo: download go1.26.8 for darwin/arm64: toolchain not available', 'go-toolchain-download'],
    ['/usr/local/go/pkg/tool/linux_arm64/link: signal: killed', 'out-of-memory'],
    ['make[1]: *** [Makefile:93: all] Error 137\nexited with status 137', 'out-of-memory'],
    ['failed to copy: write /var/lib/docker/tmp/x: no space left on device', 'out-of-disk'],
    ["docker: 'buildx' is not a docker command.", 'missing-buildx'],
    ['sed: illegal option -- r', 'missing-gnu-tools'],
    ['hack/lib/util.sh: line 12: declare: -A: invalid option', 'missing-gnu-tools'],
    // What the real kind v0.32.0 printed offline (test/real/kind-build-source-real.test.ts).
    ["Unable to find image 'registry.k8s.io/build-image/kube-cross:v1.35.0-go1.25.9-bullseye.0' locally\ndocker: Error response from daemon: Get \"https://registry.k8s.io/v2/\": dial tcp: lookup registry.k8s.io on 127.0.0.53:53: no such host.", 'build-image-unreachable'],
  ])('%s', (text, id) => {
    expect(diagnose(text, mac).map((d) => d.id)).toContain(id);
  });

  it('gives the engine-specific memory fix and the Homebrew GNU tools on macOS', () => {
    expect(diagnose('link: signal: killed', mac)[0]?.fix).toMatch(/8 GB/);
    expect(diagnose('sed: illegal option -- r', mac)[0]?.fix).toMatch(/brew install coreutils/);
  });
});

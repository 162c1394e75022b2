import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeadmApiFor } from '../../../shared/kind-config/kubeadm-patch-warnings.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';
import { fixture } from '../../support/fixtures.js';

const corpus = fixture('kind-configs');
const expected = JSON.parse(readFileSync(path.join(corpus, 'expected.json'), 'utf8')) as Record<string, { valid: boolean; line?: number; message?: string }>;

describe('validateKindConfig over the config corpus', () => {
  it('has an expectation for every file in the corpus', () => {
    expect(readdirSync(corpus).filter((name) => name.endsWith('.yaml')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (file, want) => {
    const errors = validateKindConfig(readFileSync(path.join(corpus, file), 'utf8')).filter((p) => p.severity === 'error');
    if (want.valid) {
      expect(errors).toEqual([]);
      return;
    }
    expect(errors.length).toBeGreaterThan(0);
    const match = errors.find((problem) => new RegExp(want.message ?? '').test(problem.message));
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match?.line).toBe(want.line);
  });
});

describe('versioned kubeadm patches follow the kind release and the node image (kind pkg/cluster/internal/kubeadm/config.go at v0.30.0, v0.31.0, v0.32.0, v0.33.0)', () => {
  const config = (apiVersion: string): string =>
    `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n  - |\n    apiVersion: ${apiVersion}\n    kind: ClusterConfiguration\n    scheduler:\n      extraArgs:\n        v: "4"\n`;
  const b2 = 'kubeadm.k8s.io/v1beta2';
  const b3 = 'kubeadm.k8s.io/v1beta3';
  const b4 = 'kubeadm.k8s.io/v1beta4';
  // Every known kind release against Kubernetes versions on each side of 1.23 and 1.36.
  const table: Array<[string, string, string]> = [
    ['v0.30.0', 'v1.22.9', b2], ['v0.30.0', 'v1.23.0', b3], ['v0.30.0', 'v1.35.4', b3], ['v0.30.0', 'v1.36.0-alpha.1', b3], ['v0.30.0', 'v1.36.1', b3], ['v0.30.0', 'v1.40.0', b3],
    ['v0.31.0', 'v1.22.9', b2], ['v0.31.0', 'v1.23.0', b3], ['v0.31.0', 'v1.35.4', b3], ['v0.31.0', 'v1.36.1', b3],
    ['v0.32.0', 'v1.22.9', b2], ['v0.32.0', 'v1.23.0', b3], ['v0.32.0', 'v1.35.4', b3], ['v0.32.0', 'v1.36.0-alpha.1', b4], ['v0.32.0', 'v1.36', b4], ['v0.32.0', 'v1.36.1', b4], ['v0.32.0', '1.37.2', b4],
    ['v0.33.0', 'v1.35.4', b3], ['v0.33.0', 'v1.36.1', b4],
  ];
  it.each(table)('kind %s, Kubernetes %s: kind writes %s', (kindVersion, kubernetesVersion, api) => {
    expect(kubeadmApiFor({ kindVersion, kubernetesVersion })).toEqual({ api });
    for (const pinned of [b2, b3, b4]) {
      const problems = validateKindConfig(config(pinned), { kindVersion, kubernetesVersion });
      if (pinned === api) expect(problems).toEqual([]);
      else expect(problems).toEqual([{ severity: 'warning', line: 4, column: 5, message: expect.stringMatching(new RegExp(`pinned to ${pinned.replace(/\./g, '\\.')}, but kind ${kindVersion} generates ${api.replace(/\./g, '\\.')} for Kubernetes ${kubernetesVersion.replace(/\./g, '\\.')}: kind will skip it silently`)) }]);
    }
  });

  const unknown: Array<[string | undefined, string | undefined, RegExp]> = [
    [undefined, 'v1.36.1', /which kind version will run is not known yet/],
    ['nightly', 'v1.36.1', /the kind version "nightly" cannot be read/],
    ['v0.34.0', 'v1.36.1', /kind v0\.34\.0 is not one of the releases this app has read \(v0\.30–v0\.33\)/],
    ['v0.29.0', 'v1.30.0', /kind v0\.29\.0 is not one of the releases/],
    ['v0.32.0', undefined, /the node image's Kubernetes version is not known yet/],
    ['v0.31.0', 'latest', /kind cannot read the Kubernetes version "latest"/],
    [undefined, undefined, /which kind version will run is not known yet/],
  ];
  it.each(unknown)('kind %s, Kubernetes %s: says what is unknown instead of guessing', (kindVersion, kubernetesVersion, reason) => {
    expect(kubeadmApiFor({ kindVersion, kubernetesVersion })).toEqual({ unknown: expect.stringMatching(reason) });
    for (const pinned of [b3, b4]) {
      const [warning, ...rest] = validateKindConfig(config(pinned), { kindVersion, kubernetesVersion });
      expect(rest).toEqual([]);
      expect(warning).toMatchObject({ severity: 'warning', line: 4, message: expect.stringMatching(reason) });
      expect(warning?.message).toMatch(/kind v0\.30 and v0\.31 write kubeadm v1beta3 .* v0\.32 and later write v1beta4 from Kubernetes 1\.36.* Leaving apiVersion out makes it apply to every version/);
    }
  });

  it('an unversioned patch, or one for another API group, gets no warning whatever the versions', () => {
    const e2e = readFileSync(path.join(corpus, 'valid-e2e.yaml'), 'utf8');
    expect(validateKindConfig(e2e, { kindVersion: 'v0.32.0', kubernetesVersion: 'v1.36.1' })).toEqual([]);
    expect(validateKindConfig(e2e)).toEqual([]);
    expect(validateKindConfig(config('kubelet.config.k8s.io/v1beta1'))).toEqual([]);
  });

  it('node-level patches and JSON 6902 patches are checked too, each on its own line', () => {
    const text = [
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      'nodes:',
      '  - role: control-plane',
      '    kubeadmConfigPatches:',
      '      - |',
      '        apiVersion: kubeadm.k8s.io/v1beta3',
      '        kind: InitConfiguration',
      '    kubeadmConfigPatchesJSON6902:',
      '      - group: kubeadm.k8s.io',
      '        version: v1beta3',
      '        kind: ClusterConfiguration',
      '        patch: "[]"',
      '      - group: kubeadm.k8s.io',
      '        kind: ClusterConfiguration',
      '        patch: "[]"',
      '',
    ].join('\n');
    const problems = validateKindConfig(text, { kindVersion: 'v0.32.0', kubernetesVersion: 'v1.36.1' });
    expect(problems.map((p) => [p.severity, p.line])).toEqual([['warning', 6], ['warning', 11], ['warning', 14]]);
    expect(problems[1]?.message).toMatch(/JSON 6902 ClusterConfiguration patch is pinned to kubeadm\.k8s\.io\/v1beta3/);
    expect(problems[2]?.message).toMatch(/without a version/);
    expect(validateKindConfig(text, { kindVersion: 'v0.31.0', kubernetesVersion: 'v1.36.1' }).map((p) => p.line)).toEqual([14]);
  });
});

describe('port mappings follow the kind release (validatePortMappings in pkg/internal/apis/config/validate.go, v0.31.0 vs v0.32.0)', () => {
  const config = (...mappings: string[]): string =>
    `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n    extraPortMappings:\n${mappings.map((m) => `      - {containerPort: 80, hostPort: 8080${m}}\n`).join('')}`;
  const errors = (text: string, kindVersion: string): string[] => validateKindConfig(text, { kindVersion }).filter((p) => p.severity === 'error').map((p) => p.message);

  it('a listenAddress that is not an IP: refused from v0.32, let through with a warning before', () => {
    const text = config(', listenAddress: localhost');
    expect(errors(text, 'v0.32.0')).toEqual([expect.stringMatching(/listenAddress "localhost" is not an IP address/)]);
    expect(errors(text, 'v0.31.0')).toEqual([]);
    expect(validateKindConfig(text, { kindVersion: 'v0.30.0' })).toEqual([expect.objectContaining({ severity: 'warning', line: 6, message: expect.stringMatching(/kind v0\.30\.0 lets it through, but docker will refuse to bind it/) })]);
  });

  it('an empty listenAddress is the wildcard from v0.32 only', () => {
    const text = config('', ', listenAddress: 127.0.0.1');
    expect(errors(text, 'v0.32.0')).toEqual([expect.stringMatching(/Host port 8080 on 127\.0\.0\.1 is already mapped/)]);
    expect(errors(text, 'v0.31.0')).toEqual([]);
    // Before v0.32 two empty addresses are the same ("<nil>") address.
    expect(errors(config('', ''), 'v0.31.0')).toEqual([expect.stringMatching(/already mapped/)]);
  });

  it('the same for every release: protocol is part of the key, :: is 0.0.0.0, ports 0 and -1 never clash, IPv4-mapped is IPv4', () => {
    for (const kindVersion of ['v0.30.0', 'v0.31.0', 'v0.32.0']) {
      expect(errors(config(', protocol: TCP', ', protocol: udp'), kindVersion)).toEqual([]);
      expect(errors(config(', protocol: TCP', ''), kindVersion)).toEqual([]);
      expect(errors(config(', listenAddress: "::"', ', listenAddress: 127.0.0.1'), kindVersion)).toHaveLength(1);
      expect(errors(config(', listenAddress: "::ffff:127.0.0.1"', ', listenAddress: 127.0.0.1'), kindVersion)).toHaveLength(1);
      expect(errors(config(', listenAddress: "::1"', ', listenAddress: 127.0.0.1'), kindVersion)).toEqual([]);
      expect(errors(config('', '').replaceAll('hostPort: 8080', 'hostPort: 0'), kindVersion)).toEqual([]);
    }
  });

  it('without a kind version the pinned default (v0.32.0) decides', () => {
    expect(validateKindConfig(config(', listenAddress: localhost')).filter((p) => p.severity === 'error')).toHaveLength(1);
  });
});

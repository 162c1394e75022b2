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

describe('versioned kubeadm patches', () => {
  const config = (apiVersion: string): string =>
    `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n  - |\n    apiVersion: ${apiVersion}\n    kind: ClusterConfiguration\n    scheduler:\n      extraArgs:\n        v: "4"\n`;

  it('kind generates v1beta4 from Kubernetes 1.36 and v1beta3 before', () => {
    expect(kubeadmApiFor('v1.36.1')).toBe('kubeadm.k8s.io/v1beta4');
    expect(kubeadmApiFor('v1.35.8')).toBe('kubeadm.k8s.io/v1beta3');
    expect(kubeadmApiFor('1.22.0')).toBe('kubeadm.k8s.io/v1beta2');
  });

  it('warns, on the patch’s line, about a patch kind would skip silently', () => {
    const [warning] = validateKindConfig(config('kubeadm.k8s.io/v1beta3'), { kubernetesVersion: 'v1.36.1' });
    expect(warning).toMatchObject({ severity: 'warning', line: 4, message: expect.stringMatching(/pinned to kubeadm\.k8s\.io\/v1beta3, but kind generates kubeadm\.k8s\.io\/v1beta4 .* skip it silently/) });
    expect(validateKindConfig(config('kubeadm.k8s.io/v1beta4'), { kubernetesVersion: 'v1.36.1' })).toEqual([]);
    expect(validateKindConfig(config('kubeadm.k8s.io/v1beta3'), { kubernetesVersion: 'v1.35.0' })).toEqual([]);
  });

  it('without a known version, a pinned patch gets a softer warning; an unversioned one none', () => {
    expect(validateKindConfig(config('kubeadm.k8s.io/v1beta3'))[0]?.message).toMatch(/Leaving apiVersion out makes it apply to both/);
    expect(validateKindConfig(readFileSync(path.join(corpus, 'valid-e2e.yaml'), 'utf8'), { kubernetesVersion: 'v1.36.1' })).toEqual([]);
  });
});

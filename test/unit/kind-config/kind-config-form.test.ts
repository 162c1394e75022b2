import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultKindConfigForm, formFromConfig, renderKindConfig } from '../../../shared/kind-config/kind-config-form.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';

describe('renderKindConfig', () => {
  it('the default form is the conformance shape: 1 control-plane and 2 workers', () => {
    const yaml = renderKindConfig(defaultKindConfigForm);
    expect(parse(yaml)).toEqual({
      kind: 'Cluster',
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      name: 'e2e',
      networking: { ipFamily: 'ipv4', kubeProxyMode: 'iptables', dnsSearch: [] },
      nodes: [{ role: 'control-plane' }, { role: 'worker' }, { role: 'worker' }],
    });
    expect(validateKindConfig(yaml)).toEqual([]);
  });

  it('writes feature gates, runtime config and kubeadm patches as kind expects them (patches as block strings)', () => {
    const yaml = renderKindConfig({
      ...defaultKindConfigForm,
      featureGates: { SchedulerQueueingHints: true, InPlacePodVerticalScaling: false },
      runtimeConfig: { 'api/alpha': 'false' },
      kubeadmPatches: ['kind: ClusterConfiguration\nscheduler:\n  extraArgs:\n    v: "4"'],
      ipFamily: 'dual',
      kubeProxyMode: 'nftables',
    });
    expect(yaml).toContain('kubeadmConfigPatches:\n  - |\n    kind: ClusterConfiguration\n');
    const config = parse(yaml);
    expect(config.featureGates).toEqual({ SchedulerQueueingHints: true, InPlacePodVerticalScaling: false });
    expect(config.runtimeConfig).toEqual({ 'api/alpha': 'false' });
    expect(validateKindConfig(yaml)).toEqual([]);
  });

  it('a form with no control-plane renders a config the validator refuses', () => {
    expect(validateKindConfig(renderKindConfig({ ...defaultKindConfigForm, controlPlanes: 0 }))[0]?.message).toMatch(/control-plane/);
  });
});

describe('formFromConfig counts nodes as kind defaults them', () => {
  it('no node list, an empty one, or nodes without a role count as control-plane nodes', () => {
    const head = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n';
    expect(formFromConfig(head)).toMatchObject({ controlPlanes: 1, workers: 0 });
    expect(formFromConfig(`${head}nodes: []\n`)).toMatchObject({ controlPlanes: 1, workers: 0 });
    expect(formFromConfig(`${head}nodes:\n  - image: x\n  - role: worker\n`)).toMatchObject({ controlPlanes: 1, workers: 1 });
  });
});

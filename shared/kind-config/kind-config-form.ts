import { stringify } from 'yaml';
import { kindApiVersion } from './kind-config-schema.js';

/** What the Cluster step's form asks for; the YAML is generated from it and can then be edited. */
export interface KindConfigForm {
  name: string;
  /** Conformance needs 1 control-plane node and 2 workers (kind's e2e-k8s.sh uses exactly that). */
  controlPlanes: number;
  workers: number;
  featureGates: Record<string, boolean>;
  runtimeConfig: Record<string, string>;
  ipFamily: 'ipv4' | 'ipv6' | 'dual';
  kubeProxyMode: 'iptables' | 'ipvs' | 'nftables' | 'none';
  /** Extra kubeadm patches, each a YAML document as text. */
  kubeadmPatches: string[];
}

export const defaultKindConfigForm: KindConfigForm = {
  name: 'e2e',
  controlPlanes: 1,
  workers: 2,
  featureGates: {},
  runtimeConfig: {},
  ipFamily: 'ipv4',
  kubeProxyMode: 'iptables',
  kubeadmPatches: [],
};

/** The kind config for a form, as kind.x-k8s.io/v1alpha4 YAML; empty sections are left out. */
export function renderKindConfig(form: KindConfigForm): string {
  const config: Record<string, unknown> = {
    kind: 'Cluster',
    apiVersion: kindApiVersion,
    name: form.name,
    networking: { ipFamily: form.ipFamily, kubeProxyMode: form.kubeProxyMode, dnsSearch: [] },
    ...(Object.keys(form.featureGates).length > 0 ? { featureGates: form.featureGates } : {}),
    ...(Object.keys(form.runtimeConfig).length > 0 ? { runtimeConfig: form.runtimeConfig } : {}),
    nodes: [...Array.from({ length: form.controlPlanes }, () => ({ role: 'control-plane' })), ...Array.from({ length: form.workers }, () => ({ role: 'worker' }))],
    ...(form.kubeadmPatches.length > 0 ? { kubeadmConfigPatches: form.kubeadmPatches.map((patch) => (patch.endsWith('\n') ? patch : `${patch}\n`)) } : {}),
  };
  return stringify(config, { lineWidth: 0, blockQuote: 'literal' });
}

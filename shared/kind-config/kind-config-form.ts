import { parse, stringify } from 'yaml';
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

/**
 * Reads a form back out of config YAML, so edits in the YAML show in the form. Undefined when the
 * text does not parse; fields the form cannot show (mounts, port mappings, labels) stay in the YAML only.
 */
export function formFromConfig(text: string): KindConfigForm | undefined {
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    config = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  // kind's defaulting (pkg/apis/config/v1alpha4/default.go): no nodes is one control-plane node,
  // and a node without a role is a control-plane node.
  const listed = Array.isArray(config.nodes) ? (config.nodes as Array<{ role?: unknown } | null>).filter((node) => node !== null) : [];
  const nodes = (listed.length > 0 ? listed : [{}]).map((node) => ({ role: node.role === undefined || node.role === null || node.role === '' ? 'control-plane' : node.role }));
  const networking = (config.networking ?? {}) as { ipFamily?: unknown; kubeProxyMode?: unknown };
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const record = <V>(value: unknown, keep: (v: unknown) => v is V): Record<string, V> =>
    value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, V] => keep(entry[1]))) : {};
  return {
    name: typeof config.name === 'string' ? config.name : 'kind',
    controlPlanes: nodes.filter((node) => node?.role === 'control-plane').length,
    workers: nodes.filter((node) => node?.role === 'worker').length,
    featureGates: record(config.featureGates, (v): v is boolean => typeof v === 'boolean'),
    runtimeConfig: record(config.runtimeConfig, (v): v is string => typeof v === 'string'),
    ipFamily: pick(networking.ipFamily, ['ipv4', 'ipv6', 'dual'] as const, 'ipv4'),
    kubeProxyMode: pick(networking.kubeProxyMode, ['iptables', 'ipvs', 'nftables', 'none'] as const, 'iptables'),
    kubeadmPatches: Array.isArray(config.kubeadmConfigPatches) ? (config.kubeadmConfigPatches as unknown[]).filter((p): p is string => typeof p === 'string') : [],
  };
}

import type { Node } from 'yaml';
import type { ConfigProblem } from './config-problem.js';
import { decodeKindConfig, type DecodedStruct } from './decode-kind-config.js';
import { goIPKey, parseGoCIDR, parseGoIP, type GoCidr } from './go-net-ip.js';
import { ipFamilies, kubeProxyModes, nodeRoles } from './kind-config-schema.js';
import { kindRelease, type KindRelease } from './kind-version-rules.js';
import { kubeadmPatchWarnings, type KindTarget } from './kubeadm-patch-warnings.js';

export type ValidationOptions = KindTarget;

/** The release whose rules apply when the caller does not say: the app's pinned default. */
export const defaultKindVersion = 'v0.32.0';

/**
 * Checks a kind config as the kind release that will run checks it, so that the app never refuses
 * what kind accepts nor accepts what kind refuses: decoding as kind's loader decodes
 * (decode-kind-config.ts), then kind's defaulting (pkg/apis/config/v1alpha4/default.go and
 * pkg/internal/apis/config/default.go) and kind's Cluster.Validate (pkg/internal/apis/config/
 * validate.go): the cluster name, the IP family, the pod and service subnets as CIDRs of that family,
 * the kube-proxy mode, each node's role, port numbers and duplicate host ports, at least one
 * control-plane node. Every problem carries the line it is on; kubeadm patches kind would skip for
 * this kind and Kubernetes version are warnings.
 */
export function validateKindConfig(text: string, options: ValidationOptions = {}): ConfigProblem[] {
  const { cluster, problems, at } = decodeKindConfig(text);
  if (!cluster) return problems;
  const release = kindRelease(options.kindVersion) ?? (kindRelease(defaultKindVersion) as KindRelease);
  problems.push(...validateCluster(cluster, release, at));
  if (!problems.some((p) => p.severity === 'error')) problems.push(...kubeadmPatchWarnings(cluster, options, at));
  return problems;
}

/** The name kind gives the cluster for this config ("kind" when it names none), or undefined if kind would refuse the config. */
export function kindConfigClusterName(text: string): string | undefined {
  const { cluster } = decodeKindConfig(text);
  if (!cluster) return undefined;
  const name = cluster.values.get('name');
  return typeof name === 'string' && name !== '' ? name : 'kind';
}

type At = (node: Node | null | undefined) => { line: number; column: number };

const validName = /^[a-z0-9.-]+$/;
const ipv6Wildcard = goIPKey(parseGoIP('::') ?? new Uint8Array(16));

function str(s: DecodedStruct | undefined, field: string): string {
  const value = s?.values.get(field);
  return typeof value === 'string' ? value : '';
}
function int(s: DecodedStruct | undefined, field: string): number {
  const value = s?.values.get(field);
  return typeof value === 'number' ? value : 0;
}

function validateCluster(cluster: DecodedStruct, release: KindRelease, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const error = (node: Node | null | undefined, message: string): void => {
    problems.push({ severity: 'error', ...at(node), message });
  };
  const warn = (node: Node | null | undefined, message: string): void => {
    problems.push({ severity: 'warning', ...at(node), message });
  };

  // Defaulting (SetDefaultsCluster): these fields count as set to kind's defaults when empty.
  const name = str(cluster, 'name') || 'kind';
  if (!validName.test(name)) error(cluster.at.get('name'), `"${name}" is not a valid cluster name: kind wants lower-case letters, digits, "." and "-" only (^[a-z0-9.-]+$).`);
  else if (name.length > 50) warn(cluster.at.get('name'), `The cluster name "${name}" is over 50 characters; kind warns that it may not work on some systems.`);

  const networking = cluster.values.get('networking') as DecodedStruct | undefined;
  const netAt = (field: string): Node | undefined => networking?.at.get(field) ?? networking?.node;
  const family = str(networking, 'ipFamily') || 'ipv4';
  const port = int(networking, 'apiServerPort');
  if (port !== 0 && (port < -1 || port > 65535)) error(netAt('apiServerPort'), `networking.apiServerPort ${port} is not a port number (-1 to 65535; 0 or -1 pick one at random).`);
  if (!(ipFamilies as readonly string[]).includes(family)) error(netAt('ipFamily'), `networking.ipFamily must be one of ${ipFamilies.join(', ')} (got ${family})`);
  const defaults = {
    podSubnet: family === 'ipv6' ? 'fd00:10:244::/56' : family === 'dual' ? '10.244.0.0/16,fd00:10:244::/56' : '10.244.0.0/16',
    serviceSubnet: family === 'ipv6' ? 'fd00:10:96::/112' : family === 'dual' ? '10.96.0.0/16,fd00:10:96::/112' : '10.96.0.0/16',
  };
  for (const field of ['podSubnet', 'serviceSubnet'] as const) {
    const subnet = str(networking, field) || defaults[field];
    const problem = subnetProblem(subnet, family);
    if (problem) error(netAt(field), `networking.${field} "${subnet}": ${problem}`);
  }
  const proxy = str(networking, 'kubeProxyMode') || 'iptables';
  if (!(kubeProxyModes as readonly string[]).includes(proxy)) error(netAt('kubeProxyMode'), `networking.kubeProxyMode must be one of ${kubeProxyModes.join(', ')} (got ${proxy})`);

  const written = (cluster.values.get('nodes') as DecodedStruct[] | undefined) ?? [];
  // An empty node list is one control-plane node; a node without a role is a control-plane node.
  const roles = written.length === 0 ? ['control-plane'] : written.map((node) => str(node, 'role') || 'control-plane');
  written.forEach((node, index) => {
    const role = roles[index] ?? '';
    if (!(nodeRoles as readonly string[]).includes(role)) error(node.at.get('role'), `Node.role must be one of ${nodeRoles.join(', ')} (got ${role})`);
    const mappings = (node.values.get('extraPortMappings') as DecodedStruct[] | undefined) ?? [];
    for (const mapping of mappings) {
      for (const field of ['hostPort', 'containerPort']) {
        const value = int(mapping, field);
        if (value < -1 || value > 65535) error(mapping.at.get(field), `PortMapping.${field} ${value} is not a port number (-1 to 65535) on node ${index}.`);
      }
    }
    const duplicate = portMappingProblem(mappings, release);
    if (duplicate) (duplicate.severity === 'error' ? error : warn)(duplicate.node, duplicate.message);
  });
  if (!roles.includes('control-plane')) error(cluster.at.get('nodes'), 'There must be at least one node with role: control-plane (a node without a role is one).');
  return problems;
}

/** kind's validateSubnets: a comma-separated list of CIDRs that fits the IP family. */
function subnetProblem(text: string, family: string): string | undefined {
  const cidrs: GoCidr[] = [];
  for (const part of text.split(',')) {
    const cidr = parseGoCIDR(part);
    if (!cidr) return `${JSON.stringify(part)} is not a CIDR (like 10.244.0.0/16 or fd00:10:244::/56; no spaces)`;
    cidrs.push(cidr);
  }
  const dual = family === 'dual';
  if (dual && cidrs.length > 2) return 'dual-stack takes one CIDR, or two: one IPv4 and one IPv6';
  if (dual && cidrs.length === 2) {
    const v4 = cidrs.some((c) => c.isIPv4);
    const v6 = cidrs.some((c) => !c.isIPv4);
    return v4 && v6 ? undefined : 'dual-stack takes one CIDR, or two: one IPv4 and one IPv6';
  }
  if (!dual && cidrs.length > 1) return `only one CIDR is allowed for ${family}`;
  if (family === 'ipv4' && !cidrs[0]?.isIPv4) return 'expected an IPv4 CIDR for ipFamily ipv4';
  if (family === 'ipv6' && cidrs[0]?.isIPv4) return 'expected an IPv6 CIDR for ipFamily ipv6';
  return undefined;
}

/**
 * kind's validatePortMappings: two mappings may not bind the same host port and protocol on the
 * same address, nor on any address when one of them binds the wildcard (0.0.0.0, or ::, which Go
 * treats alike). Host ports 0 and -1 pick a free port and never clash. The protocol as written
 * (upper-cased) is part of the key, so an unset protocol and TCP do not clash. From v0.32 an empty
 * address is the wildcard and an address that is not an IP is refused; before, both were "<nil>".
 */
function portMappingProblem(mappings: DecodedStruct[], release: KindRelease): { severity: 'error' | 'warning'; node: Node | undefined; message: string } | undefined {
  const wildcard = '0.0.0.0';
  const bound = new Map<string, Set<string>>();
  let warning: { severity: 'warning'; node: Node | undefined; message: string } | undefined;
  for (const mapping of mappings) {
    const hostPort = int(mapping, 'hostPort');
    if (hostPort === -1 || hostPort === 0) continue;
    const listen = str(mapping, 'listenAddress');
    const ip = parseGoIP(listen);
    let address: string;
    if (release.listenAddressIsChecked) {
      if (listen !== '' && !ip) return { severity: 'error', node: mapping.at.get('listenAddress'), message: `PortMapping.listenAddress "${listen}" is not an IP address (like 127.0.0.1 or ::1).` };
      address = ip ? goIPKey(ip) : wildcard;
    } else {
      if (!ip && listen !== '') warning ??= { severity: 'warning', node: mapping.at.get('listenAddress'), message: `PortMapping.listenAddress "${listen}" is not an IP address: kind ${release.version} lets it through, but docker will refuse to bind it.` };
      address = ip ? goIPKey(ip) : '<nil>';
    }
    if (address === ipv6Wildcard) address = wildcard; // Go treats [::] and 0.0.0.0 alike here
    const key = `${hostPort}/${str(mapping, 'protocol')}`;
    const addresses = bound.get(key) ?? new Set<string>();
    if ((address === wildcard && addresses.size > 0) || addresses.has(address) || addresses.has(wildcard)) {
      const shown = address === '<nil>' ? '(no address)' : address;
      return { severity: 'error', node: mapping.at.get('hostPort') ?? mapping.node, message: `Host port ${key.replace(/\/$/, '')} on ${shown} is already mapped by another port mapping of this node (0.0.0.0 and :: overlap every address).` };
    }
    addresses.add(address);
    bound.set(key, addresses);
  }
  return warning;
}

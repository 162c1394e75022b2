/**
 * What differs between the kind releases this app knows, read in each tag's source
 * (sigs.k8s.io/kind v0.30.0, v0.31.0, v0.32.0, v0.33.0):
 * - pkg/cluster/internal/kubeadm/config.go `Config`: v0.30 and v0.31 write kubeadm v1beta2 below
 *   Kubernetes 1.23 and v1beta3 from 1.23 on; v0.32 and v0.33 write v1beta4 from 1.36 on;
 * - pkg/internal/apis/config/validate.go `validatePortMappings`: from v0.32 an empty listenAddress
 *   counts as 0.0.0.0 and one that is not an IP address is refused; v0.30 and v0.31 let a bad
 *   address through (docker fails on it later) and treat "" as its own address.
 * Config decoding (encoding/load.go, v1alpha4/types.go, yaml.go, go.yaml.in/yaml/v3 v3.0.4) and
 * the rest of validation are the same in all four.
 */
export interface KindRelease {
  /** As written, e.g. "v0.32.0". */
  version: string;
  minor: number;
  /** Whether this app has read this release's source (v0.30–v0.33). */
  known: boolean;
  /** v0.32+: listenAddress must be an IP, and "" is the wildcard address. */
  listenAddressIsChecked: boolean;
  /** The first Kubernetes minor for which this release writes kubeadm v1beta4, if any. */
  v1beta4FromMinor?: number;
}

export const knownKindMinors = [30, 31, 32, 33] as const;

/** "v0.32.0", "0.31.1", "kind v0.30.0 go1.24.6 linux/amd64": the release, or undefined if none is named. */
export function kindRelease(text: string | undefined): KindRelease | undefined {
  const match = text ? /\bv?0\.(\d+)\.(\d+)/.exec(text) : null;
  if (!match) return undefined;
  const minor = Number(match[1]);
  return {
    version: `v0.${minor}.${match[2]}`,
    minor,
    known: (knownKindMinors as readonly number[]).includes(minor),
    listenAddressIsChecked: minor >= 32,
    v1beta4FromMinor: minor >= 32 ? 36 : undefined,
  };
}

/**
 * A Kubernetes version as kind's ParseGeneric reads it (pkg/internal/version: optional "v", at least
 * two dot-separated numbers, the first without a leading zero, anything after them ignored, so
 * "v1.36.0-alpha.1" is 1.36.0). Undefined where kind's kubeadm config step would fail to parse it.
 */
export function kubernetesMinor(text: string | undefined): { major: number; minor: number; patch: number } | undefined {
  const match = text ? /^\s*v?([0-9]+(?:\.[0-9]+)+)/.exec(text) : null;
  if (!match) return undefined;
  const parts = (match[1] ?? '').split('.');
  if (parts[0] !== '0' && parts[0]?.startsWith('0')) return undefined;
  const [major = 0, minor = 0, patch = 0] = parts.map(Number);
  return { major, minor, patch };
}

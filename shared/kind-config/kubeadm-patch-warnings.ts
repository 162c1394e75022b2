import { parse } from 'yaml';
import type { Node } from 'yaml';
import type { ConfigProblem } from './config-problem.js';
import { listItemNodes, type DecodedStruct } from './decode-kind-config.js';
import { kindRelease, knownKindMinors, kubernetesMinor } from './kind-version-rules.js';

/** The kind release that will run and the Kubernetes version of the node image it will boot. */
export interface KindTarget {
  /** e.g. "v0.32.0"; undefined when the app does not know yet which kind will run. */
  kindVersion?: string;
  /** e.g. "v1.36.1" or "v1.36.0-alpha.2.40+abc"; undefined when the node image is not built yet. */
  kubernetesVersion?: string;
}

export type KubeadmApi = { api: string } | { unknown: string };

/**
 * The kubeadm config API version kind writes for a node image, as each release's
 * pkg/cluster/internal/kubeadm/config.go decides: v1beta2 below Kubernetes 1.23, v1beta3 from
 * 1.23, and with kind v0.32 and later v1beta4 from 1.36 (kind v0.30 and v0.31 never write v1beta4).
 * When either version is unknown it says which, instead of guessing.
 */
export function kubeadmApiFor(target: KindTarget): KubeadmApi {
  const release = kindRelease(target.kindVersion);
  if (!release) return { unknown: target.kindVersion ? `the kind version "${target.kindVersion}" cannot be read` : 'which kind version will run is not known yet' };
  if (!release.known) return { unknown: `kind ${release.version} is not one of the releases this app has read (v0.${knownKindMinors[0]}–v0.${knownKindMinors[knownKindMinors.length - 1]})` };
  if (target.kubernetesVersion === undefined) return { unknown: "the node image's Kubernetes version is not known yet" };
  const k8s = kubernetesMinor(target.kubernetesVersion);
  if (!k8s) return { unknown: `kind cannot read the Kubernetes version "${target.kubernetesVersion}"` };
  const atLeast = (minor: number): boolean => k8s.major > 1 || (k8s.major === 1 && k8s.minor >= minor);
  if (release.v1beta4FromMinor !== undefined && atLeast(release.v1beta4FromMinor)) return { api: 'kubeadm.k8s.io/v1beta4' };
  if (atLeast(23)) return { api: 'kubeadm.k8s.io/v1beta3' };
  return { api: 'kubeadm.k8s.io/v1beta2' };
}

const rulesInWords = 'kind v0.30 and v0.31 write kubeadm v1beta3 for every Kubernetes from 1.23; kind v0.32 and later write v1beta4 from Kubernetes 1.36';

/**
 * kind applies a patch to a kubeadm document only when the patch names no apiVersion or the very
 * one kind wrote (pkg/internal/patch/resource.go `matches`; a JSON 6902 patch's group/version is
 * joined as group + "/" + version, matchinfo.go); a patch pinned to another version is skipped
 * without a word (kubeyaml.go never checks that every patch was used). This finds those patches.
 */
export function kubeadmPatchWarnings(cluster: DecodedStruct, target: KindTarget, at: (node: Node | null | undefined) => { line: number; column: number }): ConfigProblem[] {
  const wanted = kubeadmApiFor(target);
  const warnings: ConfigProblem[] = [];
  const check = (apiVersion: string, what: string, node: Node | undefined): void => {
    if (!apiVersion.startsWith('kubeadm.k8s.io/')) return;
    if ('api' in wanted) {
      if (apiVersion === wanted.api) return;
      warnings.push({
        severity: 'warning',
        ...at(node),
        message: `This ${what} patch is pinned to ${apiVersion}, but kind ${target.kindVersion ?? ''} generates ${wanted.api} for Kubernetes ${target.kubernetesVersion ?? ''}: kind will skip it silently. Remove its apiVersion or change it to ${wanted.api}.`,
      });
      return;
    }
    warnings.push({
      severity: 'warning',
      ...at(node),
      message: `This ${what} patch is pinned to ${apiVersion}; whether kind applies it cannot be told because ${wanted.unknown} (${rulesInWords}; a patch for another version is skipped silently). Leaving apiVersion out makes it apply to every version.`,
    });
  };

  const structs = [cluster, ...((cluster.values.get('nodes') as DecodedStruct[] | undefined) ?? [])];
  for (const owner of structs) {
    const patches = owner.values.get('kubeadmConfigPatches') as string[] | undefined;
    const nodes = patches ? listItemNodes.get(patches) : undefined;
    patches?.forEach((patch, index) => {
      for (const doc of splitLikeKind(patch)) {
        let meta: unknown;
        try {
          meta = parse(doc);
        } catch {
          continue;
        }
        if (!meta || typeof meta !== 'object') continue;
        const { apiVersion, kind } = meta as { apiVersion?: unknown; kind?: unknown };
        if (typeof apiVersion === 'string') check(apiVersion, typeof kind === 'string' ? kind : 'kubeadm', nodes?.[index]);
      }
    });
    for (const patch of (owner.values.get('kubeadmConfigPatchesJSON6902') as DecodedStruct[] | undefined) ?? []) {
      const group = String(patch.values.get('group') ?? '');
      const version = String(patch.values.get('version') ?? '');
      if (group !== 'kubeadm.k8s.io') continue;
      const kind = String(patch.values.get('kind') ?? 'kubeadm');
      if (version === '') {
        warnings.push({ severity: 'warning', ...at(patch.at.get('group') ?? patch.node), message: `This JSON 6902 patch for ${kind} names group kubeadm.k8s.io without a version, so it matches the apiVersion "kubeadm.k8s.io/" that no document has: kind will skip it silently. Give it the version kind writes, or leave the group out too.` });
        continue;
      }
      check(`${group}/${version}`, `JSON 6902 ${kind}`, patch.at.get('version') ?? patch.node);
    }
  }
  return warnings;
}

/** kind splits a patch into documents on "\n---" followed by the rest of that line (resource.go). */
function splitLikeKind(text: string): string[] {
  const docs: string[] = [];
  let rest = text;
  for (;;) {
    const at = rest.indexOf('\n---');
    if (at < 0) break;
    docs.push(rest.slice(0, at));
    const lineEnd = rest.indexOf('\n', at + 4);
    if (lineEnd < 0) {
      rest = '';
      break;
    }
    rest = rest.slice(lineEnd + 1);
  }
  if (rest !== '') docs.push(rest);
  return docs;
}

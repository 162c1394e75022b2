import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { compareVersions } from '../toolchain/compare-versions.js';
import type { ConfigProblem } from './config-problem.js';

/** The kubeadm config API kind generates for a Kubernetes version: v1beta4 from 1.36, v1beta3 from 1.23. */
export function kubeadmApiFor(kubernetesVersion: string): string {
  if (compareVersions(kubernetesVersion, '1.36.0') >= 0) return 'kubeadm.k8s.io/v1beta4';
  if (compareVersions(kubernetesVersion, '1.23.0') >= 0) return 'kubeadm.k8s.io/v1beta3';
  return 'kubeadm.k8s.io/v1beta2';
}

/**
 * kind applies a kubeadm patch to a document only when the patch has no apiVersion or the same one;
 * a patch pinned to another kubeadm API version is skipped without a word. This finds those.
 */
export function kubeadmPatchWarnings(root: YAMLMap, kubernetesVersion: string | undefined, at: (node: Node | null | undefined) => { line: number; column: number }): ConfigProblem[] {
  const patches: Node[] = [];
  const collect = (map: YAMLMap): void => {
    const list = map.get('kubeadmConfigPatches', true);
    if (isSeq(list)) patches.push(...(list.items as Node[]));
  };
  collect(root);
  const nodes = root.get('nodes', true);
  if (isSeq(nodes)) for (const node of nodes.items) if (isMap(node)) collect(node);

  const wanted = kubernetesVersion ? kubeadmApiFor(kubernetesVersion) : undefined;
  const warnings: ConfigProblem[] = [];
  for (const patch of patches) {
    if (!isScalar(patch) || typeof patch.value !== 'string') continue;
    for (const doc of parseAllDocuments(patch.value)) {
      if (!('contents' in doc) || !isMap(doc.contents)) continue;
      const version: unknown = doc.contents.get('apiVersion');
      if (typeof version !== 'string' || !version.startsWith('kubeadm.k8s.io/')) continue;
      const kind = String(doc.contents.get('kind') ?? 'a document');
      if (wanted && version !== wanted) {
        warnings.push({ severity: 'warning', ...at(patch), message: `This ${kind} patch is pinned to ${version}, but kind generates ${wanted} for Kubernetes ${kubernetesVersion}: kind will skip it silently. Remove its apiVersion or change it to ${wanted}.` });
      } else if (!wanted) {
        warnings.push({ severity: 'warning', ...at(patch), message: `This ${kind} patch is pinned to ${version}; kind skips it when the node's kubeadm uses another version (v1beta3 up to Kubernetes 1.35, v1beta4 from 1.36). Leaving apiVersion out makes it apply to both.` });
      }
    }
  }
  return warnings;
}

/**
 * The one Kubernetes release the real control plane is built from, and the versions of the
 * pieces around it. Changing any of these makes a new cache folder, so a stale build is never used.
 * etcd is the version k8s.io/kubernetes itself requires in its go.mod for that release.
 */
export const pinnedRelease = {
  kubernetes: 'v1.35.4',
  etcd: 'v3.6.5',
  kwok: 'v0.8.0',
} as const;

/** The staging modules (k8s.io/api, k8s.io/client-go, …) are tagged v0.X.Y for Kubernetes v1.X.Y. */
export function stagingVersion(kubernetes: string): string {
  const match = /^v1\.(\d+\.\d+)$/.exec(kubernetes);
  if (!match) throw new Error(`not a Kubernetes release tag: ${kubernetes}`);
  return `v0.${match[1]}`;
}

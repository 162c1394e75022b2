/** How docker is asked about the node containers kind made for a cluster. */

/**
 * The label kind puts on every node container of a cluster, whose value is the cluster's name; `kind
 * get clusters` with the docker provider lists exactly the values of this label over all containers
 * (kind v0.32.0 pkg/cluster/internal/providers/docker/constants.go clusterLabelKey, provision.go
 * `--label`, provider.go ListClusters).
 */
export const kindClusterLabel = 'io.x-k8s.kind.cluster';

/** The control-plane container's image and its kind cluster label, as `<image> <label>` (an image reference has no spaces). */
export function controlPlaneInspectArgv(name: string): string[] {
  return ['docker', 'inspect', '--format', `{{.Config.Image}} {{index .Config.Labels "${kindClusterLabel}"}}`, `${name}-control-plane`];
}

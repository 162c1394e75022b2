/**
 * The kind commands the app runs on a cluster. Each one that writes or edits a kubeconfig is given
 * the app's own file: without `--kubeconfig`, kind writes to (create) or removes `kind-<name>`
 * from (delete) $KUBECONFIG or ~/.kube/config, which may hold someone else's entry of that name
 * (kind v0.32.0: pkg/cmd/kind/create/cluster/createcluster.go and
 * pkg/cmd/kind/delete/cluster/deletecluster.go take --kubeconfig; pkg/cluster/internal/kubeconfig
 * falls back to the environment's kubeconfig when it is empty).
 */
export function kindCreateArgv(options: { name: string; image: string; config: string; kubeconfig: string; wait: string }): string[] {
  return ['kind', 'create', 'cluster', '--name', options.name, '--image', options.image, '--config', options.config, '--kubeconfig', options.kubeconfig, '--retain', '--wait', options.wait];
}

export function kindDeleteArgv(options: { name: string; kubeconfig: string }): string[] {
  return ['kind', 'delete', 'cluster', '--name', options.name, '--kubeconfig', options.kubeconfig];
}

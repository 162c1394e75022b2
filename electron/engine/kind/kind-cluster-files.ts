import path from 'node:path';
import { kindConfigClusterName } from '../../../shared/kind-config/validate-kind-config.js';

/** Where the app keeps a kind cluster's config, kubeconfig, hot-swap journal and exported logs. */
export function clusterDir(dataDir: string, name: string): string {
  return path.join(dataDir, 'clusters', name);
}

/** The app-owned kubeconfig of a kind cluster: every kind command that writes or edits a kubeconfig gets this one, never the user's. */
export function clusterKubeconfig(dataDir: string, name: string): string {
  return path.join(clusterDir(dataDir, name), 'kubeconfig');
}

/** The cluster name kind will use for a config (decoded as kind decodes it; kind's default is "kind"). */
export function kindClusterName(config: string): string {
  return kindConfigClusterName(config) || 'kind';
}

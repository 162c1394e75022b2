import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ClusterFactsSchema, type ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import { loadJsonFile, writeJsonAtomic } from './json-file.js';

/**
 * The cluster the last successful Cluster step left ready, in <data>/cluster.json, so the Test step
 * and a rerun after a restart know where to run without setting the cluster up again.
 */
function file(dataDir: string): string {
  return path.join(dataDir, 'cluster.json');
}

export async function writeCurrentCluster(dataDir: string, facts: ClusterFacts): Promise<void> {
  await writeJsonAtomic(file(dataDir), facts);
}

export async function readCurrentCluster(dataDir: string): Promise<ClusterFacts | undefined> {
  const loaded = await loadJsonFile(file(dataDir), ClusterFactsSchema.optional(), undefined);
  return loaded.value;
}

/** Forgets the current cluster; with `ifMode`, only when it is a cluster of that mode. */
export async function forgetCurrentCluster(dataDir: string, options: { ifMode?: ClusterFacts['mode'] } = {}): Promise<void> {
  if (options.ifMode && (await readCurrentCluster(dataDir))?.mode !== options.ifMode) return;
  await rm(file(dataDir), { force: true });
}

/** The current cluster, only if it was set up in `mode` (a cluster of the other mode is not what the user chose now). */
export async function currentClusterFor(dataDir: string, mode: ClusterFacts['mode']): Promise<{ cluster?: ClusterFacts; otherMode?: ClusterFacts['mode'] }> {
  const cluster = await readCurrentCluster(dataDir);
  if (!cluster) return {};
  return cluster.mode === mode ? { cluster } : { otherMode: cluster.mode };
}

/**
 * The cluster the last successful Cluster step made ready, also across restarts, kept up to date
 * from step updates: the Shell tab talks to it.
 */
export async function trackCurrentCluster(dataDir: string): Promise<{ get(): ClusterFacts | undefined; stepChanged(info: StepInfo): void }> {
  let current = await readCurrentCluster(dataDir).catch(() => undefined);
  return {
    get: () => current,
    stepChanged: (info) => {
      if (info.state !== 'done') return;
      if (info.outcome === 'success' && info.result?.kind === 'cluster') current = info.result.cluster;
      if (info.result?.kind === 'teardown' && (info.result.action === 'deleted' || (info.result.action === 'restored' && current?.mode === 'remote'))) current = undefined;
    },
  };
}

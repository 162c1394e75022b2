import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ClusterFactsSchema, type ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
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

export async function forgetCurrentCluster(dataDir: string): Promise<void> {
  await rm(file(dataDir), { force: true });
}

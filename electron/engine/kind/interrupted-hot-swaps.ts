import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readJournal } from './scheduler-hot-swap.js';

/** Clusters whose scheduler swap (or its restore) did not finish: their journal is still mid-way. */
export async function interruptedHotSwaps(dataDir: string): Promise<Array<{ cluster: string; state: string }>> {
  const clusters = await readdir(path.join(dataDir, 'clusters')).catch(() => [] as string[]);
  const found: Array<{ cluster: string; state: string }> = [];
  for (const cluster of clusters) {
    const journal = await readJournal(path.join(dataDir, 'clusters', cluster));
    if (journal && journal.state !== 'swapped') found.push({ cluster, state: journal.state });
  }
  return found;
}

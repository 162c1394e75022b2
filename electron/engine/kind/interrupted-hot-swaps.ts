import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readJournal } from './scheduler-hot-swap.js';

/** Clusters whose scheduler swap (or its restore) did not finish: their journal is still mid-way, or unreadable. */
export async function interruptedHotSwaps(dataDir: string): Promise<Array<{ cluster: string; state: string }>> {
  const clusters = await readdir(path.join(dataDir, 'clusters')).catch(() => [] as string[]);
  const found: Array<{ cluster: string; state: string }> = [];
  for (const cluster of clusters) {
    const read = await readJournal(path.join(dataDir, 'clusters', cluster));
    if (read.kind === 'ok' && read.journal.state !== 'swapped') found.push({ cluster, state: read.journal.state });
    if (read.kind === 'corrupt') found.push({ cluster, state: `journal unreadable, kept as ${read.aside}` });
  }
  return found;
}

import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { SwapJournalSchema, type SwapJournal } from '../../../shared/remote/swap-journal.js';
import { writeJsonAtomic } from '../store/json-file.js';

/** Where remote mode keeps its files: the private kubeconfig, the scheduler config, and the swap journal. */
export function remoteDir(dataDir: string): string {
  return path.join(dataDir, 'remote');
}

export const remoteFiles = (dataDir: string) => ({
  kubeconfig: path.join(remoteDir(dataDir), 'kubeconfig'),
  schedulerConfig: path.join(remoteDir(dataDir), 'kube-scheduler-config.yaml'),
  journal: path.join(remoteDir(dataDir), 'swap-journal.json'),
});

export async function ensureRemoteDir(dataDir: string): Promise<void> {
  await mkdir(remoteDir(dataDir), { recursive: true, mode: 0o700 });
}

/**
 * The swap journal is written (temp file, fsync, rename, fsync of the folder) before each change to
 * the cluster, so whatever happens next, the next start knows what to put back.
 */
export async function writeJournal(dataDir: string, journal: SwapJournal): Promise<void> {
  await ensureRemoteDir(dataDir);
  await writeJsonAtomic(remoteFiles(dataDir).journal, SwapJournalSchema.parse(journal));
}

/** The journal of a swap that has not been restored yet, if there is one. An unreadable one is an error, never ignored. */
export async function readJournal(dataDir: string): Promise<SwapJournal | undefined> {
  let text: string;
  try {
    text = await readFile(remoteFiles(dataDir).journal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return SwapJournalSchema.parse(JSON.parse(text));
}

export async function clearJournal(dataDir: string): Promise<void> {
  await rm(remoteFiles(dataDir).journal, { force: true });
}

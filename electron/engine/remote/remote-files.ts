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
  /** The journal's own copy of the kubeconfig the swap was made with: the restore uses it, whatever the Mode step writes later. */
  swapKubeconfig: path.join(remoteDir(dataDir), 'swap-kubeconfig'),
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

export type JournalRead = { kind: 'none' } | { kind: 'ok'; journal: SwapJournal } | { kind: 'corrupt'; text: string; reason: string };

/**
 * The journal of a swap that has not been restored yet. One that cannot be read is reported as
 * corrupt, with its text, never taken for "no swap". Only the swap guard reads it.
 */
export async function readJournal(dataDir: string): Promise<JournalRead> {
  let text: string;
  try {
    text = await readFile(remoteFiles(dataDir).journal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'corrupt', text: '', reason: (error as Error).message };
  }
  try {
    const parsed = SwapJournalSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'ok', journal: parsed.data };
    const issue = parsed.error.issues[0];
    return { kind: 'corrupt', text, reason: `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'does not match'}` };
  } catch (error) {
    return { kind: 'corrupt', text, reason: (error as Error).message };
  }
}

export async function clearJournal(dataDir: string): Promise<void> {
  await rm(remoteFiles(dataDir).journal, { force: true });
}
